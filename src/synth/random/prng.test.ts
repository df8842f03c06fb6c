import { describe, expect, it } from 'vitest';
import { rngFor } from './prng.ts';

const draws = (seed: number, ...labels: Array<string | number>): number[] => {
  const rng = rngFor(seed, ...labels);
  return Array.from({ length: 5 }, () => rng.next());
};

describe('rngFor', () => {
  it.each([
    { description: 'same seed and labels give the same stream', a: [1, 'family', 3], b: [1, 'family', 3], same: true },
    { description: 'another seed gives another stream', a: [1, 'family', 3], b: [2, 'family', 3], same: false },
    { description: 'another label gives another stream', a: [1, 'family', 3], b: [1, 'family', 4], same: false },
    { description: 'labels are not concatenated ambiguously', a: [1, 'ab', 'c'], b: [1, 'a', 'bc'], same: false },
  ])('$description', ({ a, b, same }) => {
    const [sa, ...la] = a as [number, ...string[]];
    const [sb, ...lb] = b as [number, ...string[]];
    expect(draws(sa, ...la).join() === draws(sb, ...lb).join()).toBe(same);
  });

  it('draws floats in [0, 1) with mean near one half, and integers within range', () => {
    const rng = rngFor(9, 'uniform');
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
      const k = rng.intBetween(3, 5);
      expect([3, 4, 5]).toContain(k);
    }
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
  });

  it.each([
    { description: 'poisson mean', draw: (r: ReturnType<typeof rngFor>) => r.poisson(1.5), mean: 1.5 },
    { description: 'normal mean', draw: (r: ReturnType<typeof rngFor>) => r.normal(), mean: 0 },
    { description: 'weighted picks in proportion', draw: (r: ReturnType<typeof rngFor>) => r.weighted([1, 3]), mean: 0.75 },
  ])('$description', ({ draw, mean }) => {
    const rng = rngFor(4, 'moments');
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += draw(rng);
    expect(Math.abs(sum / 20_000 - mean)).toBeLessThan(0.05);
  });
});
