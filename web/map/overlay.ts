import type { CirclePoint } from './budget-circles.ts';

/**
 * What is drawn over the choropleth by deck.gl (deck-overlay.ts, loaded only once something here is
 * switched on, so that deck.gl stays out of the first download). Null means "switched off".
 */
export interface MapOverlay {
  /** Region names at their label points; placed without overlaps as the camera moves. */
  readonly labels: readonly MapLabel[] | null;
  /** Proportional budget circles, largest first. */
  readonly circles: readonly CirclePoint[] | null;
}

export interface MapLabel {
  readonly kode: string;
  readonly text: string;
  readonly position: readonly [number, number];
  /** Larger first when names collide: the region's area. */
  readonly priority: number;
}

export const NO_OVERLAY: MapOverlay = { labels: null, circles: null };

/** Whether anything needs deck.gl: until then it is not even downloaded. */
export function overlayWanted(overlay: MapOverlay): boolean {
  return overlay.labels !== null || overlay.circles !== null;
}
