/**
 * The command-line contract end to end: fit on a generated CSV with mixed types, missing values, an
 * id column and protected attributes; predict with exact contributions; audit the predictions.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { AdditiveModelSchema, AuditReportSchema } from '../../src/score/index.ts';
import { writeCohortCsv } from './support/cohort-csv.ts';
import { runModelCli } from './support/run-model-cli.ts';

let dir: string;
let rows: Array<Record<string, string>>;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'model-cli-'));
  rows = await writeCohortCsv(file('cohort.csv'), { rows: 3000 });
  const fit = await runModelCli('fit', '--data', file('cohort.csv'), '--label', 'reoffended', '--protected', 'ethnicity,sex', '--out', file('model'), '--monotone', 'prior_contacts:increasing');
  if (fit.code !== 0) throw new Error(`fit failed: ${fit.stderr}`);
}, 120_000);

describe('tributary model fit', () => {
  it('writes model.json without the protected columns, and a card with the evaluation and the audit', async () => {
    const text = await readFile(file('model/model.json'), 'utf8');
    const model = AdditiveModelSchema.parse(JSON.parse(text));
    expect(model.features.map((f) => f.name)).toEqual(['age', 'prior_contacts', 'months_at_address', 'attendance', 'excluded', 'area', 'housing']);
    expect(text).not.toMatch(/ethnicity|"sex"|person_id|as_of/);
    const card = await readFile(file('model/model-card.md'), 'utf8');
    expect(card).toMatch(/\| additive model \(this model\) \| 0\.\d{3} \[0\.\d{3}, 0\.\d{3}\] \|/);
    expect(card).toMatch(/plain logistic regression/);
    expect(card).toMatch(/points scorecard/);
    expect(card).toMatch(/### ethnicity[\s\S]*Kleinberg/);
    expect(card).toMatch(/\| person_id \| named like an identifier \|/);
    for (const chart of card.match(/charts\/[a-z-]+\.vl\.json/g)!) expect(existsSync(file(`model/${chart}`)), chart).toBe(true);
  });

  it('beats plain logistic regression on the held-out rows', async () => {
    const evaluation = JSON.parse(await readFile(file('model/evaluation.json'), 'utf8'));
    expect(evaluation.model.auc.auc).toBeGreaterThan(evaluation.logistic_regression.auc.auc);
    expect(evaluation.model.log_loss).toBeLessThan(evaluation.logistic_regression.log_loss);
    expect(evaluation.model.calibration).toHaveLength(10);
    expect(evaluation.model.lift).toHaveLength(10);
  });

  it('holds out the latest times with --time', async () => {
    const run = await runModelCli('fit', '--data', file('cohort.csv'), '--label', 'reoffended', '--time', 'as_of', '--features', 'age,area,housing', '--out', file('timed'), '--lambda', '10');
    expect(run.code, run.stderr).toBe(0);
    const evaluation = JSON.parse(await readFile(file('timed/evaluation.json'), 'utf8'));
    expect(evaluation.split).toMatch(/^by time: trained on rows with as_of ≤ 2023-10-\d\d/);
    expect(evaluation.test_rows).toBeLessThanOrEqual(600);
  });
});

describe('tributary model predict', () => {
  it('writes id, probability and one contribution per feature, exactly additive, for every row', async () => {
    const scoring = rows.slice(0, 200).map((row, i) => ({
      ...row,
      area: i === 0 ? 'harbour' : row.area,
      housing: i === 1 ? 'caravan' : row.housing,
      age: i === 2 ? 'abc' : i === 3 ? 'NA' : row.age,
      extra: 'ignored',
    }));
    await writeFile(file('score.csv'), stringify(scoring, { header: true }));
    const run = await runModelCli('predict', '--model', file('model/model.json'), '--data', file('score.csv'), '--id', 'person_id', '--out', file('preds.csv'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/1 cell\(s\) of numeric feature "age" are not numbers/);
    expect(run.stderr).toMatch(/1 row\(s\) have a value of "area" never seen in training/);
    const model = AdditiveModelSchema.parse(JSON.parse(await readFile(file('model/model.json'), 'utf8')));
    const text = await readFile(file('preds.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe(['id', 'probability', ...model.features.map((f) => `contrib:${f.name}`)].join(','));
    const preds = parse(text, { columns: true }) as Array<Record<string, string>>;
    expect(preds).toHaveLength(200);
    expect(preds[0]!.id).toBe(rows[0]!.person_id);
    for (const pred of preds) {
      const p = Number(pred.probability);
      const sum = model.features.reduce((s, f) => s + Number(pred[`contrib:${f.name}`]), model.intercept);
      expect(Math.abs(sum - Math.log(p / (1 - p)))).toBeLessThan(1e-9);
    }
    expect(Number(preds[0]!['contrib:area'])).toBe(0);
  });
});

describe('tributary model audit', () => {
  it('prints a table and writes the per-group report with differences, ratios and flags', async () => {
    const audited = rows.map((row, i) => ({ score: String((Number(row.reoffended) * 0.3 + (i % 10) / 15 + (row.ethnicity === 'C' ? 0.3 : 0)).toFixed(3)), label: row.reoffended, ethnicity: row.ethnicity }));
    await writeFile(file('audit.csv'), stringify(audited, { header: true }));
    const run = await runModelCli('audit', '--data', file('audit.csv'), '--score', 'score', '--label', 'label', '--group', 'ethnicity', '--threshold', '0.5', '--out', file('audit.json'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/group\s+n\s+base_rate\s+selection_rate\s+fpr\s+fnr\s+ppv\s+auc\s+flags/);
    const report = AuditReportSchema.parse(JSON.parse(await readFile(file('audit.json'), 'utf8')));
    expect(report.reference_group).toBe('A');
    const c = report.groups.C!;
    for (const key of ['n', 'base_rate', 'selection_rate', 'fpr', 'fnr', 'ppv', 'auc', 'diff_fpr', 'ratio_fpr', 'flags']) expect(c).toHaveProperty(key);
    expect(c.flags).toEqual(expect.arrayContaining(['diff_selection_rate', 'ratio_selection_rate', 'ratio_fpr']));
    expect(c.n).toBe(rows.filter((r) => r.ethnicity === 'C').length);
  });

  it('warns about a small group and an undefined rate instead of inventing numbers', async () => {
    const small = [
      ...Array.from({ length: 60 }, (_, i) => ({ s: String((i % 10) / 10), y: String(i % 2), g: 'big' })),
      ...Array.from({ length: 5 }, () => ({ s: '0.9', y: '1', g: 'tiny' })),
    ];
    await writeFile(file('small.csv'), stringify(small, { header: true }));
    const run = await runModelCli('audit', '--data', file('small.csv'), '--score', 's', '--label', 'y', '--group', 'g', '--threshold', '0.5', '--out', file('small.json'));
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: group "tiny": no negative outcomes: fpr is undefined/);
    expect(run.stderr).toMatch(/warning: group "tiny": only 5 rows \(fewer than 30\): reported, not flagged/);
    const report = JSON.parse(await readFile(file('small.json'), 'utf8'));
    expect(report.groups.tiny).toMatchObject({ fpr: null, auc: null, small_group: true, flags: [] });
  });
});

describe('bad input gets a clear error and a non-zero exit', () => {
  const cases: Array<{ description: string; args: () => string[]; setup?: () => Promise<void>; message: RegExp }> = [
    {
      description: 'a label that is not 0/1',
      setup: () => writeFile(file('yes.csv'), 'a,y\n1,yes\n2,0\n3,no\n'),
      args: () => ['audit', '--data', file('yes.csv'), '--score', 'a', '--label', 'y', '--group', 'a', '--threshold', '1'],
      message: /label column "y" .* must be 0 or 1 in every row; found "yes" \(1 row, line 2\), "no" \(1 row, line 4\)/,
    },
    {
      description: 'a missing column',
      args: () => ['fit', '--data', file('cohort.csv'), '--label', 'outcome', '--out', file('x')],
      message: /has no column "outcome" .*available columns: person_id, age, /,
    },
    {
      description: 'a single outcome class',
      setup: () => writeFile(file('one.csv'), `x,y\n${Array.from({ length: 30 }, (_, i) => `${i % 4},1`).join('\n')}\n`),
      args: () => ['fit', '--data', file('one.csv'), '--label', 'y', '--out', file('x')],
      message: /label column "y" .* is 1 in all 30 rows; a model needs rows with both outcomes/,
    },
    {
      description: 'a score that is not numeric',
      setup: () => writeFile(file('text-score.csv'), 's,y,g\n0.2,0,a\nhigh,1,a\n0.4,1,b\n'),
      args: () => ['audit', '--data', file('text-score.csv'), '--score', 's', '--label', 'y', '--group', 'g', '--threshold', '0.5'],
      message: /score column "s" .* must be a number in every row; 1 row is not: line 3 "high"/,
    },
    {
      description: 'a threshold that is not a number',
      args: () => ['audit', '--data', file('audit.csv'), '--score', 'score', '--label', 'label', '--group', 'ethnicity', '--threshold', 'high'],
      message: /--threshold must be a number; got "high"/,
    },
    {
      description: 'a protected column listed as a feature',
      args: () => ['fit', '--data', file('cohort.csv'), '--label', 'reoffended', '--features', 'age,sex', '--protected', 'sex', '--out', file('x')],
      message: /"sex" cannot be a feature: it is a protected characteristic/,
    },
    {
      description: 'a model that lacks a feature column in the data',
      setup: () => writeFile(file('no-age.csv'), 'person_id,area\nP1,north\n'),
      args: () => ['predict', '--model', file('model/model.json'), '--data', file('no-age.csv'), '--id', 'person_id', '--out', file('x.csv')],
      message: /has no column "age", "prior_contacts".*available columns: person_id, area/,
    },
    {
      description: 'a missing id column',
      args: () => ['predict', '--model', file('model/model.json'), '--data', file('cohort.csv'), '--id', 'ref', '--out', file('x.csv')],
      message: /has no column "ref" \(the --id column\)/,
    },
    {
      description: 'a file that is not a model',
      args: () => ['predict', '--model', file('cohort.csv'), '--data', file('cohort.csv'), '--id', 'person_id', '--out', file('x.csv')],
      message: /cohort.csv is not JSON .*pass the model.json written by `tributary model fit`/,
    },
    {
      description: 'a missing data file',
      args: () => ['audit', '--data', file('absent.csv'), '--score', 's', '--label', 'y', '--group', 'g', '--threshold', '0.5'],
      message: /cannot read .*absent.csv: no such file/,
    },
  ];

  it.each(cases)('$description', async ({ setup, args, message }) => {
    await setup?.();
    const run = await runModelCli(...args());
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
  });

  it('exits non-zero from the real binary, with the message on stderr', () => {
    const run = spawnSync(process.execPath, ['bin/tributary.mjs', 'model', 'audit', '--data', file('yes.csv'), '--score', 'a', '--label', 'y', '--group', 'a', '--threshold', '1'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/tributary: label column "y"/);
  }, 60_000);
});
