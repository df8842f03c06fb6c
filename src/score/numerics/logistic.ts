/** The logistic function and its inverse, written to stay finite for large arguments. */

/** σ(x) = 1 / (1 + e^−x), without overflow for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** logit(p) = ln(p / (1 − p)); ±Infinity at 0 and 1. */
export function logit(p: number): number {
  return Math.log(p) - Math.log1p(-p);
}

/** ln(1 + e^x), without overflow. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** The negative log-likelihood of label `y` (0/1) under logit `eta`: softplus(eta) − y·eta. */
export function logLossOfLogit(y: number, eta: number): number {
  return softplus(eta) - y * eta;
}
