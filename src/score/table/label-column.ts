/**
 * A 0/1 label column: every cell must be a number equal to 0 or 1 (`0`, `1`, `0.0`, `1.0`). Anything
 * else — `yes`, `2`, a missing cell — is an error listing the offending values, how often, and where.
 */
import { columnCells, type CsvTable } from './csv-table.ts';
import { isMissing, parseNumber } from './missing-values.ts';
import { examples, ScoreInputError } from './score-input-error.ts';

/** The labels of every row. */
export function parseLabels(table: CsvTable, name: string): Uint8Array {
  const cells = columnCells(table, name, 'the label');
  const labels = new Uint8Array(cells.length);
  const bad = new Map<string, number[]>();
  cells.forEach((cell, i) => {
    const x = parseNumber(cell);
    if (x === 0 || x === 1) { labels[i] = x; return; }
    const key = isMissing(cell) ? '(missing)' : cell.trim();
    (bad.get(key) ?? bad.set(key, []).get(key)!).push(table.lines[i]!);
  });
  if (bad.size > 0) {
    const list = examples([...bad], ([value, lines]) => `"${value}" (${lines.length} row${lines.length === 1 ? '' : 's'}, line${lines.length === 1 ? '' : 's'} ${examples(lines, String, 3)})`);
    throw new ScoreInputError('TRB_SCORE_BAD_LABEL',
      `label column "${name}" in ${table.file} must be 0 or 1 in every row; found ${list}. Recode it to 0/1 (1 = the outcome happened) or remove those rows.`);
  }
  return labels;
}

/** Throws unless both outcomes occur. */
export function requireBothClasses(labels: Uint8Array, name: string, where: string): void {
  const positives = labels.reduce((sum, y) => sum + y, 0);
  if (positives === 0 || positives === labels.length) {
    throw new ScoreInputError('TRB_SCORE_SINGLE_CLASS',
      `label column "${name}" in ${where} is ${positives === 0 ? 0 : 1} in all ${labels.length} rows; a model needs rows with both outcomes (0 and 1)`);
  }
}
