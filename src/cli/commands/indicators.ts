/**
 * `tributary indicators --as-of DATE`: derive the risk factors as of a date (no look-ahead) and
 * store them with their evidence; or, with `--features-out`, write the model's feature table for
 * one or more as-of dates without storing anything. See docs/indicators.md.
 */
import { Command, InvalidArgumentError } from 'commander';
import { loadSettings } from '../../config/index.ts';
import {
  buildFeatureTable, evaluateFactors, loadFactorConfig, parseAsOf, writeFeatureCsv,
  DEFAULT_FACTOR_CONFIG_PATH, type EvaluationSummary, type FeatureTable,
} from '../../indicators/index.ts';
import { openStore } from '../../store/index.ts';

interface Options { asOf: string; config: string; dataDir?: string; featuresOut?: string; horizon: number }

const months = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`--horizon must be a whole number of months, not "${value}".`);
  return n;
};

/** Factor, persons with it, evidence events and seconds, as an aligned text table. */
export function formatSummary(summary: EvaluationSummary): string {
  const rows = [
    ['factor', 'persons', 'evidence events', 'seconds'],
    ...summary.factors.map((f) => [f.factor, String(f.persons), String(f.evidenceEvents), f.seconds.toFixed(2)]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [
    `risk factors as of ${summary.asOf}: ${summary.cohort} young people in scope`,
    line(rows[0]!), ...rows.slice(1).map(line),
    `stored in factor_instances (replacing ${summary.asOf}) in ${summary.seconds.toFixed(2)} s`,
  ].join('\n');
}

const describeTable = (t: FeatureTable) =>
  `as of ${t.asOf}: ${t.rows.length} young people, ${t.rows.filter((r) => r.label === 1).length} first offences by ${t.horizonEnd}`
  + (t.labelWindowComplete ? '' : ' (WARNING: the store has no events that late; labels may be censored)');

export function registerIndicators(program: Command): void {
  program.command('indicators')
    .description('derive risk factors as of a date and store them with their evidence, or write the model feature table')
    .requiredOption('--as-of <date>', 'the date (YYYY-MM-DD); with --features-out, several separated by commas')
    .option('--config <file>', 'factor definitions', DEFAULT_FACTOR_CONFIG_PATH)
    .option('--data-dir <dir>', 'embedded store folder (default TRIBUTARY_DATA_DIR or ./data; ignored when DATABASE_URL is set)')
    .option('--features-out <file.csv>', 'write the feature table (features, label, protected__ columns) instead of storing factors')
    .option('--horizon <months>', 'label horizon for --features-out', months, 24)
    .action(async (opts: Options) => {
      const config = loadFactorConfig(opts.config);
      const dates = opts.asOf.split(',').map((d) => parseAsOf(d.trim()));
      if (dates.length > 1 && !opts.featuresOut) throw new Error('several as-of dates need --features-out; store factors for one date at a time.');
      const settings = loadSettings();
      const store = await openStore({ databaseUrl: settings.databaseUrl, dataDir: opts.dataDir ?? settings.dataDir });
      try {
        if (!opts.featuresOut) {
          console.log(formatSummary(await evaluateFactors(store, { asOf: dates[0]!, config })));
          return;
        }
        const tables: FeatureTable[] = [];
        for (const asOf of dates) {
          const table = await buildFeatureTable(store, { asOf, horizonMonths: opts.horizon, config });
          console.log(describeTable(table));
          tables.push(table);
        }
        const rows = writeFeatureCsv(tables, opts.featuresOut);
        console.log(`wrote ${rows} rows, ${tables[0]!.featureNames.length} features → ${opts.featuresOut} (protected__ columns are for the fairness audit only)`);
      } finally {
        await store.close();
      }
    });
}
