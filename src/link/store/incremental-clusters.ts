/**
 * Clustering for an incremental run: links among new records and from new records to existing
 * ones, taken strongest first, where every existing record carries its person as a strong
 * identifier, so that a new record attaches to at most one existing person and never chains
 * two persons together (the refused link goes to review). Clusters holding no existing record
 * are new persons.
 */
import { assignClusters, type Assignment } from '../cluster/assign-clusters.ts';
import type { Edges } from '../cluster/cluster-edges.ts';
import type { IdValues, StrongIdRule } from '../cluster/strong-id-guard.ts';

export interface IncrementalInput {
  readonly recordCount: number;
  readonly edges: Edges;
  /** Strong identifier values of the records on the edges (spec's strong ids). */
  readonly strongIds: Map<number, IdValues>;
  readonly strongIdRules: readonly StrongIdRule[];
  /** The existing person of each existing record (by `__rid`). */
  readonly personOfRecord: ReadonlyMap<number, string>;
  readonly splitGap: number;
  readonly uncertainWeight: number;
}

export interface IncrementalAssignment {
  readonly assignment: Assignment;
  /** The existing person of each cluster that holds one. */
  readonly personOfCluster: Map<number, string>;
}

/** Clusters new records onto existing persons with the person guard. */
export function clusterIncremental(input: IncrementalInput): IncrementalAssignment {
  const strongIds = new Map<number, IdValues>();
  const width = input.strongIdRules.length;
  const touched = new Set<number>([...input.edges.left, ...input.edges.right]);
  for (const rid of touched) {
    const ids = input.strongIds.get(rid) ?? new Array<string[] | undefined>(width).fill(undefined);
    const person = input.personOfRecord.get(rid);
    strongIds.set(rid, [...ids, person === undefined ? undefined : [person]]);
  }
  const assignment = assignClusters({
    recordCount: input.recordCount, edges: input.edges, strongIds,
    strongIdRules: [...input.strongIdRules, { column: 'person', maxEdits: 0 }],
  }, { gap: input.splitGap, uncertainWeight: input.uncertainWeight });
  const personOfCluster = new Map<number, string>();
  for (const rid of touched) {
    const person = input.personOfRecord.get(rid);
    if (person !== undefined) personOfCluster.set(assignment.cluster[rid]!, person);
  }
  return { assignment, personOfCluster };
}
