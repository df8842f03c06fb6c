/** Starting values: m before EM (best level most likely among matches), u when never observed. */
import type { Comparison } from '../spec/linkage-spec-schema.ts';

/** Initial m for each level: 0.7 on the first real level, 0.25 shared by the middle ones, 0.05 on `else`. */
export function defaultM(comparison: Comparison): number[] {
  const real = comparison.levels.map((l, i) => (l.kind === 'null' ? -1 : i)).filter((i) => i >= 0);
  const middle = real.length - 2;
  return comparison.levels.map((level, i) => {
    if (level.kind === 'null') return 0;
    if (i === real[0]) return middle > 0 ? 0.7 : 0.95;
    if (level.kind === 'else') return 0.05;
    return 0.25 / Math.max(middle, 1);
  });
}
