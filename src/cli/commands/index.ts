/** Every sub-command, each registering itself on the program. Add one line per command. */
import type { Command } from 'commander';
import { registerDemo } from './demo.ts';
import { registerPprl } from './pprl.ts';

export const commands: Array<(program: Command) => void> = [
  registerDemo,
  registerPprl,
];
