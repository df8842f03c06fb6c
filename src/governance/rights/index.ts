/** People's rights: rectification (disputes), objection, and what the scoring stages must leave out. */
export {
  GOVERNANCE_AUDIT_ACTIONS, GovernanceAuditActionSchema, memoryAuditSink,
  type AuditSink, type GovernanceAuditAction, type GovernanceAuditEntry,
} from './audit-sink.ts';
export { RightsError, type RightsErrorCode } from './rights-error.ts';
export { raiseDispute, resolveDispute, RaiseDisputeSchema, ResolveDisputeSchema, type DisputeResult } from './disputes.ts';
export {
  recordObjection, withdrawObjection, RecordObjectionSchema, WithdrawObjectionSchema, type ObjectionResult,
} from './objections.ts';
export { EXCLUDED_PERSONS_SQL, EXCLUDED_RECORDS_SQL, excludedPersons, excludedRecords } from './exclusions.ts';
