/** Retention on a timer, for the `serve` command: one run at a time, errors reported, never thrown. */
import type { Store } from '../../store/index.ts';
import type { AuditSink } from '../rights/index.ts';
import { applyRetention, type RetentionReport } from './apply-retention.ts';

export interface ScheduleOptions {
  intervalMs: number;
  audit: AuditSink;
  onReport?: (report: RetentionReport) => void;
  onError?: (error: unknown) => void;
}

export interface RetentionSchedule {
  /** Runs now (waiting for a run in progress instead of starting a second). */
  runNow(): Promise<RetentionReport | undefined>;
  stop(): void;
}

/**
 * Applies retention every `intervalMs` (the first run after one interval); the timer does not keep
 * the process alive.
 * @example const schedule = scheduleRetention(store, { intervalMs: 3_600_000, audit: chainAuditSink(store) });
 */
export function scheduleRetention(store: Store, options: ScheduleOptions): RetentionSchedule {
  if (!Number.isFinite(options.intervalMs) || options.intervalMs < 1000) {
    throw new Error(`retention interval ${options.intervalMs} ms: give at least 1000`);
  }
  let running: Promise<RetentionReport | undefined> | undefined;
  const runNow = () => {
    running ??= applyRetention(store, options.audit)
      .then((report) => { options.onReport?.(report); return report; })
      .catch((error: unknown) => { options.onError?.(error); return undefined; })
      .finally(() => { running = undefined; });
    return running;
  };
  const timer = setInterval(() => void runNow(), options.intervalMs);
  timer.unref();
  return { runNow, stop: () => clearInterval(timer) };
}
