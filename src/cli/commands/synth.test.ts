import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { registerSynth } from './synth.ts';

const program = (): Command => {
  const p = new Command('tributary').exitOverride();
  registerSynth(p);
  return p;
};

describe('tributary synth', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tributary-synth-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generates a town with the options given on the command line', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await program().parseAsync(['node', 'tributary', 'synth', '--out', dir, '--people', '200', '--seed', '4', '--error-rate', '2',
      '--fault', 'typo=0.1', '--bias', 'police:sex=M:1.5', '--age-profile', '0-17:1,18-25:1', '--quiet']);
    const manifest = JSON.parse(readFileSync(join(dir, 'truth', 'manifest.json'), 'utf8'));
    expect(manifest.options).toMatchObject({
      people: 200, seed: 4, errorRate: 2, faults: { typo: 0.1, nickname: 0.1 },
      bias: [{ agency: 'police', attribute: 'sex', value: 'M', factor: 1.5 }],
      ageProfile: [{ from: 0, to: 17, weight: 1 }, { from: 18, to: 25, weight: 1 }],
    });
    expect(manifest.people.total).toBeGreaterThanOrEqual(200);
  });

  it.each([
    { description: 'an unknown fault and a bad bias, reported together', args: ['--fault', 'spelling=0.1', '--bias', 'police:ethnicity=Purple:2'], message: /fault "spelling=0.1"[\s\S]*bias "police:ethnicity=Purple:2"/ },
    { description: 'a date that is not a date', args: ['--extract-date', '31/03/2026'], message: /--extractDate: a date as YYYY-MM-DD/ },
    { description: 'a number of people that is not a number', args: ['--people', 'many'], message: /--people/ },
  ])('refuses $description', async ({ args, message }) => {
    await expect(program().parseAsync(['node', 'tributary', 'synth', '--out', dir, ...args])).rejects.toThrow(message);
  });
});
