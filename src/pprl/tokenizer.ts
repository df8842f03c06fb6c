/** n-gram tokens of a value, exactly as clkhash makes them (space-padded for n > 1, 1-indexed positions). */

/**
 * @example tokenize('ann', 2, false) // [' a', 'an', 'nn', 'n ']
 * @example tokenize('1987', 1, true) // ['1 1', '2 9', '3 8', '4 7']
 */
export function tokenize(value: string, n: number, positional: boolean): string[] {
  const word = n > 1 ? ` ${value} ` : value;
  const out: string[] = [];
  for (let i = 0; i + n <= word.length; i++) {
    const gram = word.slice(i, i + n);
    out.push(positional ? `${i + 1} ${gram}` : gram);
  }
  return out;
}

/**
 * The number of bits each token sets: `bitsPerToken` for every token, or `bitsPerFeature` spread
 * over the tokens with the remainder going to the first ones (clkhash's `ks`).
 */
export function bitsPerTokenList(tokenCount: number, strategy: { bitsPerToken: number } | { bitsPerFeature: number }): number[] {
  const ks = new Array<number>(tokenCount);
  if ('bitsPerToken' in strategy) return ks.fill(strategy.bitsPerToken);
  const k = Math.floor(strategy.bitsPerFeature / tokenCount);
  const residue = strategy.bitsPerFeature % tokenCount;
  for (let i = 0; i < tokenCount; i++) ks[i] = i < residue ? k + 1 : k;
  return ks;
}
