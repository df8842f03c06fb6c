/**
 * A CSV file read into columns of text, with the file line of every row so errors can point at it.
 * Files up to 256 MB are parsed in memory by `parseCsvText`; larger ones are streamed by csv-parse.
 * The first row is the header; an empty header cell is named `unnamed_<position>` (a pandas index
 * column, say). Headers are trimmed and must be unique.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { CsvSyntaxError, parseCsvText, type CsvRecords } from './csv-text.ts';
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

/** Files up to this size are read whole and parsed in memory (fast); larger ones are streamed. */
const IN_MEMORY_LIMIT = 256 * 1024 * 1024;

/** Reads a whole CSV file. */
export async function readCsvTable(file: string): Promise<CsvTable> {
  const info = await stat(file).catch(() => {
    throw new ScoreInputError('TRB_SCORE_FILE', `cannot read ${file}: no such file, or it is not readable`);
  });
  const { records, lines } = info.size <= IN_MEMORY_LIMIT ? await inMemory(file) : await streamed(file);
  if (records.length === 0) throw new ScoreInputError('TRB_SCORE_CSV', `${file} is empty: expected a header row and data rows`);
  const columns = header(records[0]!, file);
  const data = columns.map(() => new Array<string>(records.length - 1));
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    if (record.length !== columns.length) {
      throw new ScoreInputError('TRB_SCORE_CSV', `${file} is not valid CSV: line ${lines[r]} has ${record.length} field${record.length === 1 ? '' : 's'} but the header has ${columns.length}. Every row must have as many fields as the header.`);
    }
    for (let c = 0; c < columns.length; c++) data[c]![r - 1] = record[c]!;
  }
  return { file, columns, cells: new Map(columns.map((name, c) => [name, data[c]!])), lines: Int32Array.from(lines.slice(1)), rows: records.length - 1 };
}

async function inMemory(file: string): Promise<CsvRecords> {
  try {
    return parseCsvText(await readFile(file, 'utf8'));
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new ScoreInputError('TRB_SCORE_CSV', `${file} is not valid CSV: ${error.message}`);
    throw new ScoreInputError('TRB_SCORE_FILE', `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function streamed(file: string): Promise<CsvRecords> {
  const parser = createReadStream(file).pipe(parse({ bom: true, skip_empty_lines: true, relax_quotes: true, relax_column_count: true, info: true }));
  const records: string[][] = [];
  const lines: number[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      records.push(record);
      lines.push(info.lines);
    }
  } catch (error) {
    throw new ScoreInputError('TRB_SCORE_CSV', `${file} is not valid CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { records, lines };
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
