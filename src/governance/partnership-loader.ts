/**
 * Loads a partnership's configuration (`partnership.yaml`: its agencies and data-sharing
 * agreements) into the store, idempotently: agencies and agreements are upserted by id, and an
 * agreement no longer in the file is deactivated (never deleted: batches were loaded under it).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Store } from '../store/index.ts';
import { PartnershipSchema, type PartnershipConfig } from './partnership-schema.ts';

export interface PartnershipProblem {
  /** Dotted path in the file, e.g. `agreements.3.valid_from`. */
  readonly path: string;
  readonly message: string;
  readonly line?: number;
}

export type PartnershipResult =
  | { readonly ok: true; readonly config: PartnershipConfig }
  | { readonly ok: false; readonly problems: readonly PartnershipProblem[] };

export interface PartnershipLoad { readonly agencies: number; readonly agreements: number; readonly deactivated: number; readonly teams: number }

/** Parses and validates partnership YAML, reporting every problem at once with its line. */
export function parsePartnership(text: string): PartnershipResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return { ok: false, problems: document.errors.map((e) => ({ path: '(yaml)', message: e.message.split('\n')[0]!, line: lineCounter.linePos(e.pos[0]).line })) };
  }
  const data: unknown = document.toJS();
  const parsed = PartnershipSchema.safeParse(data);
  const problems: PartnershipProblem[] = parsed.success ? crossCheck(parsed.data) : parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(top level)', message: issue.message,
  }));
  if (problems.length === 0 && parsed.success) return { ok: true, config: parsed.data };
  const lineOf = (path: string): number | undefined => {
    const keys = path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    for (let n = keys.length; n > 0; n -= 1) {
      const node = document.getIn(keys.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { ok: false, problems: problems.map((p) => ({ ...p, line: lineOf(p.path) })) };
}

function crossCheck(config: PartnershipConfig): PartnershipProblem[] {
  const problems: PartnershipProblem[] = [];
  const agencies = new Set<string>();
  config.agencies.forEach((agency, index) => {
    if (agencies.has(agency.id)) problems.push({ path: `agencies.${index}.id`, message: `agency "${agency.id}" is listed twice` });
    agencies.add(agency.id);
  });
  const agreements = new Set<string>();
  config.agreements.forEach((agreement, index) => {
    const path = `agreements.${index}`;
    if (agreements.has(agreement.id)) problems.push({ path: `${path}.id`, message: `agreement "${agreement.id}" is listed twice` });
    agreements.add(agreement.id);
    if (!agencies.has(agreement.agency)) problems.push({ path: `${path}.agency`, message: `"${agreement.agency}" is not one of the agencies listed above` });
    if (agreement.valid_to !== null && agreement.valid_to < agreement.valid_from) {
      problems.push({ path: `${path}.valid_to`, message: `ends (${agreement.valid_to}) before it starts (${agreement.valid_from})` });
    }
  });
  return problems;
}

/** Reads and validates `<configDir>/partnership.yaml`. */
export async function readPartnership(configDir: string): Promise<PartnershipResult & { readonly file: string }> {
  const file = join(configDir, 'partnership.yaml');
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return { ok: false, file, problems: [{ path: '(file)', message: `no partnership configuration at ${file}` }] };
  return { ...parsePartnership(text), file };
}

/**
 * Upserts the agencies, agreements and teams in one transaction; agreements absent from the config
 * are deactivated. Teams are only added or renamed, never removed: accounts and allocations refer to them.
 */
export async function loadPartnership(store: Store, config: PartnershipConfig): Promise<PartnershipLoad> {
  return store.transaction(async (tx) => {
    for (const agency of config.agencies) {
      await tx.query(
        `INSERT INTO agencies (id, name, sector) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, sector = EXCLUDED.sector`,
        [agency.id, agency.name, agency.sector],
      );
    }
    for (const a of config.agreements) {
      await tx.query(
        `INSERT INTO agreements (id, agency_id, dataset, allowed_fields, lawful_basis, purposes, retention_days,
                                 health_disclosure, valid_from, valid_to, active)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6::jsonb, $7, $8, $9::date, $10::date, $11)
         ON CONFLICT (id) DO UPDATE SET agency_id = EXCLUDED.agency_id, dataset = EXCLUDED.dataset,
           allowed_fields = EXCLUDED.allowed_fields, lawful_basis = EXCLUDED.lawful_basis, purposes = EXCLUDED.purposes,
           retention_days = EXCLUDED.retention_days, health_disclosure = EXCLUDED.health_disclosure,
           valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, active = EXCLUDED.active`,
        [a.id, a.agency, a.dataset, JSON.stringify(a.allowed_fields), a.lawful_basis, JSON.stringify(a.purposes),
          a.retention_days, a.health_disclosure, a.valid_from, a.valid_to, a.active],
      );
    }
    for (const team of config.teams) {
      await tx.query(`INSERT INTO teams (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name`, [team.id, team.name]);
    }
    const ids = config.agreements.map((a) => a.id);
    const deactivated = await tx.query(
      `UPDATE agreements SET active = false WHERE active AND NOT (id = ANY($1::text[])) RETURNING id`, [ids],
    );
    return { agencies: config.agencies.length, agreements: ids.length, deactivated: deactivated.length, teams: config.teams.length };
  });
}
