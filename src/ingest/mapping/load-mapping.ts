/**
 * Reads a dataset's mapping (YAML) and validates it with `MappingSchema` plus the cross-checks,
 * reporting every problem at once, each with its path and its line in the file.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { MappingSchema, type Mapping } from '../mapping-schema.ts';
import { crossCheckMapping, type MappingProblem } from './mapping-checks.ts';
import { zodProblems } from './zod-problems.ts';

export interface LocatedProblem extends MappingProblem {
  /** 1-based line in the YAML file, when the path can be found there. */
  readonly line?: number;
}

export type MappingResult =
  | { readonly ok: true; readonly mapping: Mapping }
  | { readonly ok: false; readonly problems: readonly LocatedProblem[] };

/**
 * Parses and validates mapping YAML. When `expectedDataset` is given, the mapping must be for it.
 *
 * @example
 * const result = parseMapping(readFileSync('config/town/mappings/school-census.yaml', 'utf8'));
 * if (!result.ok) for (const p of result.problems) console.error(`${p.path} (line ${p.line}): ${p.message}`);
 */
export function parseMapping(text: string, expectedDataset?: string): MappingResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => ({
        path: '(yaml)', message: error.message.split('\n')[0]!, line: lineCounter.linePos(error.pos[0]).line,
      })),
    };
  }
  const data: unknown = document.toJS();
  const parsed = MappingSchema.safeParse(data);
  const problems: MappingProblem[] = [
    ...(parsed.success ? [] : zodProblems(parsed.error.issues, data)),
    ...crossCheckMapping(data),
  ];
  if (parsed.success && expectedDataset && parsed.data.dataset !== expectedDataset) {
    problems.push({ path: 'dataset', message: `is "${parsed.data.dataset}" but the file is the mapping of "${expectedDataset}"` });
  }
  if (problems.length > 0 || !parsed.success) {
    return { ok: false, problems: problems.map((p) => ({ ...p, line: lineOf(document, lineCounter, p.path) })) };
  }
  return { ok: true, mapping: parsed.data };
}

/** Reads `<configDir>/mappings/<dataset>.yaml`. */
export async function readMapping(configDir: string, dataset: string): Promise<MappingResult & { file: string }> {
  const file = join(configDir, 'mappings', `${dataset}.yaml`);
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) {
    return { ok: false, file, problems: [{ path: '(file)', message: `no mapping for dataset "${dataset}" at ${file}; write one (see src/ingest/README.md)` }] };
  }
  return { ...parseMapping(text, dataset), file };
}

function lineOf(document: Document, lineCounter: LineCounter, path: string): number | undefined {
  const keys = path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  for (let length = keys.length; length > 0; length -= 1) {
    const node = document.getIn(keys.slice(0, length), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}
