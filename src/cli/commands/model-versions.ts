/**
 * `tributary model versions | register | approve | retire | score`: model versions in the store, for
 * administrators and scripts (the governance lead normally approves on the Models page). An action
 * is taken as the named account (`--by`), with that account's role: only the governance lead may
 * approve or retire, and every approval, refusal and retirement goes into the audit chain.
 */
import { readFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { loadSettings } from '../../config/index.ts';
import {
  approveVersion, fairnessFlags, listVersions, loadVersion, registerDraftVersion, retireVersion, scoreAsOf, type VersionActor,
} from '../../score/index.ts';
import { openStore, type Store } from '../../store/index.ts';

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const settings = loadSettings();
  const store = await openStore({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The account acting, with its role; an unknown or inactive username is an error. */
async function actor(store: Store, username: string): Promise<VersionActor> {
  const [user] = await store.sql.query<{ role: string }>('SELECT role FROM users WHERE username = $1 AND active', [username]);
  if (!user) throw new Error(`--by ${username}: there is no active account with that username`);
  return { username, role: user.role };
}

/** `KEY=TEXT` pairs from repeated `--response` options. */
function responsePair(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError(`--response takes FLAG-KEY=TEXT (keys: \`tributary model flags ID\`); got "${value}"`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

function readResponses(file: string): Record<string, string> {
  const value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!value || typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw new Error(`${file} must hold a JSON object of flag key → response text`);
  }
  return value as Record<string, string>;
}

export function registerModelVersions(model: Command): void {
  model.command('versions')
    .description('list the model versions in the store, newest first, with their status')
    .action(() => withStore(async (store) => {
      const versions = await listVersions(store.sql);
      if (versions.length === 0) console.log('no model versions; fit one with `tributary model fit` and `tributary model register`');
      for (const v of versions) {
        const by = v.status === 'approved' ? ` by ${v.approvedBy}${v.demo ? ' (demo)' : ''}` : v.status === 'retired' ? ` by ${v.retiredBy ?? '—'}: ${v.retiredReason ?? ''}` : '';
        console.log(`${v.id}\t${v.status}${by}\tAUC ${v.auc?.toFixed(3) ?? 'n/a'}\t${v.createdAt}`);
      }
    }));

  model.command('flags <id>')
    .description('list the fairness flags of a version, with the keys `approve --response` takes')
    .action((id: string) => withStore(async (store) => {
      const version = await loadVersion(store.sql, id);
      const flags = fairnessFlags(version.fairness);
      if (flags.length === 0) console.log('no fairness flags');
      for (const flag of flags) console.log(`${flag.key}\t${flag.text}${version.fairnessResponses?.[flag.key] ? `\tresponse: ${version.fairnessResponses[flag.key]}` : ''}`);
    }));

  model.command('register')
    .description('store the output of `tributary model fit` as a draft version')
    .requiredOption('--dir <dir>', 'the directory `model fit --out` wrote')
    .requiredOption('--by <username>', 'the account registering it')
    .option('--id <id>', 'version id (default mv-<fit date>-<fingerprint>)')
    .action((opts: { dir: string; by: string; id?: string }) => withStore(async (store) => {
      const id = await registerDraftVersion(store, { modelDir: opts.dir, actor: await actor(store, opts.by), id: opts.id });
      console.log(`registered draft model version ${id}`);
    }));

  model.command('approve <id>')
    .description('approve a draft version (governance lead only): a justification and a response to every fairness flag')
    .requiredOption('--by <username>', 'the governance lead’s account')
    .requiredOption('--justification <text>', 'why this version may score people')
    .option('--response <key=text>', 'a response to one fairness flag (repeat for each)', responsePair)
    .option('--responses <file>', 'a JSON object of flag key → response')
    .action((id: string, opts: { by: string; justification: string; response?: Record<string, string>; responses?: string }) => withStore(async (store) => {
      const responses = { ...(opts.responses ? readResponses(opts.responses) : {}), ...(opts.response ?? {}) };
      const result = await approveVersion(store, { versionId: id, actor: await actor(store, opts.by), justification: opts.justification, responses });
      console.log(`approved model version ${id}${result.retired.length ? `; retired ${result.retired.join(', ')}` : ''}`);
      console.log(`score people with it: tributary model score ${id} --as-of YYYY-MM-DD`);
    }));

  model.command('retire <id>')
    .description('retire a version (governance lead only): it scores no one from then on')
    .requiredOption('--by <username>', 'the governance lead’s account')
    .requiredOption('--reason <text>', 'why it is retired')
    .action((id: string, opts: { by: string; reason: string }) => withStore(async (store) => {
      await retireVersion(store, { versionId: id, actor: await actor(store, opts.by), reason: opts.reason });
      console.log(`retired model version ${id}`);
    }));

  model.command('score <id>')
    .description('score everyone in scope as of a date with an approved version (a draft or retired one is refused)')
    .requiredOption('--as-of <date>', 'YYYY-MM-DD')
    .action((id: string, opts: { asOf: string }) => withStore(async (store) => {
      const scored = await scoreAsOf(store, { versionId: id, asOf: opts.asOf, actor: 'tributary model score' });
      console.log(`scored ${scored} people as of ${opts.asOf} with model version ${id}`);
    }));
}
