import { childLevelOf, levelBelow, type Camera, type Level, type View } from '../state/view.ts';

/**
 * Which level the map paints follows the zoom: zooming in far enough paints the next level down
 * (the children of the region under the map centre), zooming out far enough goes back up.
 *
 * The thresholds follow the tile archives (docs/ARCHITECTURE.md: provinsi z0-7, kabkota z3-10,
 * kecamatan z3-11, desa z8-11): a level is entered where the level above runs out of tiles of its
 * own, and left where it would soon run out of tiles (or of room on the screen). Entering and
 * leaving are 1.5 zoom levels apart, and a threshold only counts in the direction the user zoomed:
 * a region fitted by a click at a zoom between the two never flips level by itself, and a small
 * zoom back and forth never toggles between two levels.
 */
export const LEVEL_ZOOMS: Record<Level, { enter: number; leave: number } | null> = {
  // The top level is always there to go back to.
  provinsi: null,
  // Provinces have tiles to z7; a province fills a desktop map at about 6-7.
  kabkota: { enter: 7, leave: 5.5 },
  // Kab/kota tiles end at z10; a kabupaten fills the map at about 8-10.
  kecamatan: { enter: 9, leave: 7.5 },
  // Kecamatan tiles end at z11; desa tiles start at z8, so a desa view can still zoom out past 9.5 to leave.
  desa: { enter: 11, leave: 9.5 },
};

export type ZoomDirection = 'in' | 'out';

/** The way zooming moves the level: 'down' to the next level, 'up' to the one above, or null. */
export function levelStep(level: Level, zoom: number, direction: ZoomDirection): 'down' | 'up' | null {
  if (direction === 'in') {
    const below = levelBelow(level);
    const enter = below === null ? null : LEVEL_ZOOMS[below];
    return enter !== null && zoom >= enter.enter ? 'down' : null;
  }
  const here = LEVEL_ZOOMS[level];
  return here !== null && zoom < here.leave ? 'up' : null;
}

/** The direction of a zoom gesture from its start to its end zoom; null when the zoom did not change. */
export function zoomDirection(from: number, to: number): ZoomDirection | null {
  // Panning reports float noise in the zoom; a real zoom step is far larger.
  if (Math.abs(to - from) < 1e-3) return null;
  return to > from ? 'in' : 'out';
}

/**
 * The view after zooming moved the level: `region`'s children, seen from where the camera is now.
 * The camera is kept (the map must not jump to fit the new region: the user is zooming), and the
 * selection, which belonged to the old level, is dropped. Null for a region without children.
 */
export function viewAfterZoom(view: View, region: string, camera: Camera): View | null {
  const level = childLevelOf(region);
  if (level === null) return null;
  return { ...view, level, region, camera, selected: null };
}
