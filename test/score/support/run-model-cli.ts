/**
 * Runs `tributary model …` in-process, as `main` would (an error becomes exit code 1 and a message
 * on stderr), capturing what it prints.
 */
import { Command } from 'commander';
import { vi } from 'vitest';
import { registerModel } from '../../../src/cli/commands/model.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runModelCli(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const program = new Command('tributary').exitOverride().configureOutput({
    writeOut: (text) => { stdout += text; },
    writeErr: (text) => { stderr += text; },
  });
  registerModel(program);
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => { stdout += `${parts.join(' ')}\n`; });
  const error = vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => { stderr += `${parts.join(' ')}\n`; });
  try {
    await program.parseAsync(['node', 'tributary', 'model', ...args]);
    return { code: 0, stdout, stderr };
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    if (!stderr.includes(message)) stderr += `tributary: ${message}\n`;
    return { code: 1, stdout, stderr };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
