/**
 * Dense symmetric positive-definite solves by Cholesky factorisation, on row-major Float64Arrays.
 * The penalised IRLS normal equations are small (one column per bin or level, a few hundred), so a
 * dense factorisation costs milliseconds.
 */

/**
 * Factorises the p×p matrix `a` in place into its lower Cholesky factor L (a = L·Lᵀ).
 * Returns false when `a` is not numerically positive definite.
 */
export function choleskyInPlace(a: Float64Array, p: number): boolean {
  for (let j = 0; j < p; j++) {
    const rowJ = j * p;
    let diag = a[rowJ + j]!;
    for (let k = 0; k < j; k++) diag -= a[rowJ + k]! * a[rowJ + k]!;
    if (!(diag > 0) || !Number.isFinite(diag)) return false;
    const ljj = Math.sqrt(diag);
    a[rowJ + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      const rowI = i * p;
      let sum = a[rowI + j]!;
      for (let k = 0; k < j; k++) sum -= a[rowI + k]! * a[rowJ + k]!;
      a[rowI + j] = sum / ljj;
    }
  }
  return true;
}

/** Solves L·Lᵀ·x = b given the factor from {@link choleskyInPlace}; returns x (b is left intact). */
export function choleskySolve(l: Float64Array, p: number, b: Float64Array): Float64Array {
  const x = Float64Array.from(b);
  for (let i = 0; i < p; i++) {
    let sum = x[i]!;
    const row = i * p;
    for (let k = 0; k < i; k++) sum -= l[row + k]! * x[k]!;
    x[i] = sum / l[row + i]!;
  }
  for (let i = p - 1; i >= 0; i--) {
    let sum = x[i]!;
    for (let k = i + 1; k < p; k++) sum -= l[k * p + i]! * x[k]!;
    x[i] = sum / l[i * p + i]!;
  }
  return x;
}

/**
 * The Cholesky factor of the symmetric matrix `a` (left intact), adding a growing ridge to the
 * diagonal when `a` is only semi-definite (an empty bin, a constant column). Throws if even a large
 * ridge does not help, which means non-finite input.
 */
export function choleskyFactor(a: Float64Array, p: number): Float64Array {
  let maxDiag = 0;
  for (let i = 0; i < p; i++) maxDiag = Math.max(maxDiag, Math.abs(a[i * p + i]!));
  for (let jitter = 0, attempt = 0; attempt < 12; attempt++, jitter = Math.max(jitter * 100, maxDiag * 1e-12, 1e-12)) {
    const work = Float64Array.from(a);
    for (let i = 0; i < p; i++) work[i * p + i]! += jitter;
    if (choleskyInPlace(work, p)) return work;
  }
  throw new Error(`the ${p}×${p} penalised normal equations are not positive definite even with a ridge; check the data for non-finite values`);
}

/** Solves the symmetric positive (semi-)definite system a·x = b. */
export function solveSymmetric(a: Float64Array, p: number, b: Float64Array): Float64Array {
  return choleskySolve(choleskyFactor(a, p), p, b);
}
