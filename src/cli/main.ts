/** The `tributary` command line: one sub-command per batch job, each in its own file. */
import { Command } from 'commander';
import { commands } from './commands/index.ts';

/** Builds the program; exported for tests that drive the CLI in-process. */
export function buildProgram(): Command {
  const program = new Command('tributary')
    .description('Tributary: link what local agencies hold about young people, so support arrives early.')
    .showHelpAfterError();
  for (const register of commands) register(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`tributary: ${message}`);
    process.exitCode = process.exitCode && process.exitCode !== 0 ? process.exitCode : 1;
  }
}
