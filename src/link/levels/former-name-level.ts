/** A family name matches one the other record lists as former (a name changed on marriage, say). */
import { call } from '../sql/dialect.ts';
import type { LevelHandler } from './level-handler.ts';
import type { LevelOf } from './level-schema.ts';

export const formerNameLevel: LevelHandler<LevelOf<'former_name'>> = {
  sql: (level, { dialect, col }) => {
    const [name, former] = [level.column, level.former];
    return [
      call(dialect, 'listContains', col(former, 'l'), col(name, 'r')),
      call(dialect, 'listContains', col(former, 'r'), col(name, 'l')),
      call(dialect, 'listHasAny', col(former, 'l'), col(former, 'r')),
    ].map((c) => `coalesce(${c}, FALSE)`).join(' OR ');
  },
  label: () => 'former family name',
  columns: (level) => [level.column, level.former],
};
