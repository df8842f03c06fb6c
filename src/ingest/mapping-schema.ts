/**
 * A dataset's mapping (YAML): which columns fill which identifier roles, which events and which
 * relationships a row yields. Validated with every problem reported at once.
 *
 * @example
 * dataset: school-census
 * agency: schools
 * format: csv
 * record:
 *   local_id: UPN
 *   identifiers:
 *     upn: UPN
 *     given_name: Forename
 *     family_name: Surname
 *     dob: { column: DOB, format: DD/MM/YYYY }
 *     postcode: Postcode
 * events:
 *   - code: school.suspension
 *     date: { column: SuspensionDate, format: DD/MM/YYYY }
 *     when: { column: SuspensionDate, present: true }
 */
import { z } from 'zod';

export const IDENTIFIER_ROLES = [
  'given_name', 'middle_names', 'family_name', 'former_family_names', 'dob', 'sex', 'postcode',
  'address', 'locality', 'region', 'nhs_number', 'upn', 'ni_number', 'pnc_id', 'email', 'phone',
] as const;
export type IdentifierRole = (typeof IDENTIFIER_ROLES)[number];

export const EVENT_CODES = [
  'school.suspension', 'school.permanent_exclusion', 'school.attainment', 'school.persistent_absence',
  'school.enrolment', 'social_care.child_in_need', 'social_care.child_protection_plan',
  'social_care.looked_after', 'social_care.parental_separation', 'social_care.domestic_abuse_notification',
  'housing.homelessness_application', 'housing.temporary_accommodation',
  'health.substance_misuse_treatment', 'health.alcohol_related_ae', 'police.arrest', 'police.caution',
  'police.conviction', 'youth_justice.out_of_court_disposal', 'youth_justice.court_order',
  'probation.supervision', 'employment.neet', 'employment.claimant',
] as const;
export type EventCode = (typeof EVENT_CODES)[number];

/** Event codes that are special category (health) data. */
export const SPECIAL_CATEGORY_PREFIXES = ['health.'] as const;

export const RELATIONSHIP_KINDS = ['parent_of', 'carer_of', 'sibling_of', 'household_member'] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'YYYYMMDD', 'DD-MM-YYYY', 'MM/DD/YYYY', 'ISO', 'auto'] as const;
/** Formats of `record.as_of` (stored values are compared in SQL, so the format must be fixed). */
export const AS_OF_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'YYYYMMDD', 'DD-MM-YYYY', 'MM/DD/YYYY', 'ISO'] as const;
export const FORMATS = ['csv', 'json', 'xml', 'fixed-width', 'fhir', 'parquet'] as const;
export type Format = (typeof FORMATS)[number];

/** A column name, or a column with a date format. */
const column = z.string().min(1);
export const DateColumnSchema = z.union([
  column.transform((c) => ({ column: c, format: 'auto' as const })),
  z.object({ column, format: z.enum(DATE_FORMATS).default('auto') }).strict(),
]);

/** How a single full-name column is laid out, so that one part of it can fill a name role. */
export const NAME_LAYOUTS = ['SURNAME/FORENAMES', 'SURNAME, FORENAMES', 'FORENAMES SURNAME'] as const;

/**
 * A role may be filled from one column, several joined with spaces (`address: [line1, line2]`),
 * a date column with its format (`dob: { column: DOB, format: YYYYMMDD }`), or one part of a
 * full-name column (`family_name: { column: NAME, layout: SURNAME/FORENAMES, part: family }`;
 * `given` is the first forename, `middle` the rest).
 */
const RoleSourceSchema = z.union([
  column,
  z.array(column).min(1),
  z.object({ column, format: z.enum(DATE_FORMATS) }).strict(),
  z.object({ column, layout: z.enum(NAME_LAYOUTS), part: z.enum(['family', 'given', 'middle']) }).strict(),
]);

export const IdentifiersSchema = z.partialRecord(z.enum(IDENTIFIER_ROLES), RoleSourceSchema);

/** A condition on a row (or on the current group element): all given tests must hold. */
export const ConditionSchema = z.object({
  column,
  equals: z.string().optional(),
  in: z.array(z.string()).optional(),
  present: z.boolean().optional(),
  lt: z.number().optional(),
  gte: z.number().optional(),
}).strict();

export const EventRuleSchema = z.object({
  /** A fixed event code, or `code_from` to look the code up from a column's value. */
  code: z.enum(EVENT_CODES).optional(),
  code_from: z.object({ column, values: z.record(z.string(), z.enum(EVENT_CODES)) }).strict().optional(),
  /** Iterate over a repeated group; column names below then refer to the group element. */
  each: z.string().optional(),
  date: DateColumnSchema,
  when: z.union([ConditionSchema, z.array(ConditionSchema)]).optional(),
  value: column.optional(),
  /** Extra columns kept as the event's detail (not identifiers). */
  detail: z.array(column).optional(),
}).strict().refine((r) => (r.code ? 1 : 0) + (r.code_from ? 1 : 0) === 1, {
  message: 'an event rule needs exactly one of `code` or `code_from`',
});

export const ContactRuleSchema = z.object({
  /** The relationship of the contact to the row's subject (`parent_of`: the contact is the parent). */
  kind: z.enum(RELATIONSHIP_KINDS).optional(),
  kind_from: z.object({ column, values: z.record(z.string(), z.enum(RELATIONSHIP_KINDS)) }).strict().optional(),
  each: z.string().optional(),
  /** The contact's id in the source system; when absent one is derived from the subject's id and position. */
  local_id: column.optional(),
  identifiers: IdentifiersSchema,
  when: z.union([ConditionSchema, z.array(ConditionSchema)]).optional(),
}).strict().refine((r) => (r.kind ? 1 : 0) + (r.kind_from ? 1 : 0) === 1, {
  message: 'a contact rule needs exactly one of `kind` or `kind_from`',
});

export const FormatOptionsSchema = z.object({
  /** csv */
  delimiter: z.string().length(1).optional(),
  header: z.boolean().optional(),
  /** json: dotted path to the array of records (absent: top-level array, or NDJSON). */
  record_path: z.string().optional(),
  /** xml: the element name that holds one record. */
  record_element: z.string().optional(),
  /** fixed-width: the fields of a line, 1-based start. */
  columns: z.array(z.object({ name: column, start: z.number().int().positive(), length: z.number().int().positive() }).strict()).optional(),
  /** fixed-width: a record-type column and the value that marks data lines (others are skipped as headers/trailers). */
  record_type: z.object({ column, equals: z.string() }).strict().optional(),
  encoding: z.enum(['utf-8', 'latin1']).optional(),
}).strict();

export const MappingSchema = z.object({
  dataset: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
  agency: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
  format: z.enum(FORMATS),
  options: FormatOptionsSchema.default({}),
  record: z.object({
    local_id: column,
    identifiers: IdentifiersSchema,
    extra_ids: z.record(z.string(), column).optional(),
    attributes: z.record(z.string(), column).optional(),
    /** Further columns kept in the record's raw values (must be allowed by the agreement). */
    keep: z.array(column).optional(),
    /**
     * The date the row's values were true (a census date, a last-updated date): a record's values
     * are replaced only by a row at least as recent, so an older extract loaded late does not
     * overwrite a newer one. Without it the later load wins.
     */
    as_of: z.object({ column, format: z.enum(AS_OF_FORMATS) }).strict().optional(),
  }).strict(),
  events: z.array(EventRuleSchema).default([]),
  contacts: z.array(ContactRuleSchema).default([]),
}).strict();

export type Mapping = z.infer<typeof MappingSchema>;
export type EventRule = z.infer<typeof EventRuleSchema>;
export type ContactRule = z.infer<typeof ContactRuleSchema>;
export type Condition = z.infer<typeof ConditionSchema>;
export type FormatOptions = z.infer<typeof FormatOptionsSchema>;
