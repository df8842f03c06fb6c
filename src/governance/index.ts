/** Governance: roles, purposes, the access matrix and the tamper-evident audit log. */
export { ROLES, RoleSchema, roleLabels, teamRoles, agencyRoles, type Role } from './roles.ts';
export {
  PURPOSES, PurposeSchema, purposeLabels, personViewPurposes, isKnownPurpose, offeredPurposes, type Purpose,
} from './purposes.ts';
export { CONDITIONS, conditionLabels, type Condition } from './access-conditions.ts';
export { accessMatrix, type AccessRule, type Method } from './access-matrix.ts';
export { findAccessRule, grantFor, mayOpen } from './access-lookup.ts';
export { renderAccessMatrixMarkdown, accessCell } from './access-doc.ts';
export { AUDIT_ACTIONS, AuditActionSchema, type AuditAction, type AuditDetails } from './audit-actions.ts';
export { appendAudit, appendAuditEntries, hashEntry, GENESIS_HASH, type AuditEntry, type AuditEntryInput } from './audit-chain.ts';
export { verifyAuditChain, type ChainVerification, type ChainBreak } from './audit-verify.ts';
export { searchAudit, AuditQuerySchema, type AuditQuery } from './audit-search.ts';
export { applicationRoleGrants } from './app-role-grants.ts';
export { chainAuditSink } from './chain-audit-sink.ts';
export { canonicalJson, type Json } from './canonical-json.ts';
