/**
 * `tributary sar --person ID --out DIR --by WHO`: answer a subject access request — everything held
 * about the person as `sar.json` and a readable `sar.html`, audited. See docs/rights.md.
 */
import type { Command } from 'commander';
import { loadSettings } from '../../config/index.ts';
import { chainAuditSink } from '../../governance/index.ts';
import { exportSubjectAccess, writeSubjectAccess } from '../../governance/sar/index.ts';
import { loadSpecialCategoryKey } from '../../governance/special-category/index.ts';
import { openStore } from '../../store/index.ts';

interface Options { person: string; out: string; by: string; dataDir?: string; sealed?: boolean; partnership?: string }

export function registerSar(program: Command): void {
  program.command('sar')
    .description('subject access: export everything held about a person as DIR/sar.json and DIR/sar.html')
    .requiredOption('--person <id>', 'the person id')
    .requiredOption('--out <dir>', 'folder to write sar.json and sar.html to')
    .requiredOption('--by <who>', 'who answers the request (for the audit log)')
    .option('--sealed', 'leave health values sealed instead of opening them with TRIBUTARY_HEALTH_KEY')
    .option('--partnership <name>', 'name shown at the top of sar.html', 'Tributary')
    .option('--data-dir <dir>', 'embedded store folder (default TRIBUTARY_DATA_DIR or ./data; ignored when DATABASE_URL is set)')
    .action(async (opts: Options) => {
      const settings = loadSettings();
      const dataDir = opts.dataDir ?? settings.dataDir;
      const loaded = opts.sealed ? undefined : loadSpecialCategoryKey(process.env, { dataDir, allowDemoKey: true });
      if (loaded?.warning) console.warn(loaded.warning);
      const store = await openStore({ databaseUrl: settings.databaseUrl, dataDir });
      try {
        const sar = await exportSubjectAccess(store, opts.person, { key: loaded?.key });
        const rows = sar.sections.reduce((n, s) => n + s.rows.length, 0);
        await chainAuditSink(store).append({
          actor: opts.by, role: null, action: 'sar.exported', subjectRef: sar.personId,
          details: { sections: sar.sections.length, rows, health: sar.healthData },
        });
        const paths = writeSubjectAccess(sar, opts.out, opts.partnership);
        for (const s of sar.sections) console.log(`  ${s.title}: ${s.rows.length}`);
        console.log(`subject access for ${sar.personId}: ${rows} entries → ${paths.json}, ${paths.html}`);
      } finally {
        await store.close();
      }
    });
}
