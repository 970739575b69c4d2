import { ckmeans } from 'simple-statistics';

/**
 * Class breaks from values: quantiles, equal intervals, natural breaks (ckmeans) and diverging
 * steps around a centre. Pure. Every function here ignores nulls and non-finite values, and returns
 * breaks that are strictly ascending, readable (few significant digits) and lie inside the values,
 * so that no class at either end is empty. All values equal, one value or none give no breaks: a
 * single class.
 */

/** Removes float noise: 0.1 * 3 gives 0.3, not 0.30000000000000004. */
const clean = (x: number): number => Number(x.toPrecision(12));

/** The finite numbers among `values`, ascending. */
export function finiteSorted(values: Iterable<number | null | undefined>): number[] {
  return [...values].filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
}

/** x rounded to `digits` significant digits: 8_311_394_901 gives 8_300_000_000. */
export function roundSignificant(x: number, digits: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const step = 10 ** (Math.floor(Math.log10(Math.abs(x))) - digits + 1);
  // toPrecision strips the float noise of the multiplication (0.1 * 3).
  return Number((Math.round(x / step) * step).toPrecision(15));
}

/** The q-quantile (0..1) of sorted numbers, interpolating between neighbours. */
function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (b - a) * (pos - lo);
}

/**
 * Breaks that split the values into `classes` groups of about equal size, rounded to readable numbers.
 * Breaks that would leave the lowest or highest class empty, or repeat another after rounding, are dropped.
 */
export function quantileBreaks(values: Iterable<number | null | undefined>, classes: number): number[] {
  const sorted = finiteSorted(values);
  const min = sorted[0];
  const max = sorted.at(-1);
  if (min === undefined || max === undefined || min === max) return [];
  const withDigits = (digits: number) => {
    const breaks: number[] = [];
    for (let k = 1; k < classes; k++) {
      const b = roundSignificant(quantile(sorted, k / classes), digits);
      const prev = breaks.at(-1);
      if (b > min && b <= max && (prev === undefined || b > prev)) breaks.push(b);
    }
    return breaks;
  };
  // Two digits read best; more only when two would merge classes (values close together, or large
  // numbers that differ only further down: 1.000.020 and 1.000.080).
  let best = withDigits(2);
  for (let digits = 3; digits <= 7 && best.length < classes - 1; digits++) {
    const more = withDigits(digits);
    if (more.length > best.length) best = more;
  }
  return best;
}

/** The multipliers of a power of ten that make a readable step: 1, 2, 2,5 and 5. */
const NICE = [1, 2, 2.5, 5] as const;

/** The smallest readable step (1, 2, 2,5 or 5 times a power of ten) at least `x`; x must be > 0. */
export function niceStep(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  for (const m of [...NICE, 10]) {
    const step = clean(m * power);
    if (step >= x) return step;
  }
  return clean(10 * power);
}

/**
 * Equal intervals: every inner class is one readable step wide (10, 20, 30 rather than 13,7, 19,2),
 * with the smallest step that gives at most `classes` classes. Breaks are the multiples of the step
 * inside the values, so negative values and zero work the same.
 */
export function equalIntervalBreaks(values: Iterable<number | null | undefined>, classes: number): number[] {
  const sorted = finiteSorted(values);
  const min = sorted[0];
  const max = sorted.at(-1);
  if (min === undefined || max === undefined || min === max || classes < 2) return [];
  const multiplesIn = (step: number) => {
    const breaks: number[] = [];
    for (let k = Math.floor(min / step) + 1; k * step <= max; k++) {
      const b = clean(k * step);
      if (b > min && b <= max) breaks.push(b);
    }
    return breaks;
  };
  let step = niceStep((max - min) / (classes + 1));
  for (let guard = 0; guard < 40; guard++) {
    const breaks = multiplesIn(step);
    if (breaks.length <= classes - 1) return breaks;
    step = niceStep(step * 1.0001);
  }
  return [];
}

/**
 * The readable number in (lo, hi]: the one with the fewest significant digits, preferring a round
 * ten over a five, and of equally round ones the nearest the middle of the gap. Between 13,2 and
 * 17,9 that is 15; between -3 and 4, 0; between 29,96 and 29,98, 29,97.
 */
export function roundestBetween(lo: number, hi: number): number {
  if (!(hi > lo)) return hi;
  const middle = (lo + hi) / 2;
  let unit = 10 ** Math.ceil(Math.log10(Math.max(Math.abs(lo), Math.abs(hi), hi - lo)));
  for (let guard = 0; guard < 60; guard++) {
    for (const m of [1, 0.5]) {
      const step = unit * m;
      const first = Math.floor(lo / step) + 1;
      const last = Math.floor(hi / step);
      if (first > last) continue;
      const candidate = clean(Math.min(last, Math.max(first, Math.round(middle / step))) * step);
      if (candidate > lo && candidate <= hi) return candidate;
    }
    unit /= 10;
  }
  return hi;
}

/**
 * Natural breaks: ckmeans (Wang & Song 2011), the optimal one-dimensional clustering that Jenks'
 * method approximates, from simple-statistics. Each break is the roundest number in the gap between
 * one cluster's largest value and the next cluster's smallest.
 */
export function naturalBreaks(values: Iterable<number | null | undefined>, classes: number): number[] {
  const sorted = finiteSorted(values);
  const distinct = new Set(sorted).size;
  const k = Math.min(classes, distinct);
  if (k < 2) return [];
  const clusters = ckmeans(sorted, k);
  const breaks: number[] = [];
  for (let i = 1; i < clusters.length; i++) {
    const below = clusters[i - 1]?.at(-1);
    const above = clusters[i]?.[0];
    if (below === undefined || above === undefined || !(above > below)) continue;
    breaks.push(roundestBetween(below, above));
  }
  return breaks;
}

/**
 * Breaks of a diverging scale: readable steps on both sides of `center` (the target, or 0 for a
 * change), the same width on both sides so that a colour means the same distance on either. At most
 * `perSide` classes a side, and a side keeps only the steps its values reach, so a target outside
 * the values gives one class on the empty side. `center` is always a break.
 */
export function divergingBreaks(values: Iterable<number | null | undefined>, center: number, perSide: number): number[] {
  const sorted = finiteSorted(values);
  const min = sorted[0];
  const max = sorted.at(-1);
  if (min === undefined || max === undefined) return [center];
  const reach = Math.max(center - min, max - center, 0);
  if (reach === 0 || perSide < 2) return [center];
  const step = niceStep(reach / perSide);
  const below: number[] = [];
  const above: number[] = [];
  for (let i = 1; i < perSide; i++) {
    const down = clean(center - i * step);
    const up = clean(center + i * step);
    // A step is kept only when some value lies beyond it: the outermost class is never empty.
    if (down > min) below.unshift(down);
    if (up <= max) above.push(up);
  }
  return [...below, center, ...above];
}

/** Breaks in ascending order without repeats or non-finite numbers. */
export function normalizeBreaks(breaks: Iterable<number>): number[] {
  return [...new Set(finiteSorted(breaks))];
}
