/**
 * What the store knows that a transparency record and a DPIA need: each agreement with its agency,
 * lawful basis, purposes, retention and how many records it has brought in, and the approved model
 * version with its evaluation and fairness audit. Counts only: no personal data.
 */
import type { Store } from '../../store/index.ts';

export interface DataSourceFact {
  agreementId: string;
  agencyId: string;
  agencyName: string;
  sector: string;
  datasetId: string;
  lawfulBasis: string;
  purposes: string[];
  retentionDays: number;
  healthDisclosure: string;
  /** Health data (UK GDPR Article 9): sealed at rest, shown only as the agreement allows. */
  specialCategory: boolean;
  allowedFields: string[];
  validFrom: string;
  validTo: string | null;
  active: boolean;
  records: number;
}

export interface ModelFact {
  id: string;
  features: string[];
  evaluation: unknown;
  fairness: unknown;
  card: string;
  approvedBy: string | null;
  approvedAt: string | null;
  justification: string | null;
}

export interface StoreFacts {
  dataSources: DataSourceFact[];
  /** The newest approved model version, or null when none is approved (then nobody is scored). */
  approvedModel: ModelFact | null;
  modelVersions: { draft: number; approved: number; retired: number };
}

/** Reads the facts from the store. */
export async function readStoreFacts(store: Store): Promise<StoreFacts> {
  const sources = await store.sql.query<{ row: DataSourceFact | string }>(`
    SELECT jsonb_build_object('agreementId', a.id, 'agencyId', g.id, 'agencyName', g.name, 'sector', g.sector,
      'datasetId', a.dataset, 'lawfulBasis', a.lawful_basis, 'purposes', a.purposes, 'retentionDays', a.retention_days,
      'healthDisclosure', a.health_disclosure, 'specialCategory', g.sector = 'health', 'allowedFields', a.allowed_fields,
      'validFrom', a.valid_from::text, 'validTo', a.valid_to::text, 'active', a.active,
      'records', COALESCE(c.n, 0)) AS row
    FROM agreements a JOIN agencies g ON g.id = a.agency_id
    LEFT JOIN (SELECT dataset_id, count(*)::int AS n FROM source_records GROUP BY dataset_id) c ON c.dataset_id = a.dataset
    ORDER BY g.sector, a.id`);
  const [model] = await store.sql.query<{ row: ModelFact | string }>(`
    SELECT jsonb_build_object('id', id, 'features', features, 'evaluation', evaluation, 'fairness', fairness, 'card', card,
      'approvedBy', approved_by, 'approvedAt', to_char(approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
      'justification', justification) AS row
    FROM model_versions WHERE status = 'approved' ORDER BY approved_at DESC NULLS LAST, id DESC LIMIT 1`);
  const versions = await store.sql.query<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM model_versions GROUP BY status');
  const count = (status: string) => versions.find((v) => v.status === status)?.n ?? 0;
  const parse = <T>(row: T | string): T => (typeof row === 'string' ? JSON.parse(row) as T : row);
  return {
    dataSources: sources.map((s) => parse(s.row)),
    approvedModel: model ? parse(model.row) : null,
    modelVersions: { draft: count('draft'), approved: count('approved'), retired: count('retired') },
  };
}
