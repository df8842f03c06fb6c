/** Expected failures of hub-only mode, each with a stable code a script can react to. */
export const HUB_ERROR_CODES = [
  'TRB_PPRL_HUB_NO_DATASET', 'TRB_PPRL_HUB_IDENTIFIERS', 'TRB_PPRL_HUB_CLEAR_TEXT', 'TRB_PPRL_HUB_NO_ENCODINGS',
  'TRB_REID_INVALID', 'TRB_REID_NO_PERSON', 'TRB_REID_NO_RECORD', 'TRB_REID_NOT_FOUND', 'TRB_REID_NOT_YOURS', 'TRB_REID_CLOSED',
] as const;
export type HubErrorCode = (typeof HUB_ERROR_CODES)[number];

export class HubError extends Error {
  constructor(readonly code: HubErrorCode, message: string) {
    super(message);
    this.name = 'HubError';
  }
}
