/**
 * What the mapping makes of a row: canonical records (the subject and any contacts), their
 * events and relationships. Zod schemas are the single source of these types, and let tests
 * check any mapped output against the contract.
 */
import { z } from 'zod';
import { EVENT_CODES, RELATIONSHIP_KINDS } from './mapping-schema.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = z.string().min(1).nullable();

/** One column per standardised identifier role: the narrow table linkage reads. */
export const IdentifiersSchema = z.object({
  givenName: text,
  middleNames: text,
  familyName: text,
  formerFamilyNames: z.array(z.string().min(1)).nullable(),
  dob: isoDate.nullable(),
  sex: z.enum(['M', 'F', 'X']).nullable(),
  postcode: text,
  address: text,
  locality: text,
  region: text,
  nhsNumber: text,
  upn: text,
  niNumber: text,
  pncId: text,
  email: text,
  phone: text,
});

export const CanonicalRecordSchema = z.object({
  kind: z.enum(['subject', 'contact']),
  localId: z.string().min(1),
  rowNumber: z.number().int().positive(),
  identifiers: IdentifiersSchema,
  extraIds: z.record(z.string(), z.string()).nullable(),
  attributes: z.record(z.string(), z.string()).nullable(),
  /** The mapped columns as they were in the file (only columns the agreement allows). */
  raw: z.record(z.string(), z.unknown()),
});

export const CanonicalEventSchema = z.object({
  code: z.enum(EVENT_CODES),
  occurredOn: isoDate,
  value: text,
  detail: z.record(z.string(), z.string()).nullable(),
  specialCategory: z.boolean(),
});

/** `from` (a contact's local id) is the parent, carer, sibling or household member of `to` (the subject's). */
export const CanonicalRelationshipSchema = z.object({
  fromLocalId: z.string().min(1),
  toLocalId: z.string().min(1),
  kind: z.enum(RELATIONSHIP_KINDS),
});

export type Identifiers = z.infer<typeof IdentifiersSchema>;
export type CanonicalRecord = z.infer<typeof CanonicalRecordSchema>;
export type CanonicalEvent = z.infer<typeof CanonicalEventSchema>;
export type CanonicalRelationship = z.infer<typeof CanonicalRelationshipSchema>;

/** Identifiers with every role empty. */
export const emptyIdentifiers = (): Identifiers => ({
  givenName: null, middleNames: null, familyName: null, formerFamilyNames: null, dob: null, sex: null,
  postcode: null, address: null, locality: null, region: null, nhsNumber: null, upn: null, niNumber: null,
  pncId: null, email: null, phone: null,
});
