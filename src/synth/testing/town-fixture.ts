/**
 * Test support: generates a small town into a fresh temporary folder and reads its files back
 * (CSV rows, truth tables, the manifest). Used by the synth tests only.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { generateTown } from '../generate-town.ts';
import type { SynthOptionsInput } from '../options.ts';

export interface TownFixture {
  readonly dir: string;
  readonly text: (file: string) => string;
  readonly csv: (file: string) => Array<Record<string, string>>;
  readonly manifest: () => Manifest;
  readonly remove: () => void;
}

export interface Manifest {
  readonly people: { total: number; byRole: Record<string, number>; youngByAge: Record<string, number> };
  readonly datasets: Array<{ id: string; file: string; records: { subject: number; contact: number };
    faults: Record<string, { opportunities: number; applied: number }> | null }>;
}

/** Generates a town (default: 1,500 people, seed 7) and returns readers over its files. */
export function makeTown(options: Partial<SynthOptionsInput> = {}): TownFixture {
  const dir = mkdtempSync(join(tmpdir(), 'tributary-synth-'));
  generateTown({ people: 1500, seed: 7, ...options, out: dir });
  const text = (file: string): string => readFileSync(join(dir, file), 'utf8');
  return {
    dir,
    text,
    csv: (file) => parse(text(file), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>,
    manifest: () => JSON.parse(text('truth/manifest.json')) as Manifest,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
