/** Median and range of repeated runs: the median resists one run disturbed by a neighbour's job. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  /** Every run, in the order measured. */
  values: number[];
}

export function summarise(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('Cannot summarise zero runs');
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted.at(-1) as number, values: [...values] };
}
