/** Every sub-command, each registering itself on the program. Add one line per command. */
import type { Command } from 'commander';
import { registerDemo } from './demo.ts';
import { registerIngest } from './ingest.ts';
import { registerServe } from './serve.ts';
import { registerAudit } from './audit.ts';
import { registerLink } from './link.ts';
import { registerIndicators } from './indicators.ts';
import { registerPprl } from './pprl.ts';
import { registerSynth } from './synth.ts';
import { registerSar } from './sar.ts';
import { registerRights } from './rights.ts';
import { registerRetention } from './retention.ts';
import { registerTransparency } from './transparency.ts';
import { registerModel } from './model.ts';

export const commands: Array<(program: Command) => void> = [
  registerDemo,
  registerIngest,
  registerServe,
  registerAudit,
  registerLink,
  registerIndicators,
  registerPprl,
  registerSynth,
  registerSar,
  registerRights,
  registerRetention,
  registerTransparency,
  registerModel,
];
