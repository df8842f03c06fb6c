import { describe, expect, it } from 'vitest';
import { mapPersons } from './person-mapping.ts';

const newId = (cluster: number) => `new-${cluster}`;

describe('mapPersons: stable person ids by record overlap', () => {
  const cases = [
    {
      description: 'an identical re-run keeps every id and records no change',
      records: [1, 2, 3], clusters: [1, 1, 3], previous: { 1: 'A', 2: 'A', 3: 'B' }, active: ['A', 'B'],
      personOf: { 1: 'A', 3: 'B' }, merged: {}, changes: [],
    },
    {
      description: 'two persons joined: the larger keeps its id, the other is merged into it',
      records: [1, 2, 3], clusters: [1, 1, 1], previous: { 1: 'A', 2: 'A', 3: 'B' }, active: ['A', 'B'],
      personOf: { 1: 'A' }, merged: { B: 'A' }, changes: [{ kind: 'merged', fromPersons: ['A', 'B'], toPersons: ['A'], records: 3 }],
    },
    {
      description: 'a person split: the larger part keeps the id, the other gets a new one',
      records: [1, 2, 3], clusters: [1, 1, 3], previous: { 1: 'A', 2: 'A', 3: 'A' }, active: ['A'],
      personOf: { 1: 'A', 3: 'new-3' }, merged: {}, changes: [{ kind: 'split', fromPersons: ['A'], toPersons: ['A', 'new-3'], records: 3 }],
    },
    {
      description: 'a tie is broken by the smaller person id, whatever the order of records',
      records: [4, 3, 2, 1], clusters: [1, 1, 1, 1], previous: { 1: 'B', 2: 'B', 3: 'A', 4: 'A' }, active: ['A', 'B'],
      personOf: { 1: 'A' }, merged: { B: 'A' }, changes: [{ kind: 'merged', fromPersons: ['A', 'B'], toPersons: ['A'], records: 4 }],
    },
    {
      description: 'a new record alone is a new person; a person whose records are gone is retired',
      records: [9], clusters: [9], previous: { 1: 'A' }, active: ['A'],
      personOf: { 9: 'new-9' }, merged: {}, changes: [{ kind: 'created', fromPersons: [], toPersons: ['new-9'], records: 1 }], retired: ['A'],
    },
  ];
  it.each(cases)('$description', (c) => {
    const mapping = mapPersons({
      records: c.records, clusters: c.clusters, previous: new Map(Object.entries(c.previous).map(([k, v]) => [Number(k), v])),
      activePersons: c.active, newId,
    });
    expect(Object.fromEntries(mapping.personOf)).toEqual(c.personOf);
    expect(Object.fromEntries(mapping.merged)).toEqual(c.merged);
    expect(mapping.changes).toEqual(c.changes);
    expect(mapping.retired).toEqual(c.retired ?? []);
  });
});
