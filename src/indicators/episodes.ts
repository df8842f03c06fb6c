/**
 * Spells, not moments: some events start something that lasts (looked after, a child protection
 * plan, probation supervision, temporary accommodation, treatment, a NEET spell). The events table
 * holds only the start date; the end is in the event's `detail` under a dataset's own column name.
 * The configuration names, per event code, the detail keys that may hold the end. A spell counts
 * in a look-back window while it lasts: started on or before the as-of date and not ended before
 * the window opened (no end recorded: still going).
 */
import type { FactorConfig, FactorDefinition } from './factor-definitions.ts';
import type { SqlParameters } from './sql-parameters.ts';

/** A detail value as an ISO date string (from YYYY-MM-DD… or DD/MM/YYYY); unreadable: '0000-01-01' (ended at once). */
const isoEnd = (value: string) => `CASE WHEN ${value} IS NULL OR btrim(${value}) = '' THEN NULL
      WHEN ${value} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}' THEN substr(${value}, 1, 10)
      WHEN ${value} ~ '^[0-9]{2}/[0-9]{2}/[0-9]{4}$' THEN substr(${value}, 7, 4) || '-' || substr(${value}, 4, 2) || '-' || substr(${value}, 1, 2)
      ELSE '0000-01-01' END`;

/**
 * SQL true when event `e` of one of the factor's spell codes lasted into the window that opens
 * after `windowStart`; FALSE when the factor has no spell codes.
 */
export function spellInWindowSql(factor: FactorDefinition, config: Pick<FactorConfig, 'episodes'>, windowStart: string, p: SqlParameters): string {
  const codes = factor.events.filter((code) => config.episodes[code]);
  if (codes.length === 0) return 'FALSE';
  const branches = codes.map((code) => {
    const keys = config.episodes[code] ?? [];
    const end = `COALESCE(${keys.map((k) => isoEnd(`e.detail ->> ${p.add(k, 'text')}`)).join(', ')})`;
    return `(e.code = ${p.add(code, 'text')} AND (${end} IS NULL OR ${end} > ${windowStart}::text))`;
  });
  return `(${branches.join(' OR ')})`;
}
