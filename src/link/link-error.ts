/**
 * The link stage's one error type: a stable code a script can react to, and a message that says
 * what was wrong, where (file, column, row) and what to do.
 */
export const LINK_ERROR_CODES = [
  'LINK_SPEC_INVALID',
  'LINK_MAP_INVALID',
  'LINK_MODEL_INVALID',
  'LINK_INPUT_FILE',
  'LINK_INPUT_EMPTY',
  'LINK_INPUT_MISSING_COLUMN',
  'LINK_INPUT_MISSING_ID',
  'LINK_INPUT_DUPLICATE_ID',
  'LINK_INPUT_TABLE',
  'LINK_DIALECT_UNSUPPORTED',
  'LINK_TRUTH_INVALID',
  'LINK_NO_RUN',
] as const;
export type LinkErrorCode = (typeof LINK_ERROR_CODES)[number];

export interface LinkErrorWhere {
  readonly file?: string;
  readonly column?: string;
  readonly row?: number;
}

export class LinkError extends Error {
  readonly code: LinkErrorCode;
  readonly where: LinkErrorWhere;

  constructor(code: LinkErrorCode, message: string, where: LinkErrorWhere = {}) {
    super(message);
    this.name = 'LinkError';
    this.code = code;
    this.where = where;
  }
}
