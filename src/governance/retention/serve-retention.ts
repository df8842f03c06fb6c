/**
 * Retention while the application serves: applied once at start and then every `everyHours`
 * (default 24), audited through the hash chain as `system:retention`; a run that deleted anything
 * is logged with its report, a failed run is logged and retried at the next interval.
 */
import type { Store } from '../../store/index.ts';
import { chainAuditSink } from '../chain-audit-sink.ts';
import type { RetentionReport } from './apply-retention.ts';
import { formatRetentionReport } from './retention-report-text.ts';
import { scheduleRetention, type RetentionSchedule } from './schedule-retention.ts';

export interface ServeRetentionOptions {
  everyHours?: number;
  log?: { info(message: string): void; error(message: string): void };
}

const deletedAnything = (report: RetentionReport) => Object.values(report.totals).some((n) => n > 0);

/**
 * Starts the schedule and its first run; `stop()` it when the server closes.
 * @example const retention = startServeRetention(store, { everyHours: 24 }); app.addHook('onClose', () => retention.stop());
 */
export function startServeRetention(store: Store, options: ServeRetentionOptions = {}): RetentionSchedule & { first: Promise<RetentionReport | undefined> } {
  const everyHours = options.everyHours ?? 24;
  if (!Number.isFinite(everyHours) || everyHours <= 0) throw new Error(`retention every ${everyHours} hours: give a positive number of hours`);
  const log = options.log ?? { info: (m: string) => console.log(m), error: (m: string) => console.error(m) };
  const schedule = scheduleRetention(store, {
    intervalMs: Math.max(1000, Math.round(everyHours * 3_600_000)),
    audit: chainAuditSink(store),
    onReport: (report) => { if (deletedAnything(report)) log.info(formatRetentionReport(report)); },
    onError: (error) => log.error(`retention run failed (retried in ${everyHours} h): ${error instanceof Error ? error.message : String(error)}`),
  });
  return { ...schedule, first: schedule.runNow() };
}
