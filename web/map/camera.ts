import type * as maplibregl from 'maplibre-gl';
import { cameraToParam, levelOfCode, parentOf, NATIONAL, type Camera, type Level } from '../state/view.ts';
import { levelStep, zoomDirection, type ZoomDirection } from './level-zoom.ts';
import { containsPoint } from './point-in-region.ts';
import { TILE_ZOOMS } from './style.ts';

/**
 * The camera half of the map adapter (create-map.ts owns the map and calls this): where the map
 * looks, and the level that follows the zoom.
 *
 * - A view with a camera (the URL's `map=zoom/lat/lng`) is shown exactly there; a view without one
 *   fits its region's bounds. Every move that ends is reported (`onCamera`), so that the URL
 *   always holds the exact position for a reload, a shared link or the back button.
 * - After the user zooms (wheel, pinch, buttons, keys; never after the map moved itself), once the
 *   map is idle, the level may move one step (level-zoom.ts): down into the region under the centre,
 *   or up to the parent of the region under the centre. Several steps happen one after the other,
 *   each once the new level is drawn, because finding the next region needs that level's tiles.
 */

export interface CameraInput {
  readonly level: Level;
  /** The region whose children are painted; null for the provinces of Indonesia. */
  readonly parent: string | null;
  readonly bounds: readonly [number, number, number, number] | null;
  readonly camera: Camera | null;
  readonly lockLevel: boolean;
}

export interface CameraOptions {
  /** Lowest zoom of the map, whatever the level. */
  readonly minZoom: number;
  /** Room around a fitted area, in CSS pixels. */
  padding(): number;
  /** The camera after a move ended; the view should keep it (without a history entry). */
  onCamera(camera: Camera): void;
  /** Zooming moved the level: show `region`'s children, from `camera`. */
  onLevelZoom(region: string, camera: Camera): void;
}

export interface CameraControl {
  apply(state: CameraInput): void;
  dispose(): void;
}

/** Two cameras are the same when they write the same URL (zoom to 0.01, position to about a metre). */
export function sameCamera(a: Camera | null, b: Camera | null): boolean {
  if (a === null || b === null) return a === b;
  return cameraToParam(a) === cameraToParam(b);
}

export function followCamera(map: maplibregl.Map, options: CameraOptions): CameraControl {
  let latest: CameraInput | null = null;
  let level: Level | null = null;
  let fittedKey: string | null = null;
  let hadCamera = false;
  // False while a view waits for its region's bounds: a move ending then belongs to the old view.
  let positioned = false;
  let gestureStart: number | null = null;
  let pending: ZoomDirection | null = null;
  // After asking for a level move, until the new view arrives.
  let awaiting = false;

  const cameraOf = (): Camera => {
    const { lng, lat } = map.getCenter();
    return { lng, lat, zoom: map.getZoom() };
  };

  /** The code of the `at` level region under the map centre, from the drawn polygons, else the loaded tiles. */
  const regionAtCentre = (at: Level): string | null => {
    const { clientWidth, clientHeight } = map.getContainer();
    const drawn = map
      .queryRenderedFeatures([clientWidth / 2, clientHeight / 2])
      .find((f) => f.sourceLayer === at && f.layer.type === 'fill' && typeof f.properties['kode'] === 'string');
    if (drawn) return String(drawn.properties['kode']);
    // Outside the region shown, the level's polygons are not drawn, but its tiles are loaded.
    const { lng, lat } = map.getCenter();
    const loaded = map
      .querySourceFeatures(at, { sourceLayer: at })
      .find((f) => typeof f.properties['kode'] === 'string' && containsPoint(f.geometry, [lng, lat]));
    return loaded ? String(loaded.properties['kode']) : null;
  };

  const reportCamera = () => {
    if (!positioned || map.isMoving() || latest === null) return;
    const camera = cameraOf();
    if (!sameCamera(camera, latest.camera)) options.onCamera(camera);
  };

  const checkLevel = () => {
    if (pending === null || latest === null || awaiting) return;
    const state = latest;
    const step = state.lockLevel ? null : levelStep(state.level, map.getZoom(), pending);
    let region: string | null = null;
    if (step === 'down') {
      region = regionAtCentre(state.level);
    } else if (step === 'up' && state.parent !== null) {
      const parentLevel = levelOfCode(state.parent);
      const under = parentLevel === null || parentLevel === 'provinsi' ? null : regionAtCentre(parentLevel);
      region = parentOf(under ?? state.parent);
    }
    const current = state.parent ?? NATIONAL;
    if (region === null || region === current) {
      pending = null;
      reportCamera();
      return;
    }
    awaiting = true;
    options.onLevelZoom(region, cameraOf());
  };

  // A region the map fitted by itself is fitted again when the map changes size (an embed's iframe
  // follows the page around it: a phone turned, a column reflowed), unless someone has moved the map
  // since. A view with a camera keeps it, as maps do.
  let movedByPerson = false;
  const onGesture = (e: { originalEvent?: unknown }) => {
    if (e.originalEvent) movedByPerson = true;
  };
  const fitRegion = ([w, s, e, n]: readonly [number, number, number, number], duration: number) => {
    movedByPerson = false;
    map.fitBounds([w, s, e, n], { padding: options.padding(), duration });
  };
  const onResize = () => {
    if (latest === null || latest.camera !== null || latest.bounds === null || movedByPerson) return;
    fitRegion(latest.bounds, 0);
  };

  const onZoomStart = (e: { originalEvent?: unknown }) => {
    onGesture(e);
    // Only people zooming move the level; fitting a region or going back in history does not.
    if (!e.originalEvent || gestureStart !== null) return;
    gestureStart = map.getZoom();
    awaiting = false;
  };

  const onMoveEnd = () => {
    const direction = gestureStart === null ? null : zoomDirection(gestureStart, map.getZoom());
    gestureStart = null;
    if (direction !== null) {
      // A zoom is reported by checkLevel, once it is known whether it moved the level: when it did,
      // the view before keeps the camera it had, so that the back button returns to it as it was.
      pending = direction;
      return;
    }
    // Reported after the event: when a new fit interrupts an animation, the old one "ends" inside
    // the call that starts the new one, and that position belongs to no view.
    setTimeout(reportCamera, 0);
  };

  map.on('zoomstart', onZoomStart);
  map.on('dragstart', onGesture);
  map.on('moveend', onMoveEnd);
  map.on('idle', checkLevel);
  map.on('resize', onResize);

  return {
    apply(state) {
      const first = latest === null;
      latest = state;
      awaiting = false;
      if (state.level !== level) {
        level = state.level;
        // Never further out than the level's tiles start: a large kecamatan in Papua would otherwise
        // show its desa at a zoom where there are no desa tiles, and the map would be empty.
        map.setMinZoom(Math.max(options.minZoom, TILE_ZOOMS[state.level].minzoom));
      }
      const boundsKey = JSON.stringify(state.bounds);
      if (state.camera !== null) {
        if (!sameCamera(state.camera, cameraOf())) {
          map.jumpTo({ center: [state.camera.lng, state.camera.lat], zoom: state.camera.zoom });
        }
        positioned = true;
      } else if (state.bounds !== null) {
        // A view without a camera is a region just chosen: fit it, even when it is the region shown
        // (chosen again from the search box after panning away).
        if (fittedKey !== boundsKey || hadCamera) {
          pending = null;
          fitRegion(state.bounds, first ? 0 : 700);
        }
        positioned = true;
      } else {
        positioned = false;
      }
      if (state.camera === null && state.bounds !== null) fittedKey = boundsKey;
      hadCamera = state.camera !== null;
    },
    dispose() {
      map.off('zoomstart', onZoomStart);
      map.off('dragstart', onGesture);
      map.off('moveend', onMoveEnd);
      map.off('idle', checkLevel);
      map.off('resize', onResize);
    },
  };
}
