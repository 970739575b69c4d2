/**
 * Colour schemes, all from ColorBrewer (Cynthia Brewer, colorbrewer2.org; Apache 2.0), all marked
 * colour-blind safe there. Which one an indicator gets says what its colours mean:
 *
 * - `worse-high` (prevalence): YlOrRd, pale for low values, dark red for high ones;
 * - `worse-low` (coverage): RdPu reversed, dark magenta for LOW values, so regions that lag stand out;
 *   the palest step is left out, so good coverage is not mistaken for empty land;
 * - `neutral` (money, counts, scores): YlGnBu, pale for little and dark blue for much: a large
 *   budget is not by itself good or bad;
 * - diverging (target and change): blue on the good side, red on the bad side (RdBu), or purple and
 *   orange (PuOr) when neither side is better. The two palest RdBu steps are left out: the
 *   palest blue is the sea's colour, and the near-white centre looks like "tidak ada data".
 */

export type SequentialScheme = 'worse-high' | 'worse-low' | 'neutral';

/** The most classes any sequential palette here has. */
export const MAX_CLASSES = 9;

const hex = (packed: string): string[] => packed.match(/.{6}/g)?.map((c) => `#${c}`) ?? [];

/** ColorBrewer schemes by number of classes (3 to 9). */
const YL_OR_RD: Record<number, string> = {
  3: 'ffeda0feb24cf03b20',
  4: 'ffffb2fecc5cfd8d3ce31a1c',
  5: 'ffffb2fecc5cfd8d3cf03b20bd0026',
  6: 'ffffb2fed976feb24cfd8d3cf03b20bd0026',
  7: 'ffffb2fed976feb24cfd8d3cfc4e2ae31a1cb10026',
  8: 'ffffccffeda0fed976feb24cfd8d3cfc4e2ae31a1cb10026',
  9: 'ffffccffeda0fed976feb24cfd8d3cfc4e2ae31a1cbd0026800026',
};
const RD_PU: Record<number, string> = {
  3: 'fde0ddfa9fb5c51b8a',
  4: 'feebe2fbb4b9f768a1ae017e',
  5: 'feebe2fbb4b9f768a1c51b8a7a0177',
  6: 'feebe2fcc5c0fa9fb5f768a1c51b8a7a0177',
  7: 'feebe2fcc5c0fa9fb5f768a1dd3497ae017e7a0177',
  8: 'fff7f3fde0ddfcc5c0fa9fb5f768a1dd3497ae017e7a0177',
  9: 'fff7f3fde0ddfcc5c0fa9fb5f768a1dd3497ae017e7a017749006a',
};
const YL_GN_BU: Record<number, string> = {
  3: 'edf8b17fcdbb2c7fb8',
  4: 'ffffcca1dab441b6c4225ea8',
  5: 'ffffcca1dab441b6c42c7fb8253494',
  6: 'ffffccc7e9b47fcdbb41b6c42c7fb8253494',
  7: 'ffffccc7e9b47fcdbb41b6c41d91c0225ea80c2c84',
  8: 'ffffd9edf8b1c7e9b47fcdbb41b6c41d91c0225ea80c2c84',
  9: 'ffffd9edf8b1c7e9b47fcdbb41b6c41d91c0225ea8253494081d58',
};

function brewer(table: Record<number, string>, n: number): string[] {
  if (n >= 3) return hex(table[Math.min(n, MAX_CLASSES)] as string);
  const three = hex(table[3] as string);
  // One or two classes: the middle, or the ends, of the three-class scheme.
  return n === 1 ? [three[1] as string] : [three[0] as string, three[2] as string];
}

/** `n` colours (1 to 9), lowest values first. */
export function sequentialColors(scheme: SequentialScheme, n: number): string[] {
  if (!Number.isInteger(n) || n < 1 || n > MAX_CLASSES) {
    throw new Error(`a sequential palette has 1 to ${MAX_CLASSES} classes, not ${n}`);
  }
  switch (scheme) {
    case 'worse-high':
      return brewer(YL_OR_RD, n);
    case 'worse-low': {
      // The n darkest steps of the (n + 1)-class scheme, darkest first (low values are the bad ones).
      if (n === 1) return ['#c51b8a'];
      const wider = n < MAX_CLASSES ? brewer(RD_PU, n + 1).slice(1) : brewer(RD_PU, n);
      return wider.reverse();
    }
    case 'neutral':
      // The existing 1- and 2-class choices of the quantile legend: mid blue, and green-to-blue.
      if (n === 1) return ['#41b6c4'];
      if (n === 2) return ['#a1dab4', '#2c7fb8'];
      return brewer(YL_GN_BU, n);
  }
}

/** Classes on each side of a diverging scale's centre, nearest the centre first (RdBu, PuOr). */
export const DIVERGING = {
  good: ['#92c5de', '#4393c3', '#2166ac'],
  bad: ['#f4a582', '#d6604d', '#b2182b'],
  /** PuOr, for indicators where neither way is better: purple above the centre, orange below. */
  up: ['#b2abd2', '#8073ac', '#542788'],
  down: ['#fdb863', '#e08214', '#b35806'],
} as const;

/** The most classes on each side of a diverging scale's centre. */
export const DIVERGING_SIDE = DIVERGING.good.length;

/**
 * The two classes of the "belum mencapai target" view: the wrong side of the target in the strongest
 * red of the diverging scale, the right side a muted blue-grey, lighter and greyer than any class
 * colour but darker than the sea and unlike the grey hatch of "tidak ada data".
 */
export const BELOW_TARGET = { bad: '#b2182b', muted: '#b7c4cf' } as const;
