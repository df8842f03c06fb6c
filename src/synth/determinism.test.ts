import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTown, type TownFixture } from './testing/town-fixture.ts';

function digests(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string): void => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

describe('determinism', () => {
  const towns: TownFixture[] = [];
  const town = (seed: number): TownFixture => {
    const t = makeTown({ people: 600, seed });
    towns.push(t);
    return t;
  };
  afterAll(() => towns.forEach((t) => t.remove()));

  it('writes byte-identical files for the same seed, in different folders', () => {
    const a = digests(town(11).dir), b = digests(town(11).dir);
    expect(Object.keys(a)).toHaveLength(17);
    expect(b).toEqual(a);
  });

  it('writes different extracts for another seed', () => {
    const a = digests(town(11).dir), c = digests(town(12).dir);
    const changed = Object.keys(a).filter((file) => a[file] !== c[file]);
    expect(changed).toEqual(expect.arrayContaining(['schools/school-census.csv', 'nhs/patients.ndjson', 'truth/records.csv']));
  });
});
