/** Model versions in the store: register a fit as a draft, approve or retire it, and score people with an approved one. */
export { ModelVersionError, VERSION_ERROR_STATUS, type VersionErrorCode } from './version-error.ts';
export { fairnessFlags, PROXY_FLAG_AUC, type FairnessFlag } from './fairness-flags.ts';
export {
  listVersions, loadVersion, VersionDetailSchema, VersionStatusSchema, VersionSummarySchema, VERSION_STATUSES,
  type VersionDetail, type VersionStatus, type VersionSummary,
} from './version-records.ts';
export {
  approveVersion, retireVersion, ApprovalSchema, RetirementSchema, type ApprovalInput, type ApprovalResult, type RetirementInput, type VersionActor,
} from './approve-version.ts';
export { registerDraftVersion, approveDemoVersion, type RegisterOptions } from './register-version.ts';
export { scorePersons, type ScorePersonsInput } from './score-persons.ts';
export { scoreAsOf, rescoreLatest, featureColumnsOf } from './score-as-of.ts';
