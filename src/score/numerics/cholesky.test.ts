import { describe, expect, it } from 'vitest';
import { choleskyFactor, choleskySolve, solveSymmetric } from './cholesky.ts';

describe('Cholesky solves', () => {
  it('solves a positive definite system exactly', () => {
    const a = Float64Array.from([4, 2, 0.6, 2, 5, 1, 0.6, 1, 3]);
    const x = Float64Array.from([1, -2, 3]);
    const b = Float64Array.from([0, 1, 2], (i) => a[i * 3]! * x[0]! + a[i * 3 + 1]! * x[1]! + a[i * 3 + 2]! * x[2]!);
    const solved = solveSymmetric(a, 3, b);
    solved.forEach((value, i) => expect(value).toBeCloseTo(x[i]!, 12));
  });

  it('adds a ridge to a singular (semi-definite) matrix instead of failing', () => {
    const a = Float64Array.from([1, 1, 1, 1]);
    const x = solveSymmetric(a, 2, Float64Array.from([2, 2]));
    expect(x[0]! + x[1]!).toBeCloseTo(2, 6);
  });

  it('reuses a factor for several right-hand sides', () => {
    const a = Float64Array.from([2, 1, 1, 3]);
    const factor = choleskyFactor(a, 2);
    expect(Array.from(choleskySolve(factor, 2, Float64Array.from([3, 4])))).toEqual([1, 1].map((v) => expect.closeTo(v, 12)));
    expect(Array.from(a)).toEqual([2, 1, 1, 3]);
  });

  it('names the problem when the input is not finite', () => {
    expect(() => choleskyFactor(Float64Array.from([NaN]), 1)).toThrow(/non-finite/);
  });
});
