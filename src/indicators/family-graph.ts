/**
 * The family graph as SQL: from each person in the cohort, through their records, along the
 * relationships the agencies recorded, to the related person's records — all of them, when the
 * contact record has been linked to a person (a parent named on a child's school record, linked to
 * the parent's police record), or just the contact record when it has not.
 *
 * `parent_of`/`carer_of` are walked one way (`from` is the parent of `to`, so the child is `to`);
 * `sibling_of`/`household_member` both ways. A relationship is used only when known by the as-of
 * date, when neither of its records is disputed, and never to a person who objects.
 *
 * The links (cohort person, kind, other record, related person) are materialised once per as-of date
 * for every kind (`ind_family_links`, see evaluation-scope.ts); each family factor takes its kinds.
 */
import type { RelationshipKind } from '../ingest/mapping-schema.ts';
import type { SqlParameters, SqlStep } from './sql-parameters.ts';

/**
 * `SELECT person_id, kind, other_record, via_person`: every family link of the cohort known by
 * `asOf`, over the kinds in `kinds` (a text[] placeholder), walking those in `symmetric` both ways.
 * Reads `ind_relationships`: relationships between records not left out, with the date each became
 * known under the `known_from` policy (evaluation-scope.ts).
 */
export function familyLinksSql(asOf: string, kinds: string, symmetric: string): string {
  const known = `r.known_on <= ${asOf}`;
  const excluded = (record: string) => `NOT EXISTS (SELECT 1 FROM ind_excluded_records x WHERE x.record_id = ${record})`;
  return `WITH edges AS (
  SELECT r.kind, r.to_record_id AS own_record, r.from_record_id AS other_record
  FROM ind_relationships r WHERE r.kind = ANY(${kinds}) AND ${known}
  UNION ALL
  SELECT r.kind, r.from_record_id, r.to_record_id
  FROM ind_relationships r WHERE r.kind = ANY(${symmetric}) AND ${known}
)
SELECT DISTINCT c.person_id, ed.kind, ed.other_record, opr.person_id AS via_person
  FROM ind_cohort c
  JOIN person_records cpr ON cpr.person_id = c.person_id
  JOIN edges ed ON ed.own_record = cpr.source_record_id
  LEFT JOIN person_records opr ON opr.source_record_id = ed.other_record
  WHERE ${excluded('ed.own_record')} AND ${excluded('ed.other_record')}
    AND (opr.person_id IS NULL OR (opr.person_id <> c.person_id
      AND NOT EXISTS (SELECT 1 FROM ind_objecting o WHERE o.person_id = opr.person_id)))`;
}

/**
 * Steps ending in `<prefix>_records (person_id, via_person, record_id, relations)`: the records
 * whose events count for `person_id`, reached through the related person `via_person`.
 */
export function familyRecordSteps(relations: RelationshipKind[], p: SqlParameters, prefix = 'family'): SqlStep[] {
  return [
    {
      name: `${prefix}_links`,
      sql: `SELECT person_id, kind, other_record, via_person FROM ind_family_links WHERE kind = ANY(${p.add(relations, 'text[]')})`,
    },
    {
      name: `${prefix}_records`,
      sql: `SELECT fl.person_id, fl.via_person, COALESCE(vpr.source_record_id, fl.other_record) AS record_id,
    array_agg(DISTINCT fl.kind ORDER BY fl.kind) AS relations
  FROM ${prefix}_links fl
  LEFT JOIN person_records vpr ON vpr.person_id = fl.via_person
  GROUP BY 1, 2, 3`,
    },
  ];
}
