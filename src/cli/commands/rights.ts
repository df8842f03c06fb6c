/**
 * `tributary rights dispute|resolve|object|withdraw`: record a person's rights — a dispute about a
 * record (rectification) and its resolution, an objection and its withdrawal. Each is audited.
 * See docs/rights.md.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { loadSettings } from '../../config/index.ts';
import { chainAuditSink } from '../../governance/index.ts';
import {
  raiseDispute, recordObjection, resolveDispute, withdrawObjection, type AuditSink,
} from '../../governance/rights/index.ts';
import { openStore, type Store } from '../../store/index.ts';

const id = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`"${value}" is not an id: give a whole number.`);
  return n;
};

async function withStore(dataDir: string | undefined, work: (store: Store, audit: AuditSink) => Promise<void>): Promise<void> {
  const settings = loadSettings();
  const store = await openStore({ databaseUrl: settings.databaseUrl, dataDir: dataDir ?? settings.dataDir });
  try {
    await work(store, chainAuditSink(store));
  } finally {
    await store.close();
  }
}

const DATA_DIR = ['--data-dir <dir>', 'embedded store folder (default TRIBUTARY_DATA_DIR or ./data; ignored when DATABASE_URL is set)'] as const;

export function registerRights(program: Command): void {
  const rights = program.command('rights').description('people’s rights: disputes (rectification) and objections');
  rights.command('dispute')
    .description('dispute a source record: it leaves factors and scores until its agency answers')
    .requiredOption('--record <id>', 'the source record id', id)
    .requiredOption('--reason <text>', 'what the person says is wrong')
    .requiredOption('--by <who>', 'who records it')
    .option(...DATA_DIR)
    .action((o: { record: number; reason: string; by: string; dataDir?: string }) => withStore(o.dataDir, async (store, audit) => {
      const r = await raiseDispute(store, { sourceRecordId: o.record, reason: o.reason, by: o.by }, audit);
      console.log(`dispute ${r.disputeId} opened: record ${r.sourceRecordId} is left out of factors and scores until resolved`);
    }));
  rights.command('resolve')
    .description('resolve a dispute: upheld (the record is wrong, it stays out) or rejected (it counts again)')
    .requiredOption('--dispute <id>', 'the dispute id', id)
    .addOption(new Option('--outcome <outcome>', 'upheld or rejected').choices(['upheld', 'rejected']).makeOptionMandatory())
    .requiredOption('--by <who>', 'who resolves it (for the agency)')
    .option('--note <text>', 'the agency’s answer', '')
    .option(...DATA_DIR)
    .action((o: { dispute: number; outcome: 'upheld' | 'rejected'; by: string; note: string; dataDir?: string }) =>
      withStore(o.dataDir, async (store, audit) => {
        const r = await resolveDispute(store, { disputeId: o.dispute, outcome: o.outcome, by: o.by, note: o.note }, audit);
        console.log(`dispute ${r.disputeId} ${r.status}: record ${r.sourceRecordId} ${r.recordExcluded ? 'stays out of' : 'counts again in'} factors and scores`);
      }));
  rights.command('object')
    .description('record a person’s objection: they leave factors, scores and worklists')
    .requiredOption('--person <id>', 'the person id')
    .requiredOption('--reason <text>', 'the grounds the person gave')
    .requiredOption('--by <who>', 'who records it')
    .option(...DATA_DIR)
    .action((o: { person: string; reason: string; by: string; dataDir?: string }) => withStore(o.dataDir, async (store, audit) => {
      const r = await recordObjection(store, { personId: o.person, reason: o.reason, by: o.by }, audit);
      console.log(`objection ${r.objectionId} recorded: ${r.personId} is left out from the next run`);
    }));
  rights.command('withdraw')
    .description('withdraw a person’s objection')
    .requiredOption('--person <id>', 'the person id')
    .requiredOption('--by <who>', 'who records it')
    .option(...DATA_DIR)
    .action((o: { person: string; by: string; dataDir?: string }) => withStore(o.dataDir, async (store, audit) => {
      const r = await withdrawObjection(store, { personId: o.person, by: o.by }, audit);
      console.log(`objection ${r.objectionId} withdrawn: ${r.personId} is included again from the next run`);
    }));
}
