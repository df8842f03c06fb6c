/**
 * Keyboard slips in a name: a neighbouring key, two letters swapped, a letter dropped or
 * doubled. The first letter is kept (slips there are rarer, and it keeps blocking honest), and
 * the result always differs from the input.
 */
import type { Rng } from '../random/prng.ts';

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const NEIGHBOURS = new Map<string, string>();
ROWS.forEach((row, r) => {
  for (let i = 0; i < row.length; i++) {
    const near = [row[i - 1], row[i + 1], ROWS[r - 1]?.[i], ROWS[r + 1]?.[i]].filter((c): c is string => !!c);
    NEIGHBOURS.set(row[i] as string, near.join(''));
  }
});

function neighbour(rng: Rng, ch: string): string {
  const lower = ch.toLowerCase();
  const near = NEIGHBOURS.get(lower);
  if (!near) return ch;
  const pick = near[rng.int(near.length)] as string;
  return ch === lower ? pick : pick.toUpperCase();
}

/** A name with one slip; names shorter than two letters come back unchanged. */
export function typo(rng: Rng, value: string): string {
  if (value.length < 2) return value;
  for (let attempt = 0; attempt < 4; attempt++) {
    const i = 1 + rng.int(value.length - 1);
    const kind = rng.int(4);
    let out = value;
    if (kind === 0) out = value.slice(0, i) + neighbour(rng, value[i] as string) + value.slice(i + 1);
    else if (kind === 1 && i >= 2) out = value.slice(0, i - 1) + value[i] + value[i - 1] + value.slice(i + 1);
    else if (kind === 2 && value.length > 3) out = value.slice(0, i) + value.slice(i + 1);
    else out = value.slice(0, i) + value[i] + value.slice(i);
    if (out !== value) return out;
  }
  return value.slice(0, 1) + value.slice(1).replace(/[a-z]/, (c) => (c === 'e' ? 'a' : 'e'));
}

/** An identifier with one digit changed to another digit (if it has a digit). */
export function digitSlip(rng: Rng, value: string): string {
  const positions = [...value].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
  if (positions.length === 0) return value;
  const i = rng.pick(positions);
  const old = Number(value[i]);
  const next = (old + 1 + rng.int(9)) % 10;
  return value.slice(0, i) + String(next) + value.slice(i + 1);
}
