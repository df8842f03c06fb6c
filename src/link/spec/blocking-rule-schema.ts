/**
 * A blocking rule as data: records are paired when every key agrees. A key is a column, or a
 * transform of one (its first letters, its Soundex code, the year of a date).
 */
import { z } from 'zod';

export const KEY_TRANSFORMS = ['value', 'prefix', 'soundex', 'year', 'year_month'] as const;

export const BlockingKeySchema = z.union([
  z.string().min(1).transform((column) => ({ column, transform: 'value' as const, length: 0 })),
  z.object({
    column: z.string().min(1),
    transform: z.enum(KEY_TRANSFORMS).default('value'),
    /** Characters kept by `prefix`. */
    length: z.number().int().min(0).default(0),
  }).strict(),
]);

export const BlockingRuleSchema = z.object({
  name: z.string().min(1).optional(),
  keys: z.array(BlockingKeySchema).min(1),
}).strict();

export type BlockingKey = z.output<typeof BlockingKeySchema>;
export type BlockingRule = z.output<typeof BlockingRuleSchema>;
export type BlockingRuleInput = z.input<typeof BlockingRuleSchema>;

/** A key's stable signature (`prefix:3:family_name`), naming its materialised column. */
export function keySignature(key: BlockingKey): string {
  return `${key.transform}:${key.transform === 'prefix' ? key.length : 0}:${key.column}`;
}

/** A readable name for a rule (`dob & soundex(family_name)`). */
export function ruleName(rule: BlockingRule): string {
  if (rule.name) return rule.name;
  return rule.keys.map((k) => (k.transform === 'value' ? k.column
    : k.transform === 'prefix' ? `first ${k.length} of ${k.column}` : `${k.transform}(${k.column})`)).join(' & ');
}
