/**
 * A CSV file read into columns of text, with the file line of every row so errors can point at it.
 * The first row is the header; an empty header cell is named `unnamed_<position>` (a pandas index
 * column, say). Headers are trimmed and must be unique.
 */
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { ScoreInputError } from './score-input-error.ts';

export interface CsvTable {
  file: string;
  columns: string[];
  /** Column name → one cell per data row. */
  cells: Map<string, string[]>;
  /** File line (1-based) where each data row starts. */
  lines: Int32Array;
  rows: number;
}

/** Reads a whole CSV file. */
export async function readCsvTable(file: string): Promise<CsvTable> {
  await access(file).catch(() => {
    throw new ScoreInputError('TRB_SCORE_FILE', `cannot read ${file}: no such file, or it is not readable`);
  });
  const parser = createReadStream(file).pipe(parse({ bom: true, skip_empty_lines: true, info: true, relax_quotes: true }));
  let columns: string[] | null = null;
  let data: string[][] = [];
  const lines: number[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!columns) {
        columns = header(record, file);
        data = columns.map(() => []);
        continue;
      }
      for (let c = 0; c < columns.length; c++) data[c]!.push(record[c]!);
      lines.push(info.lines);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ScoreInputError('TRB_SCORE_CSV', `${file} is not valid CSV: ${message}. Every row must have as many fields as the header.`);
  }
  if (!columns) throw new ScoreInputError('TRB_SCORE_CSV', `${file} is empty: expected a header row and data rows`);
  return { file, columns, cells: new Map(columns.map((name, c) => [name, data[c]!])), lines: Int32Array.from(lines), rows: lines.length };
}

function header(record: string[], file: string): string[] {
  const names = record.map((name, c) => name.trim() || `unnamed_${c + 1}`);
  const seen = new Set<string>();
  const duplicates = names.filter((name) => seen.has(name) || !seen.add(name));
  if (duplicates.length > 0) {
    throw new ScoreInputError('TRB_SCORE_CSV', `${file} has duplicate column names in its header: ${[...new Set(duplicates)].join(', ')}; rename them so each is unique`);
  }
  return names;
}

/** The cells of a column, or an error naming the column and listing the available ones. */
export function columnCells(table: CsvTable, name: string, role: string): string[] {
  const cells = table.cells.get(name);
  if (!cells) throw missingColumns(table, [name], role);
  return cells;
}

/** The error for one or more absent columns. */
export function missingColumns(table: CsvTable, names: readonly string[], role: string): ScoreInputError {
  const list = names.map((name) => `"${name}"`).join(', ');
  return new ScoreInputError('TRB_SCORE_MISSING_COLUMN',
    `${table.file} has no column ${list} (${role}); available columns: ${table.columns.join(', ')}`);
}
