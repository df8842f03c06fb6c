/**
 * Relationship context: agencies record a child's parents and carers as contact records, often a
 * name and nothing else. Two records related to the same (first-pass) person, either way round,
 * whose given names agree are very likely one person, whatever family name each agency recorded
 * (two agencies naming a child's mother; a housing applicant naming her son as a household
 * member, and the son's school naming her as his mother); that pair gets extra weight in the
 * second clustering pass.
 * Two records named on one person (the `from` side) whose given names disagree are two people (the
 * mother and the father: same family name, same address); the second pass never joins them. (Not
 * either way round: a child's own records are related to their parents too, and one child's
 * records under a name the comparisons do not know split.) Two records named on the very same
 * record are two people whatever their names (`coListedSql`).
 */
import type { RunContext } from '../run-context.ts';
import { writePairTable } from '../sql/pair-table.ts';
import { quoteIdent } from '../sql/quote.ts';
import type { TrainedModel } from '../training/model-schema.ts';
import { namesDifferPredicate, relativesAlikePredicate } from './link-evidence-sql.ts';

/** Writes the relations (`from_rid` related to `to_rid`) into a table; returns its name. */
export async function writeRelations(ctx: RunContext, related: ReadonlyArray<readonly [number, number]>): Promise<string> {
  const table = `${ctx.names.clusters}_relations`;
  await writePairTable(ctx.connection, table, ['from_rid', 'to_rid'], related);
  return table;
}

/** The scored pairs whose two records are each related to a record of one cluster (as clustered so far, in `clusters`), and `where` holds. */
function pairsOfRelativesSql(ctx: RunContext, relations: string, where: string, bothWays: boolean): string {
  const { scored, clusters } = ctx.names;
  const reverse = bothWays ? `
  UNION
  SELECT DISTINCT r.to_rid AS rid, coalesce(c.cluster_id, r.from_rid) AS person
  FROM ${quoteIdent(relations)} AS r LEFT JOIN ${quoteIdent(clusters)} AS c ON c.__rid = r.from_rid` : '';
  return `WITH related AS (
  SELECT DISTINCT r.from_rid AS rid, coalesce(c.cluster_id, r.to_rid) AS person
  FROM ${quoteIdent(relations)} AS r LEFT JOIN ${quoteIdent(clusters)} AS c ON c.__rid = r.to_rid${reverse})
SELECT DISTINCT s.__rid_l, s.__rid_r FROM ${quoteIdent(scored)} AS s
JOIN related AS a ON a.rid = s.__rid_l JOIN related AS b ON b.rid = s.__rid_r AND a.person = b.person
WHERE ${where}`;
}

/** Pairs of relatives of one person named alike (`relativesAlikePredicate`): likely one person named by two agencies. */
export function relatedPairsSql(ctx: RunContext, model: TrainedModel, relations: string): string {
  return pairsOfRelativesSql(ctx, relations, relativesAlikePredicate(model, 's.'), true);
}

/** Pairs of relatives of one person whose given names disagree: two people (`clustering.relative_names`). */
export function distinctRelativesSql(ctx: RunContext, model: TrainedModel, relations: string): string {
  return pairsOfRelativesSql(ctx, relations, namesDifferPredicate(model, 's.'), false);
}

/**
 * Pairs of records named on one and the same record (the mother and the father on a school record,
 * two household members on one housing application): two people whatever their names, since a
 * record lists each of its contacts once.
 */
export function coListedSql(relations: string): string {
  return `SELECT DISTINCT a.from_rid AS __rid_l, b.from_rid AS __rid_r FROM ${quoteIdent(relations)} AS a
JOIN ${quoteIdent(relations)} AS b ON b.to_rid = a.to_rid AND b.from_rid > a.from_rid`;
}
