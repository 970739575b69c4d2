import { makeClassification, type Classification } from './classes.ts';

/**
 * Budget against outcome as one bivariate choropleth: the tagged APBD budget per target child in
 * terciles (of the regions shown that have both figures) across, stunting prevalence in the WHO
 * public-health classes collapsed to three down (< 20 low/medium, 20 – < 30 high, ≥ 30 very high;
 * fixed, so one view compares with another). Each region gets one of 3 x 3 cells, painted with
 * Joshua Stevens' purple-blue matrix (readable with the common colour blindnesses: the two axes
 * differ in hue and both darken towards "high"). Pure: the panel, the legend, the scatterplot and
 * the map all read the same result.
 */

/** Cells, row by row from low prevalence up; within a row, budget from low to high. */
export const BIVARIATE_COLORS = [
  '#e8e8e8', '#ace4e4', '#5ac8c8',
  '#dfb0d6', '#a5add3', '#5698b9',
  '#be64ac', '#8c62aa', '#3b4994',
] as const;

/** WHO/UNICEF 2019 thresholds (20, 30) for stunting prevalence, % (see classes.ts). */
export const PREVALENCE_BREAKS: readonly [number, number] = [20, 30];

export interface Bivariate {
  /** Upper bounds (inclusive) of the low and middle budget terciles, or null with no region having both figures. */
  readonly budgetBreaks: readonly [number, number] | null;
  readonly prevalenceBreaks: readonly [number, number];
  /** Cell of each region that has both figures: prevalence class * 3 + budget class. */
  readonly cells: ReadonlyMap<string, number>;
  /** Regions per cell, in the order of BIVARIATE_COLORS. */
  readonly counts: readonly number[];
  /** Regions with a budget but no prevalence, and the other way round. */
  readonly budgetOnly: number;
  readonly prevalenceOnly: number;
}

const finite = (v: number | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Tercile breaks: the values at the ends of the first and second thirds of the sorted values, as
 * upper bounds (a value equal to a break falls in the class below). Equal values always share a
 * class, so with many ties a class can be empty rather than split a tie.
 */
export function tercileBreaks(values: readonly number[]): [number, number] | null {
  const sorted = values.filter(finite).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return null;
  return [sorted[Math.ceil(n / 3) - 1] as number, sorted[Math.max(0, Math.ceil((2 * n) / 3) - 1)] as number];
}

/** Class 0, 1 or 2 of a value against two upper bounds. */
export function classOf(value: number, breaks: readonly [number, number], upperInclusive = true): number {
  const [a, b] = breaks;
  if (upperInclusive) return value <= a ? 0 : value <= b ? 1 : 2;
  return value < a ? 0 : value < b ? 1 : 2;
}

export function bivariate(budget: ReadonlyMap<string, number>, prevalence: ReadonlyMap<string, number>): Bivariate {
  const both = [...budget].filter(([kode, v]) => finite(v) && finite(prevalence.get(kode)));
  const budgetBreaks = tercileBreaks(both.map(([, v]) => v));
  const cells = new Map<string, number>();
  const counts = BIVARIATE_COLORS.map(() => 0);
  if (budgetBreaks) {
    for (const [kode, money] of both) {
      // Prevalence classes are WHO's: "< 20", "20 – < 30", "≥ 30" (lower bounds inclusive).
      const cell = classOf(prevalence.get(kode) as number, PREVALENCE_BREAKS, false) * 3 + classOf(money, budgetBreaks);
      cells.set(kode, cell);
      counts[cell] = (counts[cell] ?? 0) + 1;
    }
  }
  const budgetOnly = [...budget].filter(([kode, v]) => finite(v) && !finite(prevalence.get(kode))).length;
  const prevalenceOnly = [...prevalence].filter(([kode, v]) => finite(v) && !finite(budget.get(kode))).length;
  return { budgetBreaks, prevalenceBreaks: PREVALENCE_BREAKS, cells, counts, budgetOnly, prevalenceOnly };
}

/** The nine cells as a classification of the values 0..8, for the map's ordinary choropleth. */
export function bivariateClassification(labels: readonly string[]): Classification {
  return makeClassification([0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5], BIVARIATE_COLORS, labels);
}

/** The cell's budget class (0 low .. 2 high) and prevalence class (0 < 20% .. 2 ≥ 30%). */
export function cellClasses(cell: number): { budget: number; prevalence: number } {
  return { budget: cell % 3, prevalence: Math.floor(cell / 3) };
}
