/** `tributary audit verify`: recompute the audit log's hash chain; exit 2 naming the first broken entry. */
import type { Command } from 'commander';
import { loadSettings } from '../../config/index.ts';
import { verifyAuditChain } from '../../governance/index.ts';
import { openStore } from '../../store/index.ts';

/** Exit status when the chain is broken (1 is kept for "the command itself failed"). */
export const AUDIT_BROKEN_EXIT_CODE = 2;

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the tamper-evident audit log');
  audit.command('verify')
    .description('verify the audit log: exit 0 when the hash chain is intact, 2 naming the first broken entry')
    .action(async () => {
      const settings = loadSettings();
      const store = await openStore({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
      try {
        const result = await verifyAuditChain(store);
        if (result.ok) {
          console.log(`audit log intact: ${result.entries} ${result.entries === 1 ? 'entry' : 'entries'} verified; last hash ${result.headHash}`);
        } else {
          console.error(`audit log broken at entry ${result.brokenAt}: ${result.message} (${result.entries} entries before it verified)`);
          process.exitCode = AUDIT_BROKEN_EXIT_CODE;
        }
      } finally {
        await store.close();
      }
    });
}
