/** Retention: each agreement's retention period applied, with a tombstone in the audit log. */
export {
  applyRetention, todayUtc, type DatasetRetention, type RetentionOptions, type RetentionReport,
} from './apply-retention.ts';
export { scheduleRetention, type RetentionSchedule, type ScheduleOptions } from './schedule-retention.ts';
export { DELETED_KINDS, type DeletedKind } from './retention-deletes.ts';
export { formatRetentionReport } from './retention-report-text.ts';
export { startServeRetention, type ServeRetentionOptions } from './serve-retention.ts';
