/**
 * Same UK postcode sector ("SW1A 1"), district ("SW1A") or area ("SW"). Standardised UK postcodes
 * carry a space between outward and inward codes; any other postcode (compared as a plain string
 * by the exact and edit-distance levels) never satisfies these levels. The part is computed once
 * per record when records are prepared (`<column>__<part>`, null unless UK-shaped), so a pair
 * costs one string comparison instead of four regular expressions.
 */
import { call, type Dialect } from '../sql/dialect.ts';
import { derivedColumn, type LevelHandler } from './level-handler.ts';
import type { LevelOf } from './level-schema.ts';

const UK_SHAPE = `'[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}'`;

function partOf(dialect: Dialect, s: string, part: LevelOf<'postcode'>['part']): string {
  const outward = call(dialect, 'splitPart', s, `' '`, '1');
  if (part === 'district') return outward;
  if (part === 'area') return call(dialect, 'regexpExtract', s, `'^[A-Z]+'`);
  const inward = call(dialect, 'splitPart', s, `' '`, '2');
  return `${outward} || ' ' || ${call(dialect, 'substring', inward, '1', '1')}`;
}

/** The part of one postcode, or null when it is not UK-shaped. */
export function postcodePartSql(dialect: Dialect, s: string, part: LevelOf<'postcode'>['part']): string {
  return `CASE WHEN ${call(dialect, 'regexpFullMatch', s, UK_SHAPE)} THEN ${partOf(dialect, s, part)} END`;
}

export const postcodeLevel: LevelHandler<LevelOf<'postcode'>> = {
  sql: (level, { col }) => {
    const column = derivedColumn.postcodePart(level.column, level.part);
    return `${col(column, 'l')} = ${col(column, 'r')}`;
  },
  label: (level) => `same postcode ${level.part}`,
  columns: (level) => [derivedColumn.postcodePart(level.column, level.part)],
  derived: (level) => [{
    column: derivedColumn.postcodePart(level.column, level.part), source: level.column,
    sql: (dialect, s) => postcodePartSql(dialect, s, level.part),
  }],
};
