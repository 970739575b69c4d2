/**
 * Proportional circles for budget, drawn over the choropleth (deck-overlay.ts): the choropleth is the
 * outcome, the circle the money, so one look reads both. A circle's AREA is proportional to the
 * amount (people compare areas, and a radius proportional to the amount would make a twice-as-large
 * budget look four times as large). The largest region shown gets MAX_RADIUS; the size legend draws
 * three rounded reference amounts with the same scale.
 */

/** The budget indicator drawn as circles: APBD tagged for stunting, per provinsi and kab/kota. */
export const BUDGET_INDICATOR = 'anggaran_apbd';

/** Radius in CSS pixels of the largest circle: big enough to read, small enough not to hide the map. */
export const MAX_RADIUS = 26;

/** The radius of `value` on a scale where `max` gets `maxRadius`; zero for nothing, negatives and no scale. */
export function circleRadius(value: number, max: number, maxRadius = MAX_RADIUS): number {
  if (!(value > 0) || !(max > 0) || !Number.isFinite(value) || !Number.isFinite(max)) return 0;
  return maxRadius * Math.sqrt(value / max);
}

/** The largest of 1, 2 and 5 times a power of ten that is not above `x` (0 for nothing to show). */
export function niceFloor(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 0;
  const power = 10 ** Math.floor(Math.log10(x));
  const step = [5, 2, 1].find((m) => m * power <= x * (1 + 1e-9)) ?? 1;
  return step * power;
}

/**
 * Three amounts for the size legend, largest first: a round amount near the largest value, then
 * roughly a quarter and a twentieth of it, also round, so that the circles are clearly different
 * sizes. Fewer when the values are too close to zero for three distinct round amounts.
 */
export function referenceValues(max: number): number[] {
  const top = niceFloor(max);
  if (top === 0) return [];
  return [...new Set([top, niceFloor(top / 4), niceFloor(top / 20)])].filter((v) => v > 0);
}

export interface CirclePoint {
  readonly kode: string;
  readonly position: readonly [number, number];
  readonly value: number;
  readonly radius: number;
}

/**
 * Circles for the regions that have both a point and a positive value, largest first so that small
 * circles are drawn on top of large ones and stay visible.
 */
export function budgetCircles(
  points: readonly { kode: string; label: readonly [number, number] | null }[],
  values: ReadonlyMap<string, number>,
  maxRadius = MAX_RADIUS,
): { circles: CirclePoint[]; max: number } {
  const max = Math.max(0, ...points.map((p) => values.get(p.kode) ?? 0).filter(Number.isFinite));
  const circles = points
    .flatMap((p) => {
      const value = values.get(p.kode);
      if (p.label === null || value === undefined || !(value > 0)) return [];
      return [{ kode: p.kode, position: p.label, value, radius: circleRadius(value, max, maxRadius) }];
    })
    .sort((a, b) => b.value - a.value);
  return { circles, max };
}
