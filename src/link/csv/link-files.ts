/**
 * The whole CLI job: read MAP.json and the CSV files into an in-process DuckDB, standardise, link
 * and write the outputs. The spec is the default for the mapped roles unless a spec or model is given.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse as parseYaml } from 'yaml';
import { LinkError } from '../link-error.ts';
import { type LinkResult, linkRecords } from '../link-records.ts';
import type { OnProgress } from '../run-context.ts';
import { parseOrThrow, readSpecFile } from '../spec/spec-io.ts';
import { TrainedModelSchema, type TrainedModel } from '../training/model-schema.ts';
import { LinkMapSchema, type LinkMap } from './link-map-schema.ts';
import { loadCsvFiles, type LoadedInput } from './load-csv-files.ts';
import { writeOutputs } from './write-outputs.ts';

export interface LinkFilesOptions {
  readonly files: readonly string[];
  readonly mapPath: string;
  readonly outDir: string;
  readonly threshold?: number;
  readonly specPath?: string;
  readonly modelPath?: string;
  readonly seed?: number;
  readonly onProgress?: OnProgress;
}

export interface LinkFilesResult {
  readonly result: LinkResult;
  readonly input: LoadedInput;
  readonly written: string[];
  readonly warnings: string[];
  readonly seconds: number;
}

async function readJsonOrYaml(path: string, what: string): Promise<unknown> {
  const text = await readFile(path, 'utf8').catch(() => { throw new LinkError('LINK_INPUT_FILE', `cannot read the ${what} ${path}`, { file: path }); });
  try {
    return path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new LinkError('LINK_INPUT_FILE', `${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message}`, { file: path });
  }
}

/** Reads and validates MAP.json. */
export async function readLinkMap(path: string): Promise<LinkMap> {
  return parseOrThrow(LinkMapSchema, await readJsonOrYaml(path, 'map'), path, 'LINK_MAP_INVALID');
}

/** Reads and validates a saved model. */
export async function readModelFile(path: string): Promise<TrainedModel> {
  return parseOrThrow(TrainedModelSchema, await readJsonOrYaml(path, 'model'), path, 'LINK_MODEL_INVALID');
}

/** Links the files and writes DIR/clusters.csv, pairs.csv, review.csv, model.json and charts. */
export async function linkFiles(options: LinkFilesOptions): Promise<LinkFilesResult> {
  const started = performance.now();
  if (options.files.length === 0) throw new LinkError('LINK_INPUT_FILE', 'no input files: give one or more CSV files');
  const map = await readLinkMap(options.mapPath);
  const model = options.modelPath ? await readModelFile(options.modelPath) : undefined;
  const spec = options.specPath ? await readSpecFile(options.specPath) : undefined;
  if (map.link_type === 'link' && options.files.length < 2) {
    throw new LinkError('LINK_MAP_INVALID', `link_type "link" pairs records across files only, but one file was given; give two or more files or use "dedupe"`, { file: options.mapPath });
  }
  const instance = await DuckDBInstance.create(':memory:', { threads: String(availableParallelism()) });
  const connection = await instance.connect();
  try {
    options.onProgress?.({ step: 'reading and standardising input', done: 0, total: 1 });
    const input = await loadCsvFiles(connection, options.files, map);
    const result = await linkRecords({
      connection, table: input.table, linkType: map.link_type,
      ...(spec ? { spec: { ...spec, link_type: map.link_type } } : {}),
      ...(model ? { model } : {}),
      ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
      seed: options.seed ?? 1,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    options.onProgress?.({ step: 'writing outputs', done: 0, total: 1 });
    const written = await writeOutputs(connection, result, options.outDir);
    return { result, input, written, warnings: [...input.warnings, ...result.warnings], seconds: (performance.now() - started) / 1000 };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
