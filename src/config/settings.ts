/** Runtime settings, read once from the environment and validated. */
import { resolve } from 'node:path';
import { z } from 'zod';

const SettingsSchema = z.object({
  dataDir: z.string().min(1),
  databaseUrl: z.string().url().optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
});

export type Settings = z.infer<typeof SettingsSchema>;

/** Settings from `TRIBUTARY_DATA_DIR` (default `./data`), `DATABASE_URL` and `LOG_LEVEL`. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  return SettingsSchema.parse({
    dataDir: resolve(env.TRIBUTARY_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    logLevel: env.LOG_LEVEL ?? 'warn',
  });
}
