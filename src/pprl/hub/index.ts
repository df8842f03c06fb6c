/** Hub-only mode: persons, factors and scores from encodings; re-identification answered by the source agency. */
export { HubError, HUB_ERROR_CODES, type HubErrorCode } from './hub-error.ts';
export { loadHubEncodings, AGENCY_REF, type LoadHubEncodingsResult } from './load-hub-encodings.ts';
export { linkHub, CLEAR_IDENTIFIER_COLUMNS, FOREIGN_EXTRA_IDS_SQL, type LinkHubOptions, type LinkHubResult } from './link-hub.ts';
export {
  requestReidentification, answerReidentification, refuseReidentification, openAnswer, pendingForAgency, pendingRequestFor,
  requestsForPerson, agenciesHolding, type Actor, type ReidentificationRow,
} from './reidentification.ts';
export {
  ReidentificationRequestSchema, ReidentificationAnswerSchema, ReidentificationRefusalSchema,
  type ReidentificationRequestInput, type ReidentificationAnswerInput, type ReidentificationAnswer,
} from './reidentification-inputs.ts';
