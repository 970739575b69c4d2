import type * as maplibregl from 'maplibre-gl';
import type { Level } from '../state/view.ts';
import { hoverSource } from './style.ts';

/**
 * A read-only window into the map for the browser tests (tests/browser/), installed only when the
 * page is driven by automation (`navigator.webdriver`), never for a person's browser.
 * It answers questions a test cannot answer from the DOM: where a place is on the screen, and
 * which features a layer has drawn. It cannot change anything.
 */
export interface PetaTestHook {
  /** Screen position (CSS pixels, relative to the map canvas) of a longitude/latitude. */
  project(lngLat: [number, number]): { x: number; y: number };
  /** Codes (`kode`) of the features a layer has drawn in the current view, sorted and unique. */
  renderedKodes(layerId: string): string[];
  /** Whether a region is outlined as hovered (by the mouse, or pointed at elsewhere: MapState.hoverRegion). */
  isHovered(level: string, kode: string): boolean;
}

declare global {
  interface Window {
    __petaTestHook?: PetaTestHook;
  }
}

export function installTestHook(map: maplibregl.Map): () => void {
  if (!navigator.webdriver) return () => {};
  const hook: PetaTestHook = {
    project: (lngLat) => {
      const p = map.project(lngLat);
      return { x: p.x, y: p.y };
    },
    renderedKodes: (layerId) => {
      if (!map.getLayer(layerId)) return [];
      const kodes = map
        .queryRenderedFeatures({ layers: [layerId] })
        .map((f) => f.properties['kode'])
        .filter((k): k is string => typeof k === 'string');
      return [...new Set(kodes)].sort();
    },
    isHovered: (level, kode) => map.getFeatureState({ source: hoverSource(level as Level), sourceLayer: level, id: kode })['hover'] === true,
  };
  window.__petaTestHook = hook;
  return () => {
    if (window.__petaTestHook === hook) delete window.__petaTestHook;
  };
}
