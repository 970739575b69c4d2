import { makeClassification, STUNTING_PREVALENCE, type Classification } from './classes.ts';

/**
 * Which classes an indicator is painted with. Pure: the indicator's kind and the values shown decide.
 *
 * - prevalence (lower is better): the fixed WHO/target breaks of STUNTING_PREVALENCE;
 * - percentages where higher is better (coverage, realisation, completeness): fixed breaks
 *   50/60/70/80/90, so that one year or region compares with another, and the strong colour at the
 *   LOW end, so that the regions that lag behind stand out;
 * - money, counts, scores: quantiles of the values shown, rounded to readable numbers;
 * - categories (kategori kinerja, status aksi): one colour per category, labelled.
 */

export interface ClassifiedIndicator {
  readonly id: string;
  readonly kind: string;
  readonly direction: string;
  readonly unit: string;
  readonly categories: readonly string[] | null;
}

/**
 * Coverage: ColorBrewer RdPu (colour-blind safe, sequential in lightness), six darkest classes of the
 * 7-class scheme, reversed: below 50% is the darkest magenta, 90% and more the palest pink. The palest
 * RdPu step is left out so that good coverage is not mistaken for empty land. Magenta keeps it apart
 * from the yellow-to-red of prevalence, whose numbers mean the opposite.
 */
export const COVERAGE: Classification = makeClassification(
  [50, 60, 70, 80, 90],
  ['#7a0177', '#ae017e', '#dd3497', '#f768a1', '#fa9fb5', '#fcc5c0'],
);

/**
 * Quantile classes: ColorBrewer YlGnBu (colour-blind safe), pale for little and dark blue for much.
 * Neutral on purpose: a large budget or many cases is not by itself good or bad.
 */
const SEQUENTIAL: Record<number, readonly string[]> = {
  1: ['#41b6c4'],
  2: ['#a1dab4', '#2c7fb8'],
  3: ['#edf8b1', '#7fcdbb', '#2c7fb8'],
  4: ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8'],
  5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
};
export const QUANTILE_CLASSES = 5;

/**
 * Categories in their catalogue order (worst first: Belum, Proses, Selesai): Okabe-Ito vermillion,
 * yellow, blue, told apart with every kind of colour blindness, then more Okabe-Ito colours.
 */
const CATEGORICAL = ['#d55e00', '#f0e442', '#0072b2', '#cc79a7', '#009e73', '#56b4e9', '#e69f00'];

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
 * Breaks that would leave the lowest or highest class empty, or repeat another after rounding, are
 * dropped: all values equal, one value or none give no breaks (a single class). Nulls are ignored.
 */
export function quantileBreaks(values: Iterable<number | null | undefined>, classes: number): number[] {
  const sorted = [...values].filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
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
  // Two digits read best; a third only when two would merge classes (values close together).
  const two = withDigits(2);
  if (two.length >= classes - 1) return two;
  const three = withDigits(3);
  return three.length > two.length ? three : two;
}

export function categorical(labels: readonly string[]): Classification {
  const breaks = labels.slice(1).map((_, i) => i + 0.5);
  const colors = labels.map((_, i) => CATEGORICAL[i % CATEGORICAL.length] as string);
  return makeClassification(breaks, colors, labels);
}

export function sequential(breaks: readonly number[]): Classification {
  const colors = SEQUENTIAL[breaks.length + 1];
  if (!colors) throw new Error(`no sequential palette for ${breaks.length + 1} classes (at most ${QUANTILE_CLASSES})`);
  return makeClassification(breaks, colors);
}

/** What kind of classes an indicator gets; named in the legend's note. */
export type Scheme = 'prevalence' | 'coverage' | 'quantile' | 'category';

export function schemeFor(indicator: ClassifiedIndicator): Scheme {
  if (indicator.kind === 'category' && indicator.categories && indicator.categories.length > 0) return 'category';
  if (indicator.unit === '%' && indicator.direction === 'lower') return 'prevalence';
  if (indicator.unit === '%' && indicator.direction === 'higher') return 'coverage';
  return 'quantile';
}

export function classificationFor(indicator: ClassifiedIndicator, values: Iterable<number | null | undefined>): Classification {
  switch (schemeFor(indicator)) {
    case 'category':
      return categorical(indicator.categories ?? []);
    case 'prevalence':
      return STUNTING_PREVALENCE;
    case 'coverage':
      return COVERAGE;
    case 'quantile':
      return sequential(quantileBreaks(values, QUANTILE_CLASSES));
  }
}
