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
 * The walk from a person's records to the related records is date-independent and materialised once
 * per transaction for every kind (`ind_person_edges`); per as-of date the cohort's rows whose
 * relationship is known by then are taken (`ind_family_records`, see evaluation-scope.ts), and each
 * family factor takes its kinds from those.
 */
import type { RelationshipKind } from '../ingest/mapping-schema.ts';
import type { SqlParameters, SqlStep } from './sql-parameters.ts';

/**
 * `SELECT own_person, kind, via_person, record_id, known_on`, whatever the as-of date: for every
 * relationship over the kinds in `kinds` (a text[] placeholder; those in `symmetric` walked both
 * ways), the person holding the record at its own end, the related person (NULL when the other
 * record is an unlinked contact), and each record whose events count through them (all the related
 * person's records, or just the contact record), with the date the relationship became known.
 * Reads `ind_relationships` (relationships between records not left out, dated under the
 * `known_from` policy: evaluation-scope.ts); never reaches a person who objects or the person themself.
 */
export function personEdgesSql(kinds: string, symmetric: string): string {
  const excluded = (record: string) => `NOT EXISTS (SELECT 1 FROM ind_excluded_records x WHERE x.record_id = ${record})`;
  return `WITH edges AS (
  SELECT r.kind, r.to_record_id AS own_record, r.from_record_id AS other_record, r.known_on
  FROM ind_relationships r WHERE r.kind = ANY(${kinds})
  UNION ALL
  SELECT r.kind, r.from_record_id, r.to_record_id, r.known_on
  FROM ind_relationships r WHERE r.kind = ANY(${symmetric})
)
SELECT DISTINCT cpr.person_id AS own_person, ed.kind, opr.person_id AS via_person,
    COALESCE(vpr.source_record_id, ed.other_record) AS record_id, ed.known_on
  FROM edges ed
  JOIN person_records cpr ON cpr.source_record_id = ed.own_record
  LEFT JOIN person_records opr ON opr.source_record_id = ed.other_record
  LEFT JOIN person_records vpr ON vpr.person_id = opr.person_id
  WHERE ed.known_on IS NOT NULL AND ${excluded('ed.own_record')} AND ${excluded('ed.other_record')}
    AND (opr.person_id IS NULL OR (opr.person_id <> cpr.person_id
      AND NOT EXISTS (SELECT 1 FROM ind_objecting o WHERE o.person_id = opr.person_id)))`;
}

/**
 * `SELECT person_id, kind, via_person, record_id`: the family records of the cohort through
 * relationships known by `asOf` (a date placeholder), from `ind_person_edges`.
 */
export function familyRecordsSql(asOf: string): string {
  return `SELECT DISTINCT c.person_id, e.kind, e.via_person, e.record_id
  FROM ind_cohort c JOIN ind_person_edges e ON e.own_person = c.person_id
  WHERE e.known_on <= ${asOf}`;
}

/**
 * Steps ending in `<prefix>_records (person_id, via_person, record_id, relations)`: the records
 * whose events count for `person_id`, reached through the related person `via_person` along the
 * kinds in `relations` (from the as-of date's `ind_family_records`).
 */
export function familyRecordSteps(relations: RelationshipKind[], p: SqlParameters, prefix = 'family'): SqlStep[] {
  return [
    {
      name: `${prefix}_records`,
      sql: `SELECT person_id, via_person, record_id, array_agg(DISTINCT kind ORDER BY kind) AS relations
  FROM ind_family_records WHERE kind = ANY(${p.add(relations, 'text[]')})
  GROUP BY 1, 2, 3`,
    },
  ];
}
