/**
 * Splitting rows into training and held-out sets: by time (train on earlier as-of dates, test on
 * later ones — the honest split for a model that will score the future), by any predicate, or at
 * random (stratified by label, seeded) when there is no time.
 */
import { seededRandom, shuffleInPlace } from '../numerics/seeded-random.ts';
import { isMissing, parseNumber } from './missing-values.ts';
import { examples, ScoreInputError } from './score-input-error.ts';

export interface Split {
  train: Int32Array;
  test: Int32Array;
  /** How the split was made, for the model card. */
  description: string;
}

/** Rows for which `isTest` holds are held out; the rest train. */
export function predicateSplit(n: number, isTest: (row: number) => boolean, description = 'by a predicate'): Split {
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < n; i++) (isTest(i) ? test : train).push(i);
  return { train: Int32Array.from(train), test: Int32Array.from(test), description };
}

/**
 * Holds out the rows with the latest times: those after `cutoff` if given, else the latest
 * `testFraction` of rows (rows sharing the cut-off time stay in training, so no time is split).
 * Times are numbers or ISO dates (`2023-04-01`, `2023-04-01T10:00:00Z`).
 */
export function timeSplit(cells: readonly string[], options: { testFraction?: number; cutoff?: string; column?: string; lines?: Int32Array } = {}): Split {
  const column = options.column ?? 'time';
  const times = parseTimes(cells, column, options.lines);
  let cutoff: number;
  if (options.cutoff !== undefined) {
    cutoff = parseTimes([options.cutoff], `${column} cut-off`)[0]!;
  } else {
    const sorted = Float64Array.from(times).sort();
    cutoff = sorted[Math.max(0, Math.ceil((1 - (options.testFraction ?? 0.2)) * sorted.length) - 1)]!;
  }
  const split = predicateSplit(times.length, (i) => times[i]! > cutoff);
  const shown = cells[times.indexOf(cutoff)]?.trim() ?? options.cutoff ?? String(cutoff);
  if (split.test.length === 0 || split.train.length === 0) {
    throw new ScoreInputError('TRB_SCORE_BAD_TIME', `cannot split on "${column}" at ${shown}: ${split.test.length === 0 ? 'no rows are later' : 'no rows are earlier or equal'}; the column needs more distinct times`);
  }
  return { ...split, description: `by time: trained on rows with ${column} ≤ ${shown} (${split.train.length} rows), evaluated on later rows (${split.test.length})` };
}

/** A seeded random split, stratified by label, holding out `testFraction` of each class. */
export function randomSplit(labels: Uint8Array, testFraction: number, seed: number): Split {
  const random = seededRandom(seed);
  const isTest = new Uint8Array(labels.length);
  for (const label of [0, 1]) {
    const rows = Int32Array.from(labels.keys()).filter((i) => labels[i] === label);
    shuffleInPlace(rows, random);
    const held = Math.round(rows.length * testFraction);
    for (let k = 0; k < held; k++) isTest[rows[k]!] = 1;
  }
  const split = predicateSplit(labels.length, (i) => isTest[i] === 1);
  return { ...split, description: `at random (seed ${seed}, stratified by label): ${split.train.length} training rows, ${split.test.length} held out` };
}

function parseTimes(cells: readonly string[], column: string, lines?: Int32Array): Float64Array {
  const bad: Array<{ row: number; cell: string }> = [];
  const times = Float64Array.from(cells, (cell, i) => {
    const x = isMissing(cell) ? null : parseNumber(cell) ?? (/^\d{4}-\d{2}-\d{2}/.test(cell.trim()) ? Date.parse(cell.trim()) : NaN);
    if (x === null || Number.isNaN(x)) bad.push({ row: lines ? lines[i]! : i + 1, cell: cell.trim() || '(missing)' });
    return x ?? NaN;
  });
  if (bad.length > 0) {
    throw new ScoreInputError('TRB_SCORE_BAD_TIME', `time column "${column}" must hold a number or an ISO date (YYYY-MM-DD) in every row; ${examples(bad, (b) => `line ${b.row} "${b.cell}"`)} ${bad.length === 1 ? 'does' : 'do'} not`);
  }
  return times;
}
