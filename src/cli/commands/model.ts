/**
 * `tributary model fit | predict | audit`: fit an explainable, calibrated score and its model card,
 * score a CSV with it, and audit any score for fairness by group. The work is in `src/score`.
 * Model versions in the store (list, register, approve, retire, score) are in model-versions.ts.
 */
import { type Command, InvalidArgumentError } from 'commander';
import { auditTableText, runAuditJob, runFitJob, runPredictJob } from '../../score/index.ts';
import { registerModelVersions } from './model-versions.ts';

const list = (value: string) => value.split(',').map((item) => item.trim()).filter(Boolean);

function number(what: string, check: (x: number) => boolean = Number.isFinite) {
  return (value: string) => {
    const x = Number(value);
    if (value.trim() === '' || !check(x)) throw new InvalidArgumentError(`${what} must be ${check === Number.isFinite ? 'a number' : 'in range'}; got "${value}"`);
    return x;
  };
}

function monotone(value: string): Record<string, 'increasing' | 'decreasing'> {
  return Object.fromEntries(list(value).map((item) => {
    const [name, direction] = item.split(':').map((part) => part.trim());
    if (!name || (direction !== 'increasing' && direction !== 'decreasing')) {
      throw new InvalidArgumentError(`--monotone takes FEATURE:increasing or FEATURE:decreasing, comma-separated; got "${item}"`);
    }
    return [name, direction];
  }));
}

const warn = (warnings: readonly string[]) => { for (const w of warnings) console.error(`warning: ${w}`); };

export function registerModel(program: Command): void {
  const model = program.command('model').description('fit, apply and audit the explainable risk score');

  model.command('fit')
    .description('fit the additive model on a CSV; write DIR/model.json, DIR/model-card.md and DIR/charts/')
    .requiredOption('--data <file>', 'training data (CSV with a header row)')
    .requiredOption('--label <column>', 'the 0/1 outcome column')
    .requiredOption('--out <dir>', 'directory for the model, card, reports and charts')
    .option('--features <list>', 'comma-separated feature columns (default: every usable column)', list)
    .option('--exclude <list>', 'comma-separated columns never to use as features', list)
    .option('--protected <list>', 'comma-separated protected characteristics: audited, never features', list)
    .option('--time <column>', 'time or as-of date column: hold out its latest 20% instead of a random 20%')
    .option('--monotone <list>', 'FEATURE:increasing|decreasing, comma-separated (numeric features)', monotone)
    .option('--calibration <method>', 'platt (default) or none', 'platt')
    .option('--lambda <x>', 'fixed penalty strength (default: chosen by cross-validation)', number('--lambda', (x) => x > 0))
    .option('--folds <k>', 'cross-validation folds', number('--folds', (x) => Number.isInteger(x) && x >= 2 && x <= 20), 5)
    .option('--max-bins <n>', 'most bins per numeric feature', number('--max-bins', (x) => Number.isInteger(x) && x >= 2 && x <= 256), 24)
    .option('--test-fraction <f>', 'share of rows held out for evaluation', number('--test-fraction', (x) => x > 0 && x < 1), 0.2)
    .option('--audit-share <f>', 'share of held-out rows the audit selects (default: the training base rate, within 5–50%)', number('--audit-share', (x) => x > 0 && x <= 1))
    .option('--min-group-size <n>', 'groups smaller than this are reported, not flagged', number('--min-group-size', (x) => Number.isInteger(x) && x >= 1), 30)
    .option('--seed <n>', 'random seed (splits, folds, samples)', number('--seed', Number.isInteger), 1)
    .action(async (opts) => {
      if (opts.calibration !== 'platt' && opts.calibration !== 'none') throw new InvalidArgumentError(`--calibration must be platt or none; got "${opts.calibration}"`);
      const result = await runFitJob({
        data: opts.data, label: opts.label, out: opts.out, features: opts.features, exclude: opts.exclude,
        protected: opts.protected, time: opts.time, seed: opts.seed, testFraction: opts.testFraction,
        auditShare: opts.auditShare, minGroupSize: opts.minGroupSize,
        fit: { monotone: opts.monotone ?? {}, calibration: opts.calibration, lambda: opts.lambda, folds: opts.folds, maxBins: opts.maxBins },
      }, (message) => console.error(`… ${message}`));
      warn(result.warnings);
      console.log(result.summary.join('\n'));
      console.log(`wrote ${result.files.join(', ')}`);
    });

  model.command('predict')
    .description('score a CSV: writes id,probability,contrib:<feature>… (intercept + contributions = logit)')
    .requiredOption('--model <file>', 'model.json from `model fit`')
    .requiredOption('--data <file>', 'rows to score (CSV with a header row)')
    .requiredOption('--id <column>', 'the column that identifies each row')
    .requiredOption('--out <file>', 'predictions CSV to write')
    .action(async (opts) => {
      const result = await runPredictJob({ model: opts.model, data: opts.data, id: opts.id, out: opts.out });
      warn(result.warnings);
      console.log(`scored ${result.rows} rows into ${opts.out}`);
    });

  model.command('audit')
    .description('audit a score for fairness by group at a threshold (selected = score ≥ T)')
    .requiredOption('--data <file>', 'CSV with the score, label and group columns')
    .requiredOption('--score <column>', 'numeric score column')
    .requiredOption('--label <column>', 'the 0/1 outcome column')
    .requiredOption('--group <column>', 'the group (protected characteristic) column; numeric columns are banded')
    .requiredOption('--threshold <t>', 'a row is selected when its score ≥ T', number('--threshold'))
    .option('--out <file>', 'write the report as JSON')
    .option('--reference <group>', 'the group to compare against (default: the largest)')
    .option('--min-group-size <n>', 'groups smaller than this are reported, not flagged', number('--min-group-size', (x) => Number.isInteger(x) && x >= 1), 30)
    .option('--min-ratio <r>', 'flag a ratio to the reference below this', number('--min-ratio', (x) => x > 0), 0.8)
    .option('--max-ratio <r>', 'flag a ratio to the reference above this', number('--max-ratio', (x) => x > 0), 1.25)
    .option('--max-difference <d>', 'flag a difference from the reference larger than this', number('--max-difference', (x) => x >= 0), 0.1)
    .action(async (opts) => {
      const report = await runAuditJob({
        data: opts.data, score: opts.score, label: opts.label, group: opts.group, threshold: opts.threshold, out: opts.out,
        reference: opts.reference,
        thresholds: { min_group_size: opts.minGroupSize, min_ratio: opts.minRatio, max_ratio: opts.maxRatio, max_difference: opts.maxDifference },
      });
      warn(report.warnings);
      console.log(auditTableText(report));
      if (opts.out) console.log(`\nwrote ${opts.out}`);
    });

  registerModelVersions(model);
}
