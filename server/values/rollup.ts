/**
 * Roll-up arithmetic: the value of a region from the values of its children.
 *
 * - rates (coverage, realisation): sum of numerators over sum of denominators, never a mean of
 *   percentages, so a big kecamatan weighs as much as its children do;
 * - counts and money: sums;
 * - rate_per_unit (rupiah per target child): sum of numerators over sum of denominators, unscaled;
 * - scores: the mean of the children's scores;
 * - categories: the distribution, how many children fall in each category;
 * - survey_percent (survey prevalence): not rolled up; a survey estimate for a region cannot be
 *   derived from its children's without their sample weights.
 *
 * Every rolled-up value says how many children reported (`reporting`) out of how many exist (`expected`).
 * Values are held in typed arrays indexed by region ordinal (the region's position within its level),
 * so one pass over 83,762 desa rolls a whole indicator and period up without any per-row objects.
 */
export type IndicatorKind = 'survey_percent' | 'rate' | 'rate_per_unit' | 'count' | 'money' | 'score' | 'category';

export const CATEGORY_COUNT = 3;

/** Values of one indicator and period at one level. NaN numerator = the region did not report. */
export interface LevelSeries {
  numerators: Float64Array;
  /** rates: the denominator; other kinds: unused (NaN) */
  denominators: Float64Array;
  /** null at the level where values are reported directly */
  reporting: Int32Array | null;
  expected: Int32Array | null;
  /** categories only: counts per category, CATEGORY_COUNT per region */
  categories: Int32Array | null;
}

export function emptySeries(size: number, kind: IndicatorKind): LevelSeries {
  return {
    numerators: new Float64Array(size).fill(Number.NaN),
    denominators: new Float64Array(size).fill(Number.NaN),
    reporting: null,
    expected: null,
    categories: kind === 'category' ? new Int32Array(size * CATEGORY_COUNT) : null,
  };
}

export function rollsUp(kind: IndicatorKind): boolean {
  return kind !== 'survey_percent';
}

/**
 * Rolls `children` up to the parent level. `parentOf[i]` is the parent ordinal of child ordinal i
 * (-1 for none); `parentCount` is the size of the parent level.
 */
export function rollUp(children: LevelSeries, parentOf: Int32Array, parentCount: number, kind: IndicatorKind): LevelSeries {
  if (!rollsUp(kind)) throw new Error(`${kind} values do not roll up`);
  const parent = emptySeries(parentCount, kind);
  const numerators = new Float64Array(parentCount);
  const denominators = new Float64Array(parentCount);
  const reporting = new Int32Array(parentCount);
  const expected = new Int32Array(parentCount);
  const categories = kind === 'category' ? new Int32Array(parentCount * CATEGORY_COUNT) : null;

  for (let child = 0; child < parentOf.length; child++) {
    const p = parentOf[child] ?? -1;
    if (p < 0) continue;
    // A child that is itself a roll-up counts for the regions below it, so that a province's
    // `expected` is its number of desa, not of kab/kota.
    expected[p] = (expected[p] ?? 0) + (children.expected ? (children.expected[child] ?? 0) : 1);
    const numerator = children.numerators[child] ?? Number.NaN;
    if (Number.isNaN(numerator)) continue;
    reporting[p] = (reporting[p] ?? 0) + (children.reporting ? (children.reporting[child] ?? 0) : 1);
    if (kind === 'category') {
      addCategories(categories, p, children, child);
    } else {
      numerators[p] = (numerators[p] ?? 0) + numerator;
      // scores: the denominator counts the children, so numerator / denominator is their mean
      const denominator = kind === 'score' ? 1 : (children.denominators[child] ?? Number.NaN);
      denominators[p] = (denominators[p] ?? 0) + (Number.isNaN(denominator) ? 0 : denominator);
    }
  }

  for (let p = 0; p < parentCount; p++) {
    if ((reporting[p] ?? 0) === 0) continue;
    parent.numerators[p] = kind === 'category' ? 0 : (numerators[p] ?? 0);
    parent.denominators[p] = kind === 'count' || kind === 'money' || kind === 'category' ? Number.NaN : (denominators[p] ?? 0);
  }
  parent.reporting = reporting;
  parent.expected = expected;
  parent.categories = categories;
  return parent;
}

function addCategories(target: Int32Array | null, parent: number, children: LevelSeries, child: number) {
  if (!target) return;
  if (children.categories && children.reporting) {
    for (let c = 0; c < CATEGORY_COUNT; c++) {
      const index = parent * CATEGORY_COUNT + c;
      target[index] = (target[index] ?? 0) + (children.categories[child * CATEGORY_COUNT + c] ?? 0);
    }
    return;
  }
  const category = children.numerators[child] ?? Number.NaN;
  if (category >= 0 && category < CATEGORY_COUNT) {
    const index = parent * CATEGORY_COUNT + category;
    target[index] = (target[index] ?? 0) + 1;
  }
}

/** The displayed value of region i: a percentage for rates, a ratio, a sum, a mean, or a category. */
export function valueAt(series: LevelSeries, i: number, kind: IndicatorKind): number | null {
  const numerator = series.numerators[i] ?? Number.NaN;
  if (Number.isNaN(numerator)) return null;
  const denominator = series.denominators[i] ?? Number.NaN;
  switch (kind) {
    case 'rate':
      return denominator > 0 ? (100 * numerator) / denominator : null;
    case 'rate_per_unit':
      return denominator > 0 ? numerator / denominator : null;
    case 'score':
      // directly reported scores have no denominator; rolled-up scores are sum / count
      return series.reporting ? (denominator > 0 ? numerator / denominator : null) : numerator;
    case 'category':
      return series.reporting ? modalCategory(series, i) : numerator;
    default:
      return numerator;
  }
}

/** The most frequent category among the children (the lowest index on a tie). */
function modalCategory(series: LevelSeries, i: number): number | null {
  if (!series.categories) return null;
  let best = -1;
  let bestCount = 0;
  for (let c = 0; c < CATEGORY_COUNT; c++) {
    const count = series.categories[i * CATEGORY_COUNT + c] ?? 0;
    if (count > bestCount) {
      best = c;
      bestCount = count;
    }
  }
  return best < 0 ? null : best;
}
