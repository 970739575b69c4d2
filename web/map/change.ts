/**
 * Change mode: the difference per region between the period shown and an earlier one
 * (value − earlier value). A region without a value in either period has no change: it is drawn as
 * "tidak ada data", never as zero.
 */
export function changeValues(
  current: ReadonlyMap<string, number>,
  earlier: ReadonlyMap<string, number>,
): Map<string, number> {
  const change = new Map<string, number>();
  for (const [kode, value] of current) {
    const before = earlier.get(kode);
    if (before === undefined || !Number.isFinite(value) || !Number.isFinite(before)) continue;
    // toPrecision drops the float noise of the subtraction: 35.3 - 37.8 is -2.5, not -2.4999999999999964.
    change.set(kode, Number((value - before).toPrecision(12)));
  }
  return change;
}

/** Whether a change is an improvement, a worsening or neither, given which way is better. */
export function changeMeaning(change: number, direction: string): 'better' | 'worse' | 'same' | 'neutral' {
  if (change === 0) return 'same';
  if (direction === 'higher') return change > 0 ? 'better' : 'worse';
  if (direction === 'lower') return change < 0 ? 'better' : 'worse';
  return 'neutral';
}
