/**
 * Source record ids taken from the table's own sequence ahead of the write, so that a chunk of new
 * records can be COPYed straight into `source_records` with its ids, and its events and
 * relationships straight into theirs with their records' ids — no staging table, no join, no ids
 * coming back. Ids come in runs drawn with `nextval` (so no other writer can ever get them); a run
 * is usable only when contiguous, which it is unless another session drew from the sequence at the
 * same moment (then the chunk takes the staged write, and the run is left as a gap, as any sequence
 * leaves gaps). Runs grow from a chunk's size to `MAX_RUN` ids, and the next run is drawn while the
 * current one is used; what a load leaves unused is a gap in the ids.
 */
import type { SqlClient } from '../../store/index.ts';

export interface RecordIds {
  /** The first of `n` consecutive new ids, or null when the sequence gave none in one run. */
  take(n: number): Promise<number | null>;
  /** Waits for a run still being drawn ahead (call before the store may close). */
  settle(): Promise<void>;
}

/** At most this many ids are drawn at a time (about 26 ms of the server's time on PostgreSQL). */
const MAX_RUN = 1 << 16;

/** `$2` is the sequence, asked once: `pg_get_serial_sequence` is not folded into a constant, and per id it cost more than nextval. */
const DRAW = `
  SELECT min(v)::text AS first, max(v)::text AS last
  FROM (SELECT nextval($2::regclass) AS v FROM generate_series(1, $1::int)) AS drawn`;
const SEQUENCE = `SELECT pg_get_serial_sequence('source_records', 'id') AS name`;

interface Run { readonly first: number; readonly size: number }

/**
 * Draws ids with `sql`: on PostgreSQL a connection other than the load's own (sequences are not
 * transactional, so ids drawn there are the load's alone, and drawing them does not wait for the
 * load's statements); on PGlite the load's own.
 */
export function recordIds(sql: SqlClient): RecordIds {
  let next = 0;
  let end = 0;
  let runSize = 0;
  let ahead: Promise<Run | null> | null = null;
  let sequence: Promise<string> | null = null;
  const draw = async (size: number): Promise<Run | null> => {
    sequence ??= sql.query<{ name: string }>(SEQUENCE).then(([row]) => row!.name);
    const [row] = await sql.query<{ first: string; last: string }>(DRAW, [size, await sequence]);
    const first = Number(row!.first);
    return Number(row!.last) - first + 1 === size && Number.isSafeInteger(first + size) ? { first, size } : null;
  };
  const drawAhead = (): void => {
    runSize = Math.min(MAX_RUN, runSize * 2);
    // a failed draw surfaces when its run is needed
    ahead = draw(runSize);
    ahead.catch(() => undefined);
  };
  return {
    async take(n) {
      if (end - next < n && ahead) {
        const run = await ahead;
        ahead = null;
        if (run) [next, end] = [run.first, run.first + run.size];
      }
      if (end - next < n) {
        runSize = Math.max(runSize, n);
        const run = await draw(runSize);
        if (!run) return null;
        [next, end] = [run.first, run.first + run.size];
      }
      const first = next;
      next += n;
      if (!ahead && end - next < runSize / 2) drawAhead();
      return first;
    },
    async settle() {
      await ahead?.catch(() => undefined);
    },
  };
}
