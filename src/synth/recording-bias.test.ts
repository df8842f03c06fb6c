import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTown, type TownFixture } from './testing/town-fixture.ts';

type Row = Record<string, string>;

describe('recording bias (--bias police:ethnicity=Black:3)', () => {
  let fair: TownFixture, biased: TownFixture;
  let group: Map<string, string>;
  beforeAll(() => {
    fair = makeTown({ people: 2000, seed: 8 });
    biased = makeTown({ people: 2000, seed: 8, bias: [{ agency: 'police', attribute: 'ethnicity', value: 'Black', factor: 3 }] });
    group = new Map(fair.csv('truth/persons.csv').map((p) => [p.person_id as string, p.ethnic_group as string]));
  });
  afterAll(() => { fair.remove(); biased.remove(); });

  const byPerson = (town: TownFixture): Map<string, Row> => new Map(town.csv('truth/outcomes.csv').map((r) => [r.person_id as string, r]));
  const sum = (rows: Row[], column: string): number => rows.reduce((n, r) => n + Number(r[column]), 0);

  it('leaves true behaviour unchanged for everyone', () => {
    const a = byPerson(fair), b = byPerson(biased);
    expect([...a.keys()]).toEqual([...b.keys()]);
    expect([...a.values()].filter((r) => b.get(r.person_id as string)?.offences_true !== r.offences_true)).toEqual([]);
  });

  it('records more of the same offences for the biased group, and changes nothing for anyone else', () => {
    const a = [...byPerson(fair).values()], b = byPerson(biased);
    const black = a.filter((r) => group.get(r.person_id as string) === 'Black');
    const others = a.filter((r) => group.get(r.person_id as string) !== 'Black');
    const rate = (rows: Row[]): number => sum(rows, 'offences_recorded') / Math.max(1, sum(rows, 'offences_true'));
    const biasedRows = (rows: Row[]): Row[] => rows.map((r) => b.get(r.person_id as string) as Row);
    expect(sum(black, 'offences_true')).toBeGreaterThan(20);
    expect(rate(biasedRows(black)) / rate(black)).toBeGreaterThan(1.8);
    expect(others.filter((r) => b.get(r.person_id as string)?.offences_recorded !== r.offences_recorded)).toEqual([]);
    expect(rate(biasedRows(others))).toBe(rate(others));
  });

  it('puts more lines for the biased group in the police extract', () => {
    const lines = (town: TownFixture): number => town.text('police/pnc-disposals.txt').split('\n').filter((l) => l.startsWith('D')).length;
    expect(lines(biased)).toBeGreaterThan(lines(fair));
  });
});
