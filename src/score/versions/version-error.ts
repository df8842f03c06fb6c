/**
 * Why a model-version action was refused: a stable code (scripts and the web layer react to it), the
 * HTTP status it maps to, and a message that says what was wrong and what to do.
 */
export const VERSION_ERROR_STATUS = {
  MODEL_VERSION_NOT_FOUND: 404,
  MODEL_APPROVAL_ROLE: 403,
  MODEL_JUSTIFICATION_REQUIRED: 400,
  MODEL_FLAGS_UNANSWERED: 400,
  MODEL_REASON_REQUIRED: 400,
  MODEL_VERSION_STATUS: 409,
  MODEL_NOT_APPROVED: 409,
} as const;
export type VersionErrorCode = keyof typeof VERSION_ERROR_STATUS;

export class ModelVersionError extends Error {
  readonly status: number;
  constructor(readonly code: VersionErrorCode, message: string, readonly problems: readonly string[] = []) {
    super(message);
    this.name = 'ModelVersionError';
    this.status = VERSION_ERROR_STATUS[code];
  }
}
