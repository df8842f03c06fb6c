import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFactorConfig, parseFactorConfig } from './load-factor-config.ts';

const problemsOf = (yaml: string) => {
  const result = parseFactorConfig(yaml, 'test.yaml');
  return result.ok ? [] : result.problems;
};

describe('factor definitions', () => {
  it('loads the shipped definitions: the seven documented factors and the extras', () => {
    const config = loadFactorConfig();
    expect(config.factors.filter((f) => f.group === 'core').map((f) => f.id)).toEqual([
      'offending_parent', 'poor_attainment', 'school_exclusion', 'family_breakup', 'substance_misuse', 'neet', 'homelessness',
    ]);
    expect(config.factors.filter((f) => f.group === 'extra').map((f) => f.id)).toEqual([
      'persistent_absence', 'looked_after', 'domestic_abuse', 'child_protection_plan',
    ]);
    expect(config.population).toEqual({ min_age: 10, max_age: 17 });
  });

  it('reads `subject: self` as shorthand and fills the defaults', () => {
    const result = parseFactorConfig(`
version: 1
factors:
  - { id: a, label: A, description: d, subject: self, events: [school.suspension], lookback_months: 6 }
`);
    expect(result).toMatchObject({
      ok: true,
      config: {
        known_from: 'batch_or_activity',
        factors: [{ id: 'a', subject: { kind: 'self' }, min_count: 1, group: 'extra', enabled: true }],
      },
    });
  });

  it('reports every problem at once, each with where it is', () => {
    const problems = problemsOf(`
version: 1
population: { min_age: 18, max_age: 10 }
factors:
  - id: offending_parent
    label: Offending parent
    description: d
    subject: { kind: family }
    events: [police.caution, police.telepathy]
    lookback_months: 0
  - id: offending_parent
    label: Duplicate
    description: d
    subject: { kind: cousins }
    events: []
    lookback_months: 12
    colour: red
  - id: label
    label: Reserved
    description: d
    subject: { kind: family, relations: [parent_of, neighbour_of] }
    events: [school.suspension]
    lookback_months: 12
    value: {}
`);
    const expected = [
      'population: min_age must not exceed max_age',
      'factors.0.subject.relations',
      'factors.0.events.1',
      'factors.0.lookback_months',
      'factors.1.subject.kind',
      'factors.1.events',
      'factors.1: Unrecognized key: "colour"',
      'factors.2.subject.relations.1',
      'factors.2.value: give at least one of lt, lte, gt, gte, equals, in',
    ];
    for (const fragment of expected) expect(problems.join('\n')).toContain(fragment);
    expect(problems.every((p) => p.startsWith('test.yaml: '))).toBe(true);
    expect(problems.length).toBeGreaterThanOrEqual(expected.length);
  });

  it.each([
    { description: 'duplicate ids', yaml: 'a, a', problem: 'factors.1.id: duplicate factor id "a"' },
    { description: 'an id taken by a feature-table column', yaml: 'age', problem: 'factors.0.id: "age" is reserved' },
    { description: 'an id ending in _count', yaml: 'suspension_count', problem: 'factors.0.id: "suspension_count" is reserved' },
    { description: 'an id that is not snake_case', yaml: 'Bad-Id', problem: 'factors.0.id: snake_case' },
  ])('refuses $description', ({ yaml, problem }) => {
    const factors = yaml.split(', ').map((id) =>
      `  - { id: ${id}, label: L, description: d, subject: self, events: [school.suspension], lookback_months: 6 }`).join('\n');
    expect(problemsOf(`version: 1\nfactors:\n${factors}\n`).join('\n')).toContain(problem);
  });

  it('says when the file is not YAML at all', () => {
    expect(problemsOf('factors: [unclosed')).toEqual([expect.stringMatching(/^test\.yaml: not valid YAML/)]);
  });

  it('throws one error listing every problem, naming the file, when loading an invalid file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'factors-'));
    const path = join(dir, 'factors.yaml');
    writeFileSync(path, 'version: 2\nfactors: []\n');
    expect(() => loadFactorConfig(path)).toThrow(/invalid factor definitions \(2 problems\):\n.*factors\.yaml: version.*\n.*factors\.yaml: factors/);
    rmSync(dir, { recursive: true });
  });
});
