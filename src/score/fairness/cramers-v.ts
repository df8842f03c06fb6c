/**
 * Cramér's V between two categorical codings of the same rows: √(χ² / (n · (min(r, c) − 1))), from
 * 0 (independent) to 1 (each determines the other). Codes below 0 are skipped.
 */
export function cramersV(a: Int32Array, b: Int32Array): number {
  const rowsOf = new Map<number, number>();
  const colsOf = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < 0 || b[i]! < 0) continue;
    if (!rowsOf.has(a[i]!)) rowsOf.set(a[i]!, rowsOf.size);
    if (!colsOf.has(b[i]!)) colsOf.set(b[i]!, colsOf.size);
  }
  const r = rowsOf.size;
  const c = colsOf.size;
  if (r < 2 || c < 2) return 0;
  const table = new Float64Array(r * c);
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < 0 || b[i]! < 0) continue;
    table[rowsOf.get(a[i]!)! * c + colsOf.get(b[i]!)!]!++;
    n++;
  }
  const rowSum = new Float64Array(r);
  const colSum = new Float64Array(c);
  for (let x = 0; x < r; x++) for (let y = 0; y < c; y++) { rowSum[x]! += table[x * c + y]!; colSum[y]! += table[x * c + y]!; }
  let chi2 = 0;
  for (let x = 0; x < r; x++) {
    for (let y = 0; y < c; y++) {
      const expected = (rowSum[x]! * colSum[y]!) / n;
      chi2 += (table[x * c + y]! - expected) ** 2 / expected;
    }
  }
  return Math.sqrt(chi2 / (n * (Math.min(r, c) - 1)));
}
