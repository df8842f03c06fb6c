/**
 * Analysts' clerical decisions, honoured on every run: a `match` becomes a must-link and a
 * `non_match` a cannot-link constraint, records named as the engine's input names them
 * (source = dataset, record id = source record id).
 */
import type { SqlClient } from '../../store/index.ts';
import type { RecordKey } from '../cluster/record-keys.ts';

export interface ReviewConstraints {
  readonly mustLink: Array<[RecordKey, RecordKey]>;
  readonly cannotLink: Array<[RecordKey, RecordKey]>;
}

/** The decided review items as constraints. */
export async function reviewConstraints(sql: SqlClient): Promise<ReviewConstraints> {
  const rows = await sql.query<{ status: string; dl: string; l: string; dr: string; r: string }>(`SELECT ri.status, a.dataset_id AS dl, a.id::text AS l, b.dataset_id AS dr, b.id::text AS r
FROM review_items AS ri JOIN source_records AS a ON a.id = ri.record_l JOIN source_records AS b ON b.id = ri.record_r
WHERE ri.status IN ('match', 'non_match') ORDER BY ri.id`);
  const pair = (row: (typeof rows)[number]): [RecordKey, RecordKey] => [[row.dl, row.l], [row.dr, row.r]];
  return {
    mustLink: rows.filter((r) => r.status === 'match').map(pair),
    cannotLink: rows.filter((r) => r.status === 'non_match').map(pair),
  };
}
