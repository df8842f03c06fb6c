/** The middle of the values (for an even count, the upper of the two middle ones): the benches' summary of repeated runs. */
export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
