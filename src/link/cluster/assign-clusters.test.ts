import { describe, expect, it } from 'vitest';
import { assignClusters, UNCERTAIN_LINK_REASON } from './assign-clusters.ts';
import { dayNumber } from './age-guard.ts';
import { AGE_REASON, type Edges, RELATED_REASON, RELATIVES_REASON } from './cluster-edges.ts';
import { editDistance } from './edit-distance.ts';
import { datesCompatible } from './strong-id-guard.ts';

function edges(list: Array<[number, number, number]>): Edges {
  const sorted = [...list].sort((a, b) => b[2] - a[2]);
  return { left: Int32Array.from(sorted.map((e) => e[0])), right: Int32Array.from(sorted.map((e) => e[1])), weight: Float64Array.from(sorted.map((e) => e[2])) };
}
const split = { gap: 15, uncertainWeight: 6.6 };

describe('clustering', () => {
  it('joins linked records and keeps singletons apart; ids are the smallest record id', () => {
    const { cluster } = assignClusters({ recordCount: 5, edges: edges([[1, 2, 20], [2, 3, 18]]) }, split);
    expect([...cluster.subarray(1)]).toEqual([1, 1, 1, 4, 5]);
  });

  it('never merges records carrying different strong identifiers, even through a third record', () => {
    const strongIds = new Map([[1, [['4857773456']]], [3, [['9434765919']]]]);
    const result = assignClusters({
      recordCount: 3, edges: edges([[1, 2, 20], [2, 3, 19]]), strongIds, strongIdRules: [{ column: 'nhs_number', maxEdits: 0 }],
    }, split);
    expect(result.cluster[1]).toBe(result.cluster[2]);
    expect(result.cluster[3]).not.toBe(result.cluster[1]);
    expect(result.refused).toEqual([{ left: 2, right: 3, weight: 19, reason: 'different nhs_number' }]);
  });

  it('tolerates a mis-keyed identifier within the allowed edits', () => {
    const strongIds = new Map([[1, [['1234567']]], [2, [['1234576']]]]);
    const result = assignClusters({ recordCount: 2, edges: edges([[1, 2, 20]]), strongIds, strongIdRules: [{ column: 'id_ssn', maxEdits: 1 }] }, split);
    expect(result.cluster[2]).toBe(1);
  });

  it('cuts a weak link between two strong groups and sends it to review', () => {
    const strong: Array<[number, number, number]> = [[1, 2, 30], [1, 3, 30], [2, 3, 30], [4, 5, 30], [4, 6, 30], [5, 6, 30]];
    const result = assignClusters({ recordCount: 6, edges: edges([...strong, [3, 4, 4]]) }, split);
    expect([...result.cluster.subarray(1)]).toEqual([1, 1, 1, 4, 4, 4]);
    expect(result.cut).toHaveLength(1);
  });

  it('keeps a weak link that many records corroborate', () => {
    const result = assignClusters({ recordCount: 3, edges: edges([[1, 2, 30], [2, 3, 4], [1, 3, 4]]) }, split);
    expect([...result.cluster.subarray(1)]).toEqual([1, 1, 1]);
  });

  it('starts from existing groups', () => {
    const { cluster } = assignClusters({ recordCount: 4, edges: edges([]), existing: [[2, 4]] }, split);
    expect([...cluster.subarray(1)]).toEqual([1, 2, 3, 2]);
  });
});

describe('edit distance', () => {
  it.each([['abc', 'abc', 0], ['abc', 'acb', 1], ['abc', 'ab', 1], ['1234567', '7654321', 6]] as const)('%s vs %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});

describe('clustering guards', () => {
  it('never joins records recorded as related (a parent and their child), even through a third record', () => {
    const result = assignClusters({ recordCount: 3, edges: edges([[1, 2, 20], [2, 3, 19]]), related: [[3, 1]] }, split);
    expect(result.cluster[1]).toBe(result.cluster[2]);
    expect(result.cluster[3]).toBe(3);
    expect(result.refused).toEqual([{ left: 2, right: 3, weight: 19, reason: RELATED_REASON }]);
  });

  it('reports the links below the review ceiling that hold a cluster together, and only those', () => {
    const result = assignClusters({ recordCount: 4, edges: edges([[1, 2, 20], [2, 3, 5], [1, 3, 4], [3, 4, 12]]) }, split);
    expect([...result.cluster.subarray(1)]).toEqual([1, 1, 1, 1]);
    expect(result.uncertain).toEqual([{ left: 2, right: 3, weight: 5, reason: UNCERTAIN_LINK_REASON }]);
  });

  it('never puts a parent in their child\'s generation: a record named as a parent joins only records born before its bound', () => {
    const dobs = new Map([[2, 200], [3, 50], [4, 210]]);
    const result = assignClusters({
      recordCount: 4, edges: edges([[1, 2, 20], [1, 3, 19], [3, 4, 10]]), dobs, bornBefore: new Map([[1, 100]]),
    }, split);
    expect(result.cluster[3]).toBe(result.cluster[1]);
    expect(result.cluster[2]).toBe(2);
    expect(result.refused).toEqual([{ left: 1, right: 2, weight: 20, reason: AGE_REASON }]);
    expect(result.cluster[4]).toBe(result.cluster[1]); // one record born after the bound is not enough to refuse (a mis-keyed date)
  });

  it('reads dates as day numbers', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2000-02-29')).toBe(11_016);
    expect(dayNumber('29/02/2000')).toBeUndefined();
    expect(dayNumber(null)).toBeUndefined();
  });

  it('keeps apart two relatives of one person told apart by given name, even through a third record', () => {
    // 1 and 2: a child's two contacts (trinity, trent); 3: trinity's own record, linked to both
    const result = assignClusters({ recordCount: 3, edges: edges([[1, 3, 20], [2, 3, 6]]), distinctRelatives: [[1, 2]] }, split);
    expect(result.cluster[3]).toBe(result.cluster[1]);
    expect(result.cluster[2]).toBe(2);
    expect(result.refused).toEqual([{ left: 2, right: 3, weight: 6, reason: RELATIVES_REASON }]);
  });

  it('never merges records whose dates of birth are two people\'s (sisters at one address), even through a third record', () => {
    const strongIds = new Map([[1, [['2017-11-06']]], [3, [['2023-12-18']]]]);
    const result = assignClusters({
      recordCount: 3, edges: edges([[1, 2, 20], [2, 3, 8]]), strongIds, strongIdRules: [{ column: 'dob', maxEdits: 2, kind: 'date' }],
    }, split);
    expect(result.cluster[2]).toBe(1);
    expect(result.cluster[3]).toBe(3);
    expect(result.refused).toEqual([{ left: 2, right: 3, weight: 8, reason: 'different dob' }]);
  });
});

describe('dates of birth as keyed', () => {
  it('lets a link agreeing on an identifier outrank a date keyed wrongly twice', () => {
    const strongIds = new Map([[1, [undefined, ['1945-07-14']]], [2, [undefined, ['1940-75-14']]]]);
    const rules = [{ column: 'id_ssn', maxEdits: 2 }, { column: 'dob', maxEdits: 2, kind: 'date' as const }];
    const plain = edges([[1, 2, 45]]);
    expect(assignClusters({ recordCount: 2, edges: plain, strongIds, strongIdRules: rules }, split).cluster[2]).toBe(2);
    const agreeing = { ...plain, idAgrees: Uint8Array.from([1]) };
    expect(assignClusters({ recordCount: 2, edges: agreeing, strongIds, strongIdRules: rules }, split).cluster[2]).toBe(1);
  });


  it('joins a cluster whose dates are one date keyed two ways (transposed on one record, mistyped on another)', () => {
    const strongIds = new Map([[1, [['1987-03-05']]], [2, [['1987-05-03']]], [3, [['1987-03-15']]]]);
    const result = assignClusters({
      recordCount: 3, edges: edges([[1, 2, 20], [1, 3, 19]]), strongIds, strongIdRules: [{ column: 'dob', maxEdits: 2, kind: 'date' }],
    }, split);
    expect([...result.cluster.subarray(1)]).toEqual([1, 1, 1]);
  });


  it.each([
    ['2008-12-14', '2008-12-14', true], ['2008-12-14', '2008-12-41', true], ['1987-03-05', '1978-03-05', true],
    ['2008-05-03', '2008-03-05', true], ['2010-01-31', '2010-02-01', true], ['2008-12-14', '2009-12-14', true],
    ['2017-11-06', '2023-12-18', false], ['2001-04-29', '2011-12-30', false], ['2008-12-14', '1983-12-14', false],
  ] as const)('%s and %s can be one date: %s', (a, b, ok) => {
    expect(datesCompatible(a, b, 2)).toBe(ok);
  });
});
