/** Helpers for the PPRL journeys: a temporary workspace with FEBRL-style files, and the CLI in-process. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerPprl } from '../../src/cli/commands/pprl.ts';
import { FEBRL_MAP, generateFebrl, toCsv, type FebrlOptions } from './febrl-generator.ts';

export interface Workspace { dir: string; path: (name: string) => string; cleanup: () => void }

/** A temporary folder holding map.json, a secret and the generated CSV files (a.csv, and b.csv for link). */
export function febrlWorkspace(options: FebrlOptions): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'pprl-'));
  const path = (name: string): string => join(dir, name);
  const data = generateFebrl(options);
  writeFileSync(path('a.csv'), toCsv(data.a));
  if (options.mode === 'link') writeFileSync(path('b.csv'), toCsv(data.b));
  writeFileSync(path('map.json'), JSON.stringify(FEBRL_MAP));
  writeFileSync(path('key'), 'a partnership secret of enough length\n');
  writeFileSync(path('other-key'), 'a different secret held by someone else\n');
  return { dir, path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `tributary pprl …` in-process; resolves with what it wrote to stderr, rejects on error. */
export async function runPprl(args: string[]): Promise<string> {
  const program = new Command('tributary').exitOverride();
  registerPprl(program);
  const lines: string[] = [];
  const original = console.error;
  console.error = (...parts: unknown[]) => { lines.push(parts.join(' ')); };
  try {
    await program.parseAsync(['node', 'tributary', 'pprl', ...args]);
  } finally {
    console.error = original;
  }
  return lines.join('\n');
}

/** A CSV file's rows as objects (the outputs hold no quoted commas). */
export function readCsv(file: string): Array<Record<string, string>> {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const columns = header!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [columns[i]!, v])));
}
