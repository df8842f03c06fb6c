/** The demo's options, validated once: how big a town, which seed, where, and whether to serve. */
import { z } from 'zod';

export const DemoOptionsSchema = z.object({
  people: z.coerce.number().int().min(50).max(1_000_000),
  seed: z.coerce.number().int().min(0),
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  serve: z.boolean(),
  /** The date the town's extracts are taken on; factors and scores are as of this date. */
  extractDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  threshold: z.coerce.number().gt(0).lt(1).optional(),
});

export type DemoOptions = z.infer<typeof DemoOptionsSchema>;
