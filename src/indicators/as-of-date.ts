/** The as-of date: a real calendar date written YYYY-MM-DD, the only form the stage accepts. */
import { z } from 'zod';

export const AsOfDateSchema = z.string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real calendar date');

/** Returns the date if valid; throws an error naming it otherwise. */
export function parseAsOf(value: string): string {
  const result = AsOfDateSchema.safeParse(value);
  if (result.success) return result.data;
  throw new Error(`as-of date "${value}": ${result.error.issues.map((i) => i.message).join('; ')}`);
}

/** The date `months` calendar months after `date` (clamped to the month's end, as PostgreSQL does). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
