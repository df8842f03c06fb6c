/**
 * `tributary model predict`: score every row of a CSV with a fitted model and write
 * `id,probability,contrib:<feature>…`, where intercept + Σ contributions = logit(probability).
 * Every row gets a prediction: missing values and unseen categories have their own contributions
 * (0 for a value never seen), text in a numeric column is treated as missing, with a warning.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { readModel } from '../model/read-model.ts';
import { scoreRows } from '../model/score-rows.ts';
import { missingColumns, readCsvTable } from '../table/csv-table.ts';
import { csvField } from '../table/csv-field.ts';
import { featureColumns } from '../table/feature-columns.ts';

export interface PredictJobOptions {
  model: string;
  data: string;
  id: string;
  out: string;
}

export interface PredictJobResult {
  rows: number;
  warnings: string[];
}

/** Scores the file and writes the predictions. */
export async function runPredictJob(options: PredictJobOptions): Promise<PredictJobResult> {
  const model = await readModel(options.model);
  const table = await readCsvTable(options.data);
  const absent = [options.id, ...model.features.map((f) => f.name)].filter((name) => !table.cells.has(name));
  if (absent.length > 0) throw missingColumns(table, absent, absent.includes(options.id) && absent.length === 1 ? 'the --id column' : 'the id column or features the model needs');
  const { columns, unreadable } = featureColumns(table, model.features);
  const scored = scoreRows(model, columns);
  const warnings = [
    ...unreadable.map((u) => `${u.cells} cell(s) of numeric feature "${u.name}" are not numbers; they were scored as missing`),
    ...model.features.flatMap((f, k) => (scored.unseen[k]! > 0 ? [`${scored.unseen[k]} row(s) have a value of "${f.name}" never seen in training; it contributes 0`] : [])),
  ];
  await mkdir(dirname(options.out), { recursive: true });
  const ids = table.cells.get(options.id)!;
  const output = createWriteStream(options.out);
  const header = ['id', 'probability', ...model.features.map((f) => `contrib:${f.name}`)].map(csvField).join(',');
  let chunk = [header];
  for (let i = 0; i < table.rows; i++) {
    let line = `${csvField(ids[i]!)},${scored.probability[i]}`;
    for (const contribution of scored.contributions) line += `,${contribution[i]}`;
    chunk.push(line);
    if (chunk.length === 10_000 || i === table.rows - 1) {
      if (!output.write(`${chunk.join('\n')}\n`)) await once(output, 'drain');
      chunk = [];
    }
  }
  if (chunk.length > 0) output.write(`${chunk.join('\n')}\n`);
  output.end();
  await once(output, 'finish');
  return { rows: table.rows, warnings };
}
