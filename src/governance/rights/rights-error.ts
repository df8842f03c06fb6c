/** The stable error codes of the rights functions, for the CLI and the web pages to react to. */
export type RightsErrorCode =
  | 'TRB_RIGHTS_NO_RECORD'
  | 'TRB_RIGHTS_NO_PERSON'
  | 'TRB_RIGHTS_NO_DISPUTE'
  | 'TRB_RIGHTS_DISPUTE_OPEN'
  | 'TRB_RIGHTS_DISPUTE_CLOSED'
  | 'TRB_RIGHTS_OBJECTION_ACTIVE'
  | 'TRB_RIGHTS_NO_OBJECTION';

/** An expected refusal: the record, person or dispute is not in a state the request needs. */
export class RightsError extends Error {
  constructor(readonly code: RightsErrorCode, message: string) {
    super(message);
    this.name = 'RightsError';
  }
}
