import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../test/ingest/support/fixtures.ts';
import { parseMapping } from './load-mapping.ts';

const broken = `dataset: Pupils
agency: schools
format: csv
options:
  record_element: Pupil
record:
  local_id: UPN
  identifiers:
    dob: { column: DOB, fmt: YYYY }
    nickname: Nick
    sex: { column: Sex, format: DD/MM/YYYY }
events:
  - code_from: { column: Type, values: { SUSP: school.suspended } }
    date: Date
  - code: school.suspension
    date: Date
  - code: school.suspension
    date: Date
  - date: X
  - code: school.attainment
    each: grades
    date: grades.date
    when: { column: score }
`;

describe('parseMapping', () => {
  it('reports every problem at once, each with its path and line', () => {
    const result = parseMapping(broken);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.map((p) => `${p.path}@${p.line}`);
    expect(problems).toEqual(expect.arrayContaining([
      'dataset@1', // not lower-case
      'record.identifiers.dob.format@9', // missing format
      'record.identifiers.dob.fmt@9', // unknown key fmt
      'record.identifiers.nickname@10', // unknown role nickname
      'events.0.code_from.values.SUSP@13', // not in the event vocabulary
      'events.3@19', // neither code nor code_from
      'options.record_element@5', // an XML option on a CSV mapping
      'record.identifiers.sex@11', // a date format on a non-date role
      'events.2@17', // repeats events.1
      'events.4.each@21', // a group on a CSV mapping
      'events.4@20', // grades.date named with the group's prefix
      'events.4.when@23', // a condition that tests nothing
    ]));
    expect(problems).toHaveLength(12);
  });

  it('says what was found and what is expected', () => {
    const result = parseMapping(broken);
    const message = (path: string) => (result.ok ? '' : result.problems.find((p) => p.path === path)?.message);
    expect(message('events.0.code_from.values.SUSP')).toMatch(/^"school.suspended" is not valid; one of: school.suspension, /);
    expect(message('events.4')).toContain('"date", not "grades.date"');
    expect(message('events.2')).toContain('repeats events.1');
  });

  it('reports YAML syntax errors with their line', () => {
    const result = parseMapping('dataset: x\nrecord: [unclosed\n');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]?.path).toBe('(yaml)');
  });

  it('checks fixed-width layouts: overlaps, undeclared columns, the record-type column', () => {
    const result = parseMapping(`dataset: f
agency: a
format: fixed-width
options:
  columns: [{ name: id, start: 1, length: 5 }, { name: dob, start: 4, length: 8 }]
  record_type: { column: type, equals: D }
record: { local_id: id, identifiers: { family_name: surname } }
`);
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([
      'dob (from 4) overlaps id (1–5)',
      '"type" is not one of options.columns',
      'the mapping reads column "surname", which options.columns does not declare',
    ]);
  });

  it('refuses a mapping filed under another dataset', () => {
    const text = readFileSync(fixture('config/mappings/pupils.yaml'), 'utf8');
    expect(parseMapping(text, 'pupils').ok).toBe(true);
    expect(parseMapping(text, 'other')).toMatchObject({ ok: false, problems: [{ path: 'dataset' }] });
  });
});
