import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS } from './extracts/datasets.ts';
import { extractRecords, type ExtractRecord } from './testing/extract-records.ts';
import { makeTown, type TownFixture } from './testing/town-fixture.ts';

const key = (r: ExtractRecord): string => `${r.dataset}|${r.kind}|${r.localId}`;
const truthKey = (r: Record<string, string>): string => `${r.dataset}|${r.kind}|${r.local_id}`;

describe('the truth covers every record of every extract', () => {
  let town: TownFixture;
  let records: ExtractRecord[];
  let truth: Array<Record<string, string>>;
  beforeAll(() => {
    town = makeTown({ people: 1500, seed: 5 });
    records = extractRecords(town);
    truth = town.csv('truth/records.csv');
  });
  afterAll(() => town.remove());

  it('lists exactly the records the extracts hold, each once', () => {
    const inExtracts = new Set(records.map(key));
    const inTruth = truth.map(truthKey);
    expect(new Set(inTruth).size).toBe(inTruth.length);
    expect([...inExtracts].sort()).toEqual([...inTruth].sort());
  });

  it.each(DATASETS.map((d) => ({ description: d.id, dataset: d.id })))('$description has subjects in the truth', ({ dataset }) => {
    expect(truth.filter((r) => r.dataset === dataset && r.kind === 'subject').length).toBeGreaterThan(0);
  });

  it('names only true persons, with their protected characteristics', () => {
    const persons = new Map(town.csv('truth/persons.csv').map((p) => [p.person_id, p]));
    expect(truth.filter((r) => !persons.has(r.person_id as string))).toEqual([]);
    const odd = [...persons.values()].filter((p) => !['F', 'M'].includes(p.sex as string)
      || !['White', 'Mixed', 'Asian', 'Black', 'Other'].includes(p.ethnic_group as string)
      || !(Number(p.deprivation_decile) >= 1 && Number(p.deprivation_decile) <= 10) || !['N', 'K', 'E'].includes(p.sen as string));
    expect(odd).toEqual([]);
  });

  it('keeps true relationships between true persons', () => {
    const persons = new Set(town.csv('truth/persons.csv').map((p) => p.person_id));
    const relationships = town.csv('truth/relationships.csv');
    expect(new Set(relationships.map((r) => r.kind))).toEqual(new Set(['parent_of', 'carer_of', 'partner_of', 'sibling_of']));
    expect(relationships.filter((r) => !persons.has(r.from_person_id) || !persons.has(r.to_person_id))).toEqual([]);
  });
});
