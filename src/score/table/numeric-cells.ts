/** A column that must be numeric in every row (a score): anything else is an error naming the rows. */
import { columnCells, type CsvTable } from './csv-table.ts';
import { isMissing, parseNumber } from './missing-values.ts';
import { examples, ScoreInputError } from './score-input-error.ts';

export function parseNumericColumn(table: CsvTable, name: string, role: string): Float64Array {
  const cells = columnCells(table, name, role);
  const values = new Float64Array(cells.length);
  const bad: Array<{ line: number; cell: string }> = [];
  cells.forEach((cell, i) => {
    const x = parseNumber(cell);
    if (x === null) bad.push({ line: table.lines[i]!, cell: isMissing(cell) ? '(missing)' : cell.trim() });
    else values[i] = x;
  });
  if (bad.length > 0) {
    throw new ScoreInputError('TRB_SCORE_BAD_NUMBER',
      `${role} column "${name}" in ${table.file} must be a number in every row; ${bad.length} row${bad.length === 1 ? ' is' : 's are'} not: ${examples(bad, (b) => `line ${b.line} "${b.cell}"`)}. Fix or remove those rows.`);
  }
  return values;
}
