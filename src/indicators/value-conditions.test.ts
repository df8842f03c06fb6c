import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.ts';
import type { ValueCondition } from './factor-definitions.ts';
import { sqlParameters } from './sql-parameters.ts';
import { valueConditionSql } from './value-conditions.ts';

describe('value conditions as SQL', () => {
  it.each([
    { description: 'no condition', condition: undefined, sql: 'TRUE', params: [] },
    { description: 'a text equality', condition: { equals: 'WTS' }, sql: '(v = $1::text)', params: ['WTS'] },
    { description: 'a set of values', condition: { in: ['a', 'b'] }, sql: '(v = ANY($1::text[]))', params: [['a', 'b']] },
  ])('writes $description', ({ condition, sql, params }) => {
    const p = sqlParameters();
    expect(valueConditionSql(condition, 'v', p)).toBe(sql);
    expect(p.values).toEqual(params);
  });

  it('writes numeric tests through a guarded cast, parameters in order', () => {
    const p = sqlParameters();
    const sql = valueConditionSql({ gte: 80, lt: 100 }, 'e.value', p);
    expect(sql).toMatch(/^\(\(CASE WHEN e\.value ~ .* THEN btrim\(e\.value\)::numeric END\) < \$1::numeric\) AND \(.* >= \$2::numeric\)$/);
    expect(p.values).toEqual([100, 80]);
  });

  describe('on a real engine', () => {
    let store: Store;
    beforeAll(async () => { store = await openStore({ dataDir: 'memory://', migrate: false }); });
    afterAll(async () => { await store.close(); });

    it.each([
      { description: 'below the threshold', value: '99', condition: { lt: 100 }, holds: true },
      { description: 'at the threshold', value: '100', condition: { lt: 100 }, holds: false },
      { description: 'a decimal with spaces', value: ' 99.5 ', condition: { lt: 100 }, holds: true },
      { description: 'a negative number', value: '-3', condition: { gte: -3 }, holds: true },
      { description: 'not a number: numeric tests are false, never an error', value: 'WTS', condition: { lt: 100 }, holds: false },
      { description: 'an empty value', value: '', condition: { lt: 100 }, holds: false },
      { description: 'no value', value: null, condition: { lt: 100 }, holds: false },
      { description: 'a range, inside', value: '85', condition: { gte: 80, lte: 90 }, holds: true },
      { description: 'a range, outside', value: '91', condition: { gte: 80, lte: 90 }, holds: false },
      { description: 'one of a set', value: 'PKF', condition: { in: ['WTS', 'PKF'] }, holds: true },
      { description: 'text equality', value: 'EXS', condition: { equals: 'WTS' }, holds: false },
    ] as Array<{ description: string; value: string | null; condition: ValueCondition; holds: boolean }>)(
      '$description',
      async ({ value, condition, holds }) => {
        const p = sqlParameters();
        const column = p.add(value, 'text');
        const [row] = await store.sql.query<{ holds: boolean | null }>(`SELECT (${valueConditionSql(condition, column, p)}) AS holds`, p.values);
        expect(row?.holds ?? false).toBe(holds);
      },
    );
  });
});
