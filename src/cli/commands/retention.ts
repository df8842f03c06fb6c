/**
 * `tributary retention apply [--dry-run]`: apply each agreement's retention period — delete expired
 * source records and what was derived from them, keeping a tombstone in the audit log. See docs/rights.md.
 */
import type { Command } from 'commander';
import { loadSettings } from '../../config/index.ts';
import { applyRetention, formatRetentionReport } from '../../governance/retention/index.ts';
import { chainAuditSink } from '../../governance/index.ts';
import { openStore } from '../../store/index.ts';

interface Options { dryRun?: boolean; asOf?: string; by: string; dataDir?: string }

export function registerRetention(program: Command): void {
  const retention = program.command('retention').description('retention periods from the data-sharing agreements');
  retention.command('apply')
    .description('delete source records past their agreement’s retention period, and what was derived from them')
    .option('--dry-run', 'only print what would be deleted')
    .option('--as-of <date>', 'apply as of this date (YYYY-MM-DD; default today, UTC)')
    .option('--by <who>', 'who runs it (for the audit log)', 'system:retention')
    .option('--data-dir <dir>', 'embedded store folder (default TRIBUTARY_DATA_DIR or ./data; ignored when DATABASE_URL is set)')
    .action(async (opts: Options) => {
      const settings = loadSettings();
      const store = await openStore({ databaseUrl: settings.databaseUrl, dataDir: opts.dataDir ?? settings.dataDir });
      try {
        const report = await applyRetention(store, chainAuditSink(store), { dryRun: opts.dryRun, asOf: opts.asOf, actor: opts.by });
        console.log(formatRetentionReport(report));
      } finally {
        await store.close();
      }
    });
}
