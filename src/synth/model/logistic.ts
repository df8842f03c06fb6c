/** The logistic function: log-odds to probability. */
export function logistic(logOdds: number): number {
  return 1 / (1 + Math.exp(-logOdds));
}

/** A yearly hazard turned into the chance of at least one event in `days` days. */
export function chanceIn(hazardPerYear: number, days: number): number {
  return 1 - Math.exp(-hazardPerYear * days / 365);
}
