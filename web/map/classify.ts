import type { ClassMethod } from '../state/view.ts';
import { divergingBreaks, equalIntervalBreaks, naturalBreaks, normalizeBreaks, quantileBreaks } from './breaks.ts';
import { makeClassification, STUNTING_PREVALENCE, type Classification } from './classes.ts';
import { BELOW_TARGET, DIVERGING, DIVERGING_SIDE, MAX_CLASSES, sequentialColors, type SequentialScheme } from './palettes.ts';

export { quantileBreaks, roundSignificant } from './breaks.ts';

/**
 * Which classes an indicator is painted with. Pure: the indicator, the values shown and the method
 * the person chose decide.
 *
 * `auto`, the indicator's own scheme:
 * - prevalence (lower is better): the fixed WHO/target breaks of STUNTING_PREVALENCE;
 * - percentages where higher is better (coverage, realisation, completeness): fixed breaks
 *   50/60/70/80/90, so that one year or region compares with another, and the strong colour at the
 *   LOW end, so that the regions that lag behind stand out;
 * - money, counts, scores: quantiles of the values shown, rounded to readable numbers;
 * - categories (kategori kinerja, status aksi): one colour per category, labelled.
 *
 * The other methods keep the indicator's colours (so dark still means "needs attention") and change
 * only the breaks: quantiles, equal intervals, natural breaks, breaks typed by hand. `target` is a
 * diverging scale centred on the indicator's target, blue on the good side and red on the bad one,
 * whichever way is good for the indicator; `below` shows only which side of the target a region is
 * on, the wrong side strong and the other muted. A change between two periods is a diverging scale
 * centred on 0, blue where the indicator improved.
 */

export interface ClassifiedIndicator {
  readonly id: string;
  readonly kind: string;
  /** Which way is better: "higher", "lower" or "none". */
  readonly direction: string;
  readonly unit: string;
  readonly categories: readonly string[] | null;
  /** The national target, when there is one. */
  readonly target?: number | null;
}

/**
 * Coverage: ColorBrewer RdPu (colour-blind safe, sequential in lightness), six darkest classes of the
 * 7-class scheme, reversed: below 50% is the darkest magenta, 90% and more the palest pink. The palest
 * RdPu step is left out so that good coverage is not mistaken for empty land. Magenta keeps it apart
 * from the yellow-to-red of prevalence, whose numbers mean the opposite.
 */
export const COVERAGE: Classification = makeClassification([50, 60, 70, 80, 90], sequentialColors('worse-low', 6));

/** Classes of the quantile, equal-interval and natural-breaks methods. */
export const QUANTILE_CLASSES = 5;

/**
 * Categories in their catalogue order (worst first: Belum, Proses, Selesai): Okabe-Ito vermillion,
 * yellow, blue, told apart with every kind of colour blindness, then more Okabe-Ito colours.
 */
const CATEGORICAL = ['#d55e00', '#f0e442', '#0072b2', '#cc79a7', '#009e73', '#56b4e9', '#e69f00'];

export function categorical(labels: readonly string[]): Classification {
  const breaks = labels.slice(1).map((_, i) => i + 0.5);
  const colors = labels.map((_, i) => CATEGORICAL[i % CATEGORICAL.length] as string);
  return makeClassification(breaks, colors, labels);
}

/** Neutral sequential classes (ColorBrewer YlGnBu): pale for little, dark blue for much. */
export function sequential(breaks: readonly number[]): Classification {
  return makeClassification(breaks, sequentialColors('neutral', breaks.length + 1));
}

/** What kind of classes an indicator gets; named in the legend's note. */
export type Scheme = 'prevalence' | 'coverage' | 'quantile' | 'category';

export function schemeFor(indicator: ClassifiedIndicator): Scheme {
  if (indicator.kind === 'category' && indicator.categories && indicator.categories.length > 0) return 'category';
  if (indicator.unit === '%' && indicator.direction === 'lower') return 'prevalence';
  if (indicator.unit === '%' && indicator.direction === 'higher') return 'coverage';
  return 'quantile';
}

/** The indicator's own scheme: the `auto` method. */
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

const PALETTE_OF: Record<Exclude<Scheme, 'category'>, SequentialScheme> = {
  prevalence: 'worse-high',
  coverage: 'worse-low',
  quantile: 'neutral',
};

/** Why a method cannot be used for an indicator. */
export type Unavailable = 'categories' | 'noTarget' | 'noDirection';

/** Null when `method` can classify `indicator`, else why not. */
export function unavailableReason(indicator: ClassifiedIndicator, method: ClassMethod): Unavailable | null {
  if (method === 'auto') return null;
  if (schemeFor(indicator) === 'category') return 'categories';
  if ((method === 'target' || method === 'below') && (indicator.target === null || indicator.target === undefined)) return 'noTarget';
  // "The wrong side of the target" needs a right side.
  if (method === 'below' && indicator.direction !== 'higher' && indicator.direction !== 'lower') return 'noDirection';
  return null;
}

/** Whether a change between two periods can be shown (a difference of categories means nothing). */
export function changeAvailable(indicator: ClassifiedIndicator): boolean {
  return schemeFor(indicator) !== 'category';
}

/**
 * Colours of a diverging classification whose `center` is one of `breaks`: the classes below it
 * and above it, nearest the centre palest. Below the centre is good when lower is better.
 */
export function divergingColors(breaks: readonly number[], center: number, direction: string): string[] {
  const c = breaks.indexOf(center);
  if (c === -1) throw new Error(`the centre ${center} is not one of the breaks ${breaks.join(', ')}`);
  const [below, above] =
    direction === 'lower' ? [DIVERGING.good, DIVERGING.bad] : direction === 'higher' ? [DIVERGING.bad, DIVERGING.good] : [DIVERGING.down, DIVERGING.up];
  const n = breaks.length + 1;
  const pick = (side: readonly string[], distance: number) => side[Math.min(distance, side.length - 1)] as string;
  return Array.from({ length: n }, (_, i) => (i <= c ? pick(below, c - i) : pick(above, i - c - 1)));
}

export interface ClassifyInput {
  readonly indicator: ClassifiedIndicator;
  readonly values: Iterable<number | null | undefined>;
  readonly method: ClassMethod;
  /** Breaks typed by hand, for the `manual` method. */
  readonly breaks: readonly number[] | null;
  /** Change mode: `values` are differences between two periods. */
  readonly change: boolean;
}

export interface Classed {
  readonly classification: Classification;
  /** The method used: the one asked for, `auto` when it cannot be used here, or `change`. */
  readonly method: ClassMethod | 'change';
  /** The centre of a diverging scale (the target, or 0 for a change); null for the others. */
  readonly center: number | null;
  /** Why the method asked for was not used; null when it was. */
  readonly unavailable: Unavailable | null;
}

export function classify(input: ClassifyInput): Classed {
  const { indicator } = input;
  const values = [...input.values];
  const scheme = schemeFor(indicator);
  const auto = (unavailable: Unavailable | null): Classed => ({
    classification: classificationFor(indicator, values),
    method: 'auto',
    center: null,
    unavailable,
  });
  if (input.change && scheme !== 'category') {
    const breaks = divergingBreaks(values, 0, DIVERGING_SIDE);
    return {
      classification: makeClassification(breaks, divergingColors(breaks, 0, indicator.direction)),
      method: 'change',
      center: 0,
      unavailable: null,
    };
  }
  const unavailable = unavailableReason(indicator, input.method);
  if (unavailable !== null || scheme === 'category') return auto(unavailable);
  const palette = PALETTE_OF[scheme];
  const withBreaks = (breaks: readonly number[], method: ClassMethod): Classed => ({
    classification: makeClassification(breaks, sequentialColors(palette, breaks.length + 1)),
    method,
    center: null,
    unavailable: null,
  });
  const target = indicator.target ?? 0;
  switch (input.method) {
    case 'auto':
      return auto(null);
    case 'quantile':
      return withBreaks(quantileBreaks(values, QUANTILE_CLASSES), 'quantile');
    case 'equal':
      return withBreaks(equalIntervalBreaks(values, QUANTILE_CLASSES), 'equal');
    case 'jenks':
      return withBreaks(naturalBreaks(values, QUANTILE_CLASSES), 'jenks');
    case 'manual': {
      // The URL allows one more break than there are colours for; the extra one is dropped.
      const breaks = normalizeBreaks(input.breaks ?? []).slice(0, MAX_CLASSES - 1);
      return breaks.length === 0 ? auto(null) : withBreaks(breaks, 'manual');
    }
    case 'target': {
      const breaks = divergingBreaks(values, target, DIVERGING_SIDE);
      return {
        classification: makeClassification(breaks, divergingColors(breaks, target, indicator.direction)),
        method: 'target',
        center: target,
        unavailable: null,
      };
    }
    case 'below': {
      const colors = indicator.direction === 'lower' ? [BELOW_TARGET.muted, BELOW_TARGET.bad] : [BELOW_TARGET.bad, BELOW_TARGET.muted];
      return { classification: makeClassification([target], colors), method: 'below', center: target, unavailable: null };
    }
  }
}

/**
 * For the "belum mencapai target" view and the legend: whether class `index` of a classification
 * with the target as its only break is on the wrong side. The target itself counts as reached when
 * higher is better (80% of 80% is the target) and, with the classes' "from this break up" rule, as
 * not reached when lower is better.
 */
export function wrongSideOfTarget(index: number, direction: string): boolean {
  return direction === 'lower' ? index === 1 : index === 0;
}
