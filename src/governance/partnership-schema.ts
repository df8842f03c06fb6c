/**
 * A partnership's configuration (YAML): its agencies and the data-sharing agreements under which
 * each dataset may be ingested. Agreements are configuration, loaded into the store.
 */
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const AgencySchema = z.object({
  id: slug,
  name: z.string().min(1),
  sector: z.enum(['education', 'social_care', 'housing', 'health', 'police', 'probation', 'youth_justice', 'employment', 'other']),
}).strict();

export const AgreementSchema = z.object({
  id: slug,
  agency: slug,
  dataset: slug,
  /** Source columns (as named in the extract) the agency may send; anything else is refused. */
  allowed_fields: z.array(z.string().min(1)).min(1),
  lawful_basis: z.string().min(1),
  purposes: z.array(z.enum(['early_help', 'safeguarding', 'prevention', 'linkage_quality', 'model_development', 'audit'])).min(1),
  retention_days: z.number().int().positive(),
  /** How much health detail practitioners may see: the service contact only, or clinical detail. */
  health_disclosure: z.enum(['service_contact', 'clinical_detail']).default('service_contact'),
  valid_from: isoDate,
  valid_to: isoDate.nullable().default(null),
  active: z.boolean().default(true),
}).strict();

/** A team of practitioners: the young people of its schools and localities are on its worklist until allocated. */
export const TeamSchema = z.object({
  id: slug,
  name: z.string().min(1),
  /** Schools (LAEstab, seven digits): their pupils are the team's, before any locality. */
  schools: z.array(z.string().regex(/^\d{7}$/, 'a seven-digit LAEstab')).default([]),
  /** Postcode districts (the outward code, e.g. TB1) of the young people who are the team's. */
  localities: z.array(z.string().regex(/^[A-Z]{1,2}[0-9][0-9A-Z]?$/, 'a postcode district such as TB1')).default([]),
  /** Takes the young people no school or locality places (at most one team). */
  catch_all: z.boolean().default(false),
}).strict();

export const PartnershipSchema = z.object({
  partnership: z.object({ name: z.string().min(1), area: z.string().min(1) }).strict(),
  agencies: z.array(AgencySchema).min(1),
  agreements: z.array(AgreementSchema),
  teams: z.array(TeamSchema).default([]),
}).strict();

export type PartnershipConfig = z.infer<typeof PartnershipSchema>;
export type AgreementConfig = z.infer<typeof AgreementSchema>;
export type AgencyConfig = z.infer<typeof AgencySchema>;
export type TeamConfig = z.infer<typeof TeamSchema>;
