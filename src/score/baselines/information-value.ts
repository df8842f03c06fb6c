/**
 * Information value of a binned feature: Σ (share of positives − share of negatives) ×
 * ln(share of positives / share of negatives) over its cells, with half a count added to every cell
 * so empty cells stay finite. Above 0.3 is conventionally strong, below 0.02 useless.
 */
export function informationValue(codes: Int32Array, labels: Uint8Array, cells: number): number {
  const pos = new Float64Array(cells).fill(0.5);
  const neg = new Float64Array(cells).fill(0.5);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code < 0) continue;
    if (labels[i] === 1) pos[code]!++;
    else neg[code]!++;
  }
  const totalPos = pos.reduce((a, b) => a + b, 0);
  const totalNeg = neg.reduce((a, b) => a + b, 0);
  let iv = 0;
  for (let c = 0; c < cells; c++) {
    const p = pos[c]! / totalPos;
    const q = neg[c]! / totalNeg;
    iv += (p - q) * Math.log(p / q);
  }
  return iv;
}
