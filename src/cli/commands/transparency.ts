/**
 * `tributary transparency --out DIR`: write the partnership's ATRS record and DPIA facts
 * (atrs.md, atrs.json, dpia-facts.md, dpia-facts.json), audited. See docs/transparency.md.
 */
import type { Command } from 'commander';
import { loadSettings } from '../../config/index.ts';
import { chainAuditSink } from '../../governance/index.ts';
import { loadTransparencyConfig, writeTransparency } from '../../governance/transparency/index.ts';
import { openStore } from '../../store/index.ts';

interface Options { out: string; config: string; by: string; dataDir?: string }

export function registerTransparency(program: Command): void {
  program.command('transparency')
    .description('write the algorithmic transparency record (ATRS Tier 1 and 2) and the DPIA facts to DIR')
    .requiredOption('--out <dir>', 'folder to write atrs.md, atrs.json, dpia-facts.md and dpia-facts.json to')
    .option('--config <file>', 'the partnership’s transparency configuration', 'config/town/transparency.yaml')
    .option('--by <who>', 'who publishes it (for the audit log)', 'system:transparency')
    .option('--data-dir <dir>', 'embedded store folder (default TRIBUTARY_DATA_DIR or ./data; ignored when DATABASE_URL is set)')
    .action(async (opts: Options) => {
      const config = loadTransparencyConfig(opts.config);
      const settings = loadSettings();
      const store = await openStore({ databaseUrl: settings.databaseUrl, dataDir: opts.dataDir ?? settings.dataDir });
      try {
        const output = await writeTransparency(store, config, opts.out);
        const model = output.record.tier2.toolSpecification.model;
        await chainAuditSink(store).append({
          actor: opts.by, role: null, action: 'transparency.published', subjectRef: 'transparency:atrs',
          details: { model_version: model.approved ? model.version : null, agreements: output.record.tier2.toolSpecification.data.sources.length },
        });
        console.log(model.approved ? `approved model: ${model.version}` : `WARNING: ${model.statement}`);
        console.log(`${output.record.tier2.toolSpecification.data.sources.length} agreements; wrote ${output.files.join(', ')}`);
      } finally {
        await store.close();
      }
    });
}
