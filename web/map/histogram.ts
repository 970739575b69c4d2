import { finiteSorted } from './breaks.ts';
import { classIndex, type Classification } from './classes.ts';

/**
 * The histogram in the legend: equal-width bins over the values shown, each bar split into the
 * classes its values fall in, so that a bar's colours are exactly its regions' colours on the map.
 */

export interface Bin {
  /** Lower edge (inclusive). */
  readonly x0: number;
  /** Upper edge (exclusive, except for the last bin, which holds the largest value). */
  readonly x1: number;
  /** How many values of each class lie in the bin: one count per class of the classification. */
  readonly counts: readonly number[];
  readonly total: number;
}

export interface Histogram {
  readonly bins: readonly Bin[];
  /** The range drawn: the values, widened to take in `include` (the target, or 0 for a change). */
  readonly domain: readonly [number, number];
  /** How many values were binned (nulls and non-finite values are left out). */
  readonly count: number;
}

/** Bars for `n` values: about three times the cube root (Rice's rule, a little finer), 3 to 24. */
export function binCount(n: number): number {
  if (n <= 1) return 1;
  return Math.max(3, Math.min(24, Math.round(3 * Math.cbrt(n))));
}

export function histogram(
  values: Iterable<number | null | undefined>,
  classification: Classification,
  include: readonly number[] = [],
): Histogram {
  const sorted = finiteSorted(values);
  const ends = [...sorted.slice(0, 1), ...sorted.slice(-1), ...include.filter(Number.isFinite)];
  if (sorted.length === 0) return { bins: [], domain: [Math.min(0, ...ends), Math.max(0, ...ends)], count: 0 };
  let lo = Math.min(...ends);
  let hi = Math.max(...ends);
  const oneBar = lo === hi;
  if (oneBar) {
    // All values equal: one bar around them.
    const half = lo === 0 ? 0.5 : Math.abs(lo) * 0.05;
    lo -= half;
    hi += half;
  }
  const n = oneBar ? 1 : binCount(sorted.length);
  const width = (hi - lo) / n;
  const bins = Array.from({ length: n }, (_, i) => ({
    x0: lo + i * width,
    x1: i === n - 1 ? hi : lo + (i + 1) * width,
    counts: classification.colors.map(() => 0),
    total: 0,
  }));
  for (const v of sorted) {
    const i = Math.min(n - 1, Math.floor((v - lo) / width));
    const bin = bins[i];
    if (!bin) continue;
    const c = classIndex(v, classification.breaks);
    bin.counts[c] = (bin.counts[c] ?? 0) + 1;
    bin.total++;
  }
  return { bins, domain: [lo, hi], count: sorted.length };
}
