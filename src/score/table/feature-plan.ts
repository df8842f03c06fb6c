/**
 * Which columns of a table become features, of which kind, and why every other column does not.
 * With `features` given, exactly those (checked); otherwise every column except the label, the
 * protected and time columns, `exclude`, identifiers (see `idReason`), constant or empty columns,
 * dates, and near-unique text (more than half the values distinct and over 50 of them: names).
 * Numeric columns (every non-missing value a number) are numeric features, or binary when only 0/1;
 * the rest are categorical.
 */
import type { FeatureKind } from '../model/model-schema.ts';
import { missingColumns, type CsvTable } from './csv-table.ts';
import { idReason, profileColumn, type ColumnProfile } from './column-profile.ts';
import { ScoreInputError } from './score-input-error.ts';

export interface PlanOptions {
  label: string;
  features?: readonly string[];
  exclude?: readonly string[];
  protected?: readonly string[];
  time?: string;
}

export interface FeaturePlan {
  features: Array<{ name: string; kind: FeatureKind }>;
  excluded: Array<{ name: string; reason: string }>;
  warnings: string[];
}

const PROTECTED_LOOKING = /(race|ethnic|religio|sex|gender|disab|nationality|sexual)/i;

/** Plans the features of a table. */
export function planFeatures(table: CsvTable, options: PlanOptions): FeaturePlan {
  const named = [options.label, ...(options.features ?? []), ...(options.exclude ?? []), ...(options.protected ?? []), ...(options.time ? [options.time] : [])];
  const absent = [...new Set(named.filter((name) => !table.cells.has(name)))];
  if (absent.length > 0) throw missingColumns(table, absent, 'named in the options');
  const protectedSet = new Set(options.protected ?? []);
  const roles = new Map<string, string>([[options.label, 'the label']]);
  for (const name of protectedSet) roles.set(name, 'a protected characteristic: audited, never a feature');
  if (options.time) roles.set(options.time, 'the time column used to split training from held-out rows');
  for (const name of options.exclude ?? []) if (!roles.has(name)) roles.set(name, 'excluded by --exclude');
  return options.features ? explicitPlan(table, options.features, roles) : automaticPlan(table, roles);
}

function explicitPlan(table: CsvTable, names: readonly string[], roles: Map<string, string>): FeaturePlan {
  const clashes = names.filter((name) => roles.has(name));
  if (clashes.length > 0) {
    throw new ScoreInputError('TRB_SCORE_BAD_OPTION', clashes.map((name) => `"${name}" cannot be a feature: it is ${roles.get(name)}`).join('; ') + '. Remove it from --features.');
  }
  const features = names.map((name) => {
    const profile = profileColumn(name, table.cells.get(name)!);
    if (profile.missing === profile.rows) throw new ScoreInputError('TRB_SCORE_NO_FEATURES', `feature "${name}" has no values (every cell is missing); remove it from --features`);
    return { name, kind: kindOf(profile) };
  });
  const excluded = table.columns.filter((name) => !names.includes(name)).map((name) => ({ name, reason: roles.get(name) ?? 'not listed in --features' }));
  return { features, excluded, warnings: protectedLooking(features.map((f) => f.name)) };
}

function automaticPlan(table: CsvTable, roles: Map<string, string>): FeaturePlan {
  const features: FeaturePlan['features'] = [];
  const excluded: FeaturePlan['excluded'] = [];
  for (const name of table.columns) {
    const role = roles.get(name);
    if (role) { excluded.push({ name, reason: role }); continue; }
    const profile = profileColumn(name, table.cells.get(name)!);
    const reason = automaticExclusion(profile);
    if (reason) excluded.push({ name, reason });
    else features.push({ name, kind: kindOf(profile) });
  }
  if (features.length === 0) {
    throw new ScoreInputError('TRB_SCORE_NO_FEATURES', `no column of ${table.file} can be a feature: ${excluded.map((e) => `${e.name} (${e.reason})`).join('; ')}. Name the features with --features.`);
  }
  return { features, excluded, warnings: protectedLooking(features.map((f) => f.name)) };
}

function automaticExclusion(profile: ColumnProfile): string | null {
  const present = profile.rows - profile.missing;
  if (present === 0) return 'no values (every cell is missing)';
  if (profile.distinct === 1 && profile.missing === 0) return 'one value only (carries no information)';
  const id = idReason(profile);
  if (id) return id;
  if (profile.dates) return 'dates or times (pass it as --time to split on it)';
  if (!profile.numeric && profile.distinct > 50 && profile.distinct > present / 2) return `near-unique text (${profile.distinct} distinct values in ${present} rows: names, timestamps or free text)`;
  return null;
}

function kindOf(profile: ColumnProfile): FeatureKind {
  if (!profile.numeric) return 'categorical';
  return profile.zeroOne ? 'binary' : 'numeric';
}

function protectedLooking(names: readonly string[]): string[] {
  return names.filter((name) => PROTECTED_LOOKING.test(name)).map((name) =>
    `feature "${name}" looks like a protected characteristic; if it is one, pass it with --protected so it is audited and never used as a feature`);
}
