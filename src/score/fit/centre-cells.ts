/**
 * Centres each feature's cells on the training rows, moving the means into the intercept: then the
 * intercept is the mean training logit and a contribution says how far a value moves the log-odds
 * from average. Cells with no training rows contribute 0, like values never seen.
 */
export interface CentredCells {
  intercept: number;
  cells: Float64Array[];
}

/** Centres `cells` (per feature, per cell) weighted by `counts`. */
export function centreCells(intercept: number, cells: readonly Float64Array[], counts: readonly ArrayLike<number>[]): CentredCells {
  let centredIntercept = intercept;
  const centred = cells.map((values, f) => {
    const count = counts[f]!;
    let total = 0;
    let weighted = 0;
    for (let j = 0; j < values.length; j++) {
      total += count[j]!;
      weighted += count[j]! * values[j]!;
    }
    const mean = total > 0 ? weighted / total : 0;
    centredIntercept += mean;
    return Float64Array.from(values, (value, j) => (count[j]! > 0 ? value - mean : 0));
  });
  return { intercept: centredIntercept, cells: centred };
}
