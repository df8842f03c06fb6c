/**
 * The data-sharing agreement a load runs under: active, for this agency and dataset, valid on the
 * load date. Agreements live in the store (loaded from the partnership's configuration).
 */
import type { SqlClient } from '../../store/index.ts';

export interface ActiveAgreement {
  readonly ids: readonly string[];
  /** The union of the allowed fields when more than one agreement covers the dataset. */
  readonly allowedFields: readonly string[];
}

/** The agreements covering `dataset` from `agency` on `onDate` (YYYY-MM-DD), or null when there is none. */
export async function findAgreement(sql: SqlClient, agency: string, dataset: string, onDate: string): Promise<ActiveAgreement | null> {
  const rows = await sql.query<{ id: string; allowed_fields: string[] }>(
    `SELECT id, allowed_fields FROM agreements
      WHERE agency_id = $1 AND dataset = $2 AND active
        AND valid_from <= $3::date AND (valid_to IS NULL OR valid_to >= $3::date)
      ORDER BY id`,
    [agency, dataset, onDate],
  );
  if (rows.length === 0) return null;
  return { ids: rows.map((r) => r.id), allowedFields: [...new Set(rows.flatMap((r) => r.allowed_fields))] };
}
