/** The Data section's data, as the page shows it and the API returns it. */
import { z } from 'zod';

const when = z.string().describe('ISO 8601 timestamp');

export const AgencySummary = z.object({ id: z.string(), name: z.string(), sector: z.string() });
export const DatasetSummary = z.object({
  id: z.string(), agencyId: z.string(), format: z.string(), mappingHash: z.string(), updatedAt: when,
});
export const AgreementSummary = z.object({
  id: z.string(), agencyId: z.string(), dataset: z.string(), lawfulBasis: z.string(), purposes: z.array(z.string()),
  retentionDays: z.number().int(), validFrom: z.string(), validTo: z.string().nullable(), active: z.boolean(),
});
export const BatchSummary = z.object({
  id: z.number().int(), datasetId: z.string(), agencyId: z.string(), fileName: z.string(), status: z.string(),
  rowsRead: z.number().int(), rowsLoaded: z.number().int(), rowsQuarantined: z.number().int(),
  eventsLoaded: z.number().int(), startedAt: when, finishedAt: when.nullable(),
});
export const UploadSummary = z.object({
  id: z.number().int(), agencyId: z.string(), datasetId: z.string(), fileName: z.string(), sizeBytes: z.number().int(),
  status: z.enum(['received', 'ingested', 'failed']), batchId: z.number().int().nullable(), message: z.string().nullable(),
  uploadedBy: z.string(), receivedAt: when,
});

export const DataOverviewSchema = z.object({
  scope: z.enum(['partnership', 'own_agency']).describe('own_agency: an uploader sees only their agency’s uploads and batches'),
  agencies: z.array(AgencySummary),
  datasets: z.array(DatasetSummary),
  agreements: z.array(AgreementSummary),
  batches: z.array(BatchSummary),
  uploads: z.array(UploadSummary),
});
export type DataOverview = z.infer<typeof DataOverviewSchema>;
