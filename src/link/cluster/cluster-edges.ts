/**
 * Clustering scored pairs into clusters: links are taken strongest first (so each cluster grows
 * along its maximum spanning tree), links between clusters carrying conflicting strong
 * identifiers are refused, and clusters can start from existing assignments (for incremental
 * runs, where earlier clusters must keep their ids).
 */
import { AgeGuard } from './age-guard.ts';
import { cannotLinkTokens, mergeTokens, violatesCannotLink } from './cannot-link-guard.ts';
import { idConflict, type IdValues, mergeIds, type StrongIdRule } from './strong-id-guard.ts';
import { UnionFind } from './union-find.ts';

export interface Edges {
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Match weights, sorted descending. */
  readonly weight: Float64Array;
  /** 1 where the link agrees on a strong identifier: it outranks a conflicting date of birth (`kind: 'date'` rules). */
  readonly idAgrees?: Uint8Array;
}

export interface ClusterInput {
  /** Record ids are 1..recordCount. */
  readonly recordCount: number;
  readonly edges: Edges;
  readonly strongIds?: ReadonlyMap<number, IdValues>;
  readonly strongIdRules?: readonly StrongIdRule[];
  /** Groups of records already known to be one person (phase 2: existing persons). */
  readonly existing?: ReadonlyArray<readonly number[]>;
  /** Pairs of records that must never end in one cluster (clerical non-match decisions). */
  readonly cannotLink?: ReadonlyArray<readonly [number, number]>;
  /** Pairs of records recorded as related (a parent and their child): different people, never one cluster. */
  readonly related?: ReadonlyArray<readonly [number, number]>;
  /** Pairs of records related to one person whose given names disagree (two parents of a child): never one cluster. */
  readonly distinctRelatives?: ReadonlyArray<readonly [number, number]>;
  /** Dates of birth (day numbers) by record, for the age guard. */
  readonly dobs?: ReadonlyMap<number, number>;
  /** Records of a person born before this day (a parent or carer of someone born 14 years later). */
  readonly bornBefore?: ReadonlyMap<number, number>;
}

/** The reason given for a link refused because its records are recorded as related. */
export const RELATED_REASON = 'recorded as related (different people)';

/** The reason given for a link refused because its clusters hold two relatives of one person told apart by name. */
export const RELATIVES_REASON = 'two relatives of one person with different given names';

/** The reason given for a link refused because it would make a parent younger than their child. */
export const AGE_REASON = 'a parent or carer born after their child';

export interface RefusedLink {
  readonly left: number;
  readonly right: number;
  readonly weight: number;
  readonly reason: string;
}

export interface ClusterResult {
  readonly forest: UnionFind;
  /** Indices into `edges` of the links that joined clusters (the spanning forest). */
  readonly treeEdges: number[];
  readonly refused: RefusedLink[];
}

/** Runs the constrained clustering. */
export function clusterEdges(input: ClusterInput): ClusterResult {
  const forest = new UnionFind(input.recordCount + 1);
  const rules = input.strongIdRules ?? [];
  const ids = new Map<number, IdValues | undefined>();
  const idsOf = (root: number) => ids.get(root);
  for (const [rid, values] of input.strongIds ?? []) ids.set(rid, values);
  // Pairs that must end in different clusters, each kind with the reason its refusals carry.
  const separations = ([[input.cannotLink, 'decided not a match'], [input.related, RELATED_REASON], [input.distinctRelatives, RELATIVES_REASON]] as const)
    .filter(([pairs]) => pairs?.length).map(([pairs, reason]) => ({ tokens: cannotLinkTokens(pairs!), reason }));
  const separated = (ra: number, rb: number) => separations.find((s) => violatesCannotLink(s.tokens.get(ra), s.tokens.get(rb)))?.reason;
  const ages = new AgeGuard(input.dobs ?? new Map(), input.bornBefore ?? new Map());
  const join = (ra: number, rb: number): number => {
    const root = forest.union(ra, rb);
    if (root < 0) return root;
    for (const { tokens } of separations) {
      const merged = mergeTokens(tokens.get(ra), tokens.get(rb));
      if (merged) tokens.set(root, merged);
    }
    if (ages.active) ages.merge(root, ra, rb);
    return root;
  };
  for (const group of input.existing ?? []) {
    for (const rid of group.slice(1)) {
      const [ra, rb] = [forest.find(group[0]!), forest.find(rid)];
      const root = join(ra, rb);
      if (root >= 0) ids.set(root, mergeIds(idsOf(ra), idsOf(rb)));
    }
  }
  const treeEdges: number[] = [];
  const refused: RefusedLink[] = [];
  const { left, right, weight } = input.edges;
  for (let e = 0; e < left.length; e++) {
    const [ra, rb] = [forest.find(left[e]!), forest.find(right[e]!)];
    if (ra === rb) continue;
    const conflict = rules.length ? idConflict(idsOf(ra), idsOf(rb), rules, { ignoreDates: input.edges.idAgrees?.[e] === 1 }) : undefined;
    const reason = conflict ? `different ${conflict}` : separated(ra, rb) ?? (ages.active && ages.conflicts(ra, rb) ? AGE_REASON : undefined);
    if (reason) {
      refused.push({ left: left[e]!, right: right[e]!, weight: weight[e]!, reason });
      continue;
    }
    const root = join(ra, rb);
    if (rules.length) ids.set(root, mergeIds(idsOf(ra), idsOf(rb)));
    treeEdges.push(e);
  }
  return { forest, treeEdges, refused };
}
