import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type * as maplibregl from 'maplibre-gl';
import type { CirclePoint } from './budget-circles.ts';
import { NO_OVERLAY, type MapLabel, type MapOverlay } from './overlay.ts';
import { placeLabels } from './region-labels.ts';

/**
 * deck.gl over the map: budget circles and region names. This module is loaded with import() by the
 * map adapter (create-map.ts) the first time a layer needs it, so deck.gl (~200 KB gzipped) is not
 * part of the first download. It draws in its own canvas above the map (MapLibreOverlay, not
 * interleaved: style changes then cannot drop its layers), follows the map's camera, and never takes
 * pointer events, so hover and clicks stay with the map.
 *
 * Names are drawn with a font atlas that deck.gl renders from the browser's own fonts: no glyph
 * server, nothing fetched.
 */

const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif";
const FONT_WEIGHT = 600;
const FONT_SIZE = 12;
const INK: [number, number, number, number] = [34, 33, 31, 255];
const HALO: [number, number, number, number] = [255, 255, 255, 255];
/**
 * The halo is the name drawn in white, shifted a little in eight directions, under the dark name.
 * deck.gl's own outline needs its SDF atlas, which in 9.4 spaces some letters unevenly
 * ("Rai jua"); the plain atlas keeps the browser's spacing.
 */
const HALO_OFFSETS: readonly [number, number][] = Array.from({ length: 8 }, (_, i) => {
  const angle = (i * Math.PI) / 4;
  return [Math.round(Math.cos(angle) * 1.6 * 10) / 10, Math.round(Math.sin(angle) * 1.6 * 10) / 10];
});
/** Circles: a white veil that lets the class colour show through, with a dark rim that reads on any class. */
const CIRCLE_FILL: [number, number, number, number] = [255, 255, 255, 115];
const CIRCLE_LINE: [number, number, number, number] = [34, 33, 31, 230];

export interface DeckOverlay {
  update(overlay: MapOverlay): void;
  dispose(): void;
}

/** For the browser tests (installed only under automation, like test-hook.ts): what deck.gl draws. */
export interface PetaDeckTestHook {
  /** Names drawn now, with their screen position (CSS pixels relative to the map). */
  labels(): { kode: string; text: string; x: number; y: number }[];
  /** Circles drawn now, with screen position and radius (CSS pixels). */
  circles(): { kode: string; value: number; x: number; y: number; radius: number }[];
}

declare global {
  interface Window {
    __petaDeckTestHook?: PetaDeckTestHook;
  }
}

export function createDeckOverlay(map: maplibregl.Map): DeckOverlay {
  const deck = new MapLibreOverlay({ interleaved: false, layers: [] });
  map.addControl(deck);

  let current: MapOverlay = NO_OVERLAY;
  let shownLabels: readonly MapLabel[] = [];

  // Text widths from the same font the atlas is drawn with, measured once per name.
  const measure = document.createElement('canvas').getContext('2d');
  const widths = new Map<string, number>();
  const widthOf = (text: string) => {
    let width = widths.get(text);
    if (width === undefined) {
      if (measure) measure.font = `${FONT_WEIGHT} ${FONT_SIZE}px ${FONT_FAMILY}`;
      width = measure ? measure.measureText(text).width : text.length * FONT_SIZE * 0.6;
      widths.set(text, width);
    }
    return width;
  };

  const project = (position: readonly [number, number]) => map.project([position[0], position[1]]);

  // With circles on, a name stands under its region's circle rather than across it.
  let below = new Map<string, number>();
  const shiftOf = (kode: string) => below.get(kode) ?? 0;

  const render = () => {
    const labels = current.labels ?? [];
    below = new Map((current.circles ?? []).map((c) => [c.kode, c.radius + FONT_SIZE / 2 + 2]));
    const container = map.getContainer();
    const kept = placeLabels(
      labels.map((label) => {
        const p = project(label.position);
        // The halo is part of the name's room.
        const room = { width: widthOf(label.text) + 4, height: FONT_SIZE + 4 };
        return { kode: label.kode, x: p.x, y: p.y + shiftOf(label.kode), ...room, priority: label.priority };
      }),
      container.clientWidth,
      container.clientHeight,
    );
    shownLabels = labels.filter((label) => kept.has(label.kode));
    const halo = shownLabels.flatMap((label) => HALO_OFFSETS.map((offset) => ({ label, offset })));
    const text = {
      getSize: FONT_SIZE,
      sizeUnits: 'pixels',
      fontFamily: FONT_FAMILY,
      fontWeight: FONT_WEIGHT,
      // Every character the names use, Indonesian names included, not only ASCII.
      characterSet: 'auto',
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
      visible: current.labels !== null,
      pickable: false,
    } as const;
    deck.setProps({
      layers: [
        new ScatterplotLayer<CirclePoint>({
          id: 'lingkaran-anggaran',
          data: current.circles ?? [],
          visible: current.circles !== null,
          getPosition: (d) => [d.position[0], d.position[1]],
          getRadius: (d) => d.radius,
          radiusUnits: 'pixels',
          stroked: true,
          filled: true,
          getFillColor: CIRCLE_FILL,
          getLineColor: CIRCLE_LINE,
          lineWidthUnits: 'pixels',
          getLineWidth: 1.5,
          pickable: false,
        }),
        new TextLayer<{ label: MapLabel; offset: readonly [number, number] }>({
          ...text,
          id: 'nama-wilayah-halo',
          data: halo,
          getPosition: (d) => [d.label.position[0], d.label.position[1]],
          getText: (d) => d.label.text,
          getPixelOffset: (d) => [d.offset[0], d.offset[1] + shiftOf(d.label.kode)],
          getColor: HALO,
        }),
        new TextLayer<MapLabel>({
          ...text,
          id: 'nama-wilayah',
          data: shownLabels,
          getPosition: (d) => [d.position[0], d.position[1]],
          getText: (d) => d.text,
          getPixelOffset: (d) => [0, shiftOf(d.kode)],
          getColor: INK,
        }),
      ],
    });
  };

  // Names are placed again as the camera moves: what overlaps at one zoom fits at the next.
  let frame = 0;
  const onMove = () => {
    if (current.labels === null || frame !== 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      render();
    });
  };
  map.on('move', onMove);
  map.on('resize', onMove);

  const removeTestHook = installDeckTestHook({
    labels: () =>
      shownLabels.map((label) => {
        const p = project(label.position);
        return { kode: label.kode, text: label.text, x: p.x, y: p.y + shiftOf(label.kode) };
      }),
    circles: () =>
      (current.circles ?? []).map((circle) => {
        const p = project(circle.position);
        return { kode: circle.kode, value: circle.value, x: p.x, y: p.y, radius: circle.radius };
      }),
  });

  return {
    update(overlay) {
      if (overlay === current) return;
      current = overlay;
      render();
    },
    dispose() {
      cancelAnimationFrame(frame);
      map.off('move', onMove);
      map.off('resize', onMove);
      removeTestHook();
      map.removeControl(deck);
    },
  };
}

function installDeckTestHook(hook: PetaDeckTestHook): () => void {
  if (!navigator.webdriver) return () => {};
  window.__petaDeckTestHook = hook;
  return () => {
    if (window.__petaDeckTestHook === hook) delete window.__petaDeckTestHook;
  };
}
