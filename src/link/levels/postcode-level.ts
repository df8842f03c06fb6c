/**
 * Same UK postcode sector ("SW1A 1"), district ("SW1A") or area ("SW"). Standardised UK postcodes
 * carry a space between outward and inward codes; any other postcode (compared as a plain string
 * by the exact and edit-distance levels) never satisfies these levels.
 */
import { call } from '../sql/dialect.ts';
import type { LevelContext, LevelHandler } from './level-handler.ts';
import type { LevelOf } from './level-schema.ts';

const UK_SHAPE = `'[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}'`;

function partOf(ctx: LevelContext, s: string, part: LevelOf<'postcode'>['part']): string {
  const outward = call(ctx.dialect, 'splitPart', s, `' '`, '1');
  if (part === 'district') return outward;
  if (part === 'area') return call(ctx.dialect, 'regexpExtract', s, `'^[A-Z]+'`);
  const inward = call(ctx.dialect, 'splitPart', s, `' '`, '2');
  return `${outward} || ' ' || ${call(ctx.dialect, 'substring', inward, '1', '1')}`;
}

export const postcodeLevel: LevelHandler<LevelOf<'postcode'>> = {
  sql: (level, ctx) => {
    const [l, r] = [ctx.col(level.column, 'l'), ctx.col(level.column, 'r')];
    const uk = (s: string) => call(ctx.dialect, 'regexpFullMatch', s, UK_SHAPE);
    return `${uk(l)} AND ${uk(r)} AND ${partOf(ctx, l, level.part)} = ${partOf(ctx, r, level.part)}`;
  },
  label: (level) => `same postcode ${level.part}`,
  columns: (level) => [level.column],
};
