import { describe, expect, it } from 'vitest';
import type { SqlClient } from '../../store/index.ts';
import { recordIds } from './record-ids.ts';

/** A sequence that hands out `next`, `next + 1`, …; `gap` makes the next draw skip an id in its middle (another session's nextval). */
function sequence(): SqlClient & { draws: number[]; gap: boolean } {
  let next = 1;
  const client = {
    draws: [] as number[],
    gap: false,
    async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
      if (sql.includes('pg_get_serial_sequence')) return [{ name: 'public.source_records_id_seq' }] as T[];
      const size = Number(params[0]);
      client.draws.push(size);
      const first = next;
      next += size + (client.gap ? 1 : 0);
      client.gap = false;
      return [{ first: String(first), last: String(next - 1) }] as T[];
    },
    async exec(): Promise<void> {},
  };
  return client;
}

describe('recordIds', () => {
  it('hands out consecutive ids from runs it draws ahead, growing to the chunk sizes', async () => {
    const sql = sequence();
    const ids = recordIds(sql);
    expect(await ids.take(3)).toBe(1);
    expect(await ids.take(3)).toBe(4); // the first run used up, a run of 6 (4..9) was drawn ahead
    expect(await ids.take(3)).toBe(7);
    expect(await ids.take(3)).toBe(10); // from a run of 12 drawn ahead when half of the 6 were left
    await ids.settle();
    expect(sql.draws).toEqual([3, 6, 12]);
  });

  it('gives null when a run is not contiguous (another session drew in between)', async () => {
    const sql = sequence();
    const ids = recordIds(sql);
    sql.gap = true;
    expect(await ids.take(5)).toBeNull();
    await ids.settle();
    expect(await ids.take(5)).not.toBeNull();
  });
});
