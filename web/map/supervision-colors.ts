/** The colours of the supervision views (web/state/use-supervision.ts), kept apart so tests can read them. */

/** Flag counts 0, 1, 2, 3+: ColorBrewer OrRd (sequential, colour-blind safe); 0 is nearly white. */
export const LAGGING_COLORS = ['#fef0d9', '#fdcc8a', '#fc8d59', '#d7301f'] as const;

/**
 * LISA clusters in the order of CLUSTERS: the GeoDa scheme (high-high red, low-low blue, high-low
 * light red, low-high light blue) in ColorBrewer RdBu's colour-blind-safe shades; not significant
 * grey; no neighbours a pale cream, distinct from the hatched "no data".
 */
export const CLUSTER_COLORS = ['#ca0020', '#0571b0', '#f4a582', '#92c5de', '#d9d9d9', '#fdf6e3'] as const;

