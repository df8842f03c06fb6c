/**
 * Learning the match threshold without labels: a two-component Beta mixture fitted by EM to the
 * histogram of Dice scores of the blocked candidate pairs (one component for matches, one for
 * non-matches). The posterior P(match | score) is made non-decreasing in the score from the top
 * down (each bin takes the smallest posterior at or above it, which removes the Beta tails'
 * artefacts far from the data), and a pair is a match when its posterior is at least ½. A weak
 * prior of pseudo-pairs keeps the fit sensible when there are only a few candidate pairs.
 */
const BINS = 1000;

/**
 * A weak prior, as pseudo-pairs added to each component in every M-step: it keeps the fit sensible
 * on a handful of candidate pairs (a tiny file) and vanishes against thousands of real ones.
 */
const PSEUDO_PAIRS = 10;
const MATCH_PRIOR = { mean: 0.92, variance: 0.003 };
const NON_MATCH_PRIOR = { mean: 0.5, variance: 0.01 };

export interface BetaParams { alpha: number; beta: number }

export interface MixtureFit {
  /** Share of candidate pairs that are matches. */
  prior: number;
  match: BetaParams;
  nonMatch: BetaParams;
  /** The lowest score whose posterior is at least ½ (Infinity if none). */
  threshold: number;
  /** The lowest score whose posterior is at least `probability` (Infinity if none). */
  scoreAt(probability: number): number;
  iterations: number;
  pairs: number;
  /** Posterior P(match | Dice score). */
  posterior(score: number): number;
}

function logGamma(x: number): number {
  const g = [676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  let a = 0.99999999999980993;
  const t = x + 6.5;
  for (let i = 0; i < 8; i++) a += g[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x - 0.5) * Math.log(t) - t + Math.log(a);
}

function logBetaPdf(x: number, { alpha, beta }: BetaParams): number {
  return (alpha - 1) * Math.log(x) + (beta - 1) * Math.log(1 - x) + logGamma(alpha + beta) - logGamma(alpha) - logGamma(beta);
}

/** Beta parameters with the given mean and variance (method of moments), kept proper. */
function betaFromMoments(mean: number, variance: number): BetaParams {
  const m = Math.min(Math.max(mean, 1e-3), 1 - 1e-3);
  const v = Math.min(Math.max(variance, 1e-6), m * (1 - m) * 0.99);
  const common = (m * (1 - m)) / v - 1;
  return { alpha: m * common, beta: (1 - m) * common };
}

const center = (b: number): number => (b + 0.5) / BINS;

/** A histogram of scores in [0, 1] with {@link BINS} bins. */
export function scoreHistogram(scores: Float64Array): Float64Array {
  const counts = new Float64Array(BINS);
  for (const s of scores) counts[Math.min(BINS - 1, Math.floor(s * BINS))]! += 1;
  return counts;
}

/** Fits the mixture to a score histogram (see the module comment). */
export function fitScoreMixture(counts: Float64Array, maxIterations = 300): MixtureFit {
  const total = counts.reduce((a, b) => a + b, 0);
  let prior = 0.1;
  let match = betaFromMoments(MATCH_PRIOR.mean, MATCH_PRIOR.variance);
  let nonMatch = betaFromMoments(NON_MATCH_PRIOR.mean, NON_MATCH_PRIOR.variance);
  const resp = new Float64Array(BINS);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    for (let b = 0; b < BINS; b++) {
      const x = center(b);
      const lm = Math.log(prior) + logBetaPdf(x, match);
      const ln = Math.log(1 - prior) + logBetaPdf(x, nonMatch);
      resp[b] = 1 / (1 + Math.exp(ln - lm));
    }
    const moments = (weight: (b: number) => number, pseudo: typeof MATCH_PRIOR): [number, number, number] => {
      let w = PSEUDO_PAIRS;
      let s = PSEUDO_PAIRS * pseudo.mean;
      let s2 = PSEUDO_PAIRS * (pseudo.variance + pseudo.mean ** 2);
      for (let b = 0; b < BINS; b++) { const c = counts[b]! * weight(b); w += c; s += c * center(b); s2 += c * center(b) ** 2; }
      const m = s / w;
      return [w - PSEUDO_PAIRS, m, s2 / w - m * m];
    };
    const [wm, mm, vm] = moments((b) => resp[b]!, MATCH_PRIOR);
    const [, mn, vn] = moments((b) => 1 - resp[b]!, NON_MATCH_PRIOR);
    const nextPrior = Math.min(Math.max((wm + PSEUDO_PAIRS) / (total + 2 * PSEUDO_PAIRS), 1e-6), 1 - 1e-6);
    const nextMatch = betaFromMoments(mm, vm);
    nonMatch = betaFromMoments(mn, vn);
    const change = Math.abs(nextPrior - prior) + Math.abs(nextMatch.alpha - match.alpha) / match.alpha;
    prior = nextPrior;
    match = nextMatch;
    if (change < 1e-7) break;
  }
  const post = new Float64Array(BINS);
  const separated = mean(match) > mean(nonMatch);
  for (let b = BINS - 1; b >= 0; b--) {
    const x = center(b);
    const lm = Math.log(prior) + logBetaPdf(x, match);
    const ln = Math.log(1 - prior) + logBetaPdf(x, nonMatch);
    const p = separated ? 1 / (1 + Math.exp(ln - lm)) : 0;
    post[b] = Math.min(Number.isFinite(p) ? p : 0, b + 1 < BINS ? post[b + 1]! : 1);
  }
  const scoreAt = (probability: number): number => {
    const first = post.findIndex((p) => p >= probability);
    return first < 0 ? Infinity : first / BINS;
  };
  return {
    prior, match, nonMatch, iterations, pairs: total, scoreAt,
    threshold: scoreAt(0.5),
    posterior: (score) => post[Math.min(BINS - 1, Math.max(0, Math.floor(score * BINS)))]!,
  };
}

const mean = (p: BetaParams): number => p.alpha / (p.alpha + p.beta);

/** A posterior as a log-odds weight in bits (Splink's `match_weight`), finite at 0 and 1. */
export function matchWeight(posterior: number): number {
  const p = Math.min(Math.max(posterior, 1e-12), 1 - 1e-12);
  return Math.log2(p / (1 - p));
}
