import { impossibility, isoDate } from './calendar.ts';

/**
 * The date with day and month transposed, when that is a different real date; otherwise null
 * (also for anything that is not a `YYYY-MM-DD` date).
 *
 * @example swapDayMonth('2010-03-04') // '2010-04-03'
 */
export function swapDayMonth(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typeof iso === 'string' ? iso : '');
  if (!m) return null;
  const [year, month, day] = m.slice(1, 4).map(Number) as [number, number, number];
  if (month === day || impossibility(year, month, day) !== null || impossibility(year, day, month) !== null) return null;
  return isoDate(year, day, month);
}
