/**
 * The stable error codes of the ingest stage: what a user or a script may need to react to.
 * `level` says what the problem stops: the whole dataset (nothing is read), the file (the batch
 * fails and nothing of it is kept), one row (it is quarantined) or one field (it is dropped and
 * the row still loads, with a warning).
 */
export const INGEST_ERRORS = {
  // dataset: refused before any row is read
  INGEST_MAPPING_NOT_FOUND: { level: 'dataset', summary: 'no mapping file for the dataset' },
  INGEST_MAPPING_INVALID: { level: 'dataset', summary: 'the mapping does not validate' },
  INGEST_NO_AGREEMENT: { level: 'dataset', summary: 'no active data-sharing agreement covers the dataset on the load date' },
  INGEST_FIELDS_NOT_AGREED: { level: 'dataset', summary: 'the mapping names columns outside the agreement' },
  INGEST_NO_HEALTH_KEY: { level: 'dataset', summary: 'the dataset holds health events and the key that seals them is missing or invalid' },
  // file: the batch fails, no record of it is kept
  INGEST_FILE_NOT_FOUND: { level: 'file', summary: 'the file cannot be read' },
  INGEST_EMPTY_FILE: { level: 'file', summary: 'the file is empty' },
  INGEST_ENCODING: { level: 'file', summary: 'the file is not in the declared encoding' },
  INGEST_TRUNCATED: { level: 'file', summary: 'the file ends in the middle of a record' },
  INGEST_MALFORMED: { level: 'file', summary: 'the file is not in the declared format' },
  INGEST_MISSING_COLUMNS: { level: 'file', summary: 'the header lacks columns the mapping uses' },
  INGEST_DUPLICATE_COLUMNS: { level: 'file', summary: 'the header names a column twice' },
  INGEST_NO_RECORDS_FOUND: { level: 'file', summary: 'the records are not where the mapping says' },
  INGEST_LOAD_FAILED: { level: 'file', summary: 'the store refused the load' },
  // row: the row is quarantined
  INGEST_ROW_UNPARSEABLE: { level: 'row', summary: 'the row cannot be parsed' },
  INGEST_ROW_FIELD_COUNT: { level: 'row', summary: 'the row has a different number of fields from the header' },
  INGEST_ROW_SHORT_LINE: { level: 'row', summary: 'the line is shorter than the declared columns' },
  INGEST_ROW_NOT_OBJECT: { level: 'row', summary: 'the element is not an object' },
  INGEST_FHIR_NO_PATIENT: { level: 'row', summary: 'FHIR resources without their Patient' },
  INGEST_NO_LOCAL_ID: { level: 'row', summary: 'the row has no local id' },
  INGEST_BAD_DOB: { level: 'row', summary: 'the date of birth cannot be read' },
  INGEST_BAD_AS_OF: { level: 'row', summary: 'the date the row was true as of (record.as_of) cannot be read' },
  INGEST_NO_IDENTITY: { level: 'row', summary: 'the row has neither a name nor an identifier' },
  INGEST_BAD_EVENT_DATE: { level: 'row', summary: 'an event date cannot be read' },
  INGEST_EVENT_DATE_MISSING: { level: 'row', summary: 'an event applies but has no date' },
  // field: dropped with a warning, the row loads
  INGEST_INVALID_IDENTIFIER: { level: 'field', summary: 'an NHS number, UPN, NI number or PNC id fails its check' },
  INGEST_UNKNOWN_SEX: { level: 'field', summary: 'the sex value is not recognised' },
  INGEST_INVALID_CONTACT_DETAIL: { level: 'field', summary: 'an email or phone number cannot be read' },
  INGEST_UNKNOWN_CODE_VALUE: { level: 'field', summary: 'a relationship value is not in the mapping' },
  INGEST_CONTACT_FIELD_DROPPED: { level: 'field', summary: "a contact's field cannot be read" },
  INGEST_CONTACT_DROPPED: { level: 'field', summary: 'a contact has neither a name nor an identifier' },
} as const satisfies Record<string, { level: 'dataset' | 'file' | 'row' | 'field'; summary: string }>;

export type IngestErrorCode = keyof typeof INGEST_ERRORS;

/** A problem with one place in a file: its code, a message saying what to do, and where. */
export interface Problem {
  readonly code: IngestErrorCode;
  readonly message: string;
  readonly column?: string;
}
