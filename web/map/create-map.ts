// MapLibre 5 (still maintained), not 6: its one file carries the worker inlined and weighs 276 KB
// gzip, where 6 ships the same code twice, as a main file and a worker file, 414 KB together. That
// difference is the page's budget of 400 KB for people on slow connections (BENCHMARKS.md "The web
// map"). The worker starts from a blob: URL, which the Content-Security-Policy allows (worker-src).
import maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { t } from '../i18n/i18n.ts';
import { LEVELS, levelOfCode, type Camera, type Level } from '../state/view.ts';
import { followCamera } from './camera.ts';
import type { Classification } from './classes.ts';
import type { DeckOverlay } from './deck-overlay.ts';
import { overlayWanted, type MapOverlay } from './overlay.ts';
import { hatchPattern } from './hatch.ts';
import { buildStyle, hoverSource, INDONESIA_BOUNDS, LAYER, NO_DATA_PATTERN, PALETTE, regionFill } from './style.ts';
import { installTestHook } from './test-hook.ts';

/** Everything the map shows; `update` is given the whole of it each time. */
export interface MapState {
  readonly level: Level;
  /** The region whose children are painted; null for the provinces of Indonesia. */
  readonly parent: string | null;
  /** Values by region code, or null while they are loading. */
  readonly values: ReadonlyMap<string, number> | null;
  readonly classification: Classification;
  /** The area to show; null keeps the current camera. */
  readonly bounds: readonly [number, number, number, number] | null;
  /** Where to look; when null the map fits `bounds` (camera.ts). */
  readonly camera: Camera | null;
  /** When true, zooming does not move the level. */
  readonly lockLevel: boolean;
  /** A region to outline (any level), or null. */
  readonly selected: string | null;
  /** deck.gl layers over the choropleth (overlay.ts). */
  readonly overlay: MapOverlay;
  /** A class pointed at in the legend: its regions keep their colour, the others fade (style.ts). */
  readonly highlightClass?: number | null;
  /** A region of `level` outlined as if hovered, while it is pointed at elsewhere (a scatterplot, a table row). */
  readonly hoverRegion?: string | null;
}

export interface RegionHit {
  readonly kode: string;
  readonly nama: string;
  readonly level: Level;
  /** Pointer position in CSS pixels, relative to the map container. */
  readonly x: number;
  readonly y: number;
  /** Size of the map container, so that a tooltip can stay inside it. */
  readonly width: number;
  readonly height: number;
}

export interface MapOptions {
  onHover(hit: RegionHit | null): void;
  onSelect(hit: RegionHit): void;
  /** A move of the map ended here (camera.ts). */
  onCamera(camera: Camera): void;
  /** Zooming moved the level: show the children of `region`, from `camera` (camera.ts). */
  onLevelZoom(region: string, camera: Camera): void;
  /** False for a still map (a static embed): no panning, zooming or zoom buttons. Default true. */
  interactive?: boolean;
}

/** The map drawn at a chosen pixel ratio, copied to a 2D canvas, with where it looks (web/export/png.ts). */
export interface MapSnapshot {
  readonly canvas: HTMLCanvasElement;
  /** The map's size in CSS pixels. */
  readonly width: number;
  readonly height: number;
  /** Pixels of `canvas` per CSS pixel (less than asked when the canvas would exceed the GPU's limit). */
  readonly pixelRatio: number;
  readonly zoom: number;
  readonly center: { readonly lng: number; readonly lat: number };
}

export interface MapHandle {
  update(state: MapState): void;
  /** Draws the map at `pixelRatio` once its tiles are loaded and hands back a copy (for image exports). */
  snapshot(pixelRatio: number): Promise<MapSnapshot>;
  /**
   * The map as drawn now, as a PNG data URL, at once: for a print started with Ctrl+P, where there
   * is no time to wait for tiles (the "beforeprint" event gives one task).
   */
  imageNow(): string;
  dispose(): void;
}

const MIN_ZOOM = 2;

/** Room around a fitted area: 40 px on a desktop, less on a phone, where every pixel of map counts. */
const fitPadding = (el: HTMLElement) => Math.max(8, Math.min(40, Math.round(el.clientWidth * 0.04)));

/**
 * The only place that talks to MapLibre (with the two helpers it hands the map to: camera.ts for
 * where the map looks and the level that follows the zoom, deck-overlay.ts for deck.gl layers). The container's `data-map-state` attribute is "idle" once
 * the latest state is drawn with its values and every tile is loaded, "loading" before that; tests wait on it.
 */
export function createMap(container: HTMLElement, options: MapOptions): MapHandle {
  const map = new maplibregl.Map({
    container,
    style: { version: 8, sources: {}, layers: [] },
    bounds: INDONESIA_BOUNDS,
    fitBoundsOptions: { padding: fitPadding(container) },
    renderWorldCopies: false,
    interactive: options.interactive ?? true,
    // Image exports draw at 4x (web/export/png.ts); MapLibre's default cap is 4096 px.
    maxCanvasSize: [8192, 8192],
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    // Desa tiles stop at z12; MapLibre over-zooms them, so that a small kecamatan of a city still fills the map.
    maxZoom: 14,
    minZoom: MIN_ZOOM,
    // The boundary credit is in the side panel (ui/app.tsx), where it does not cover the map on phones.
    attributionControl: false,
    // MapLibre's own labels for screen readers and buttons, in the page's language when the map is
    // made (a page opened with lang=en). Switching language later keeps them until a reload: MapLibre
    // reads `locale` only here, and remaking the map for four labels would reload every tile.
    // The canvas is the page's map region ("Peta" / "Map").
    locale: {
      'Map.Title': t('map.title'),
      'NavigationControl.ZoomIn': t('map.zoomIn'),
      'NavigationControl.ZoomOut': t('map.zoomOut'),
      'NavigationControl.ResetBearing': t('map.resetBearing'),
    },
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  if (options.interactive ?? true) map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');

  let loaded = false;
  let latest: MapState | null = null;
  let applied: {
    styleKey: string;
    values: MapState['values'];
    classesKey: string;
    selected: string | null;
    highlightClass: number | null;
    hoverOutline: boolean;
  } | null = null;
  // Hover outlines are drawn only while the pointer is over the map (style.ts `hoverOutline`).
  let pointerInside = false;
  /** The colour set on each region of the level shown, as feature-state (see `apply`). */
  let fills = new Map<string, string>();
  let hovered: { source: Level; id: string } | null = null;
  let pointedAt: { source: Level; id: string } | null = null;

  const setReadiness = (state: 'loading' | 'idle') => container.setAttribute('data-map-state', state);
  setReadiness('loading');

  const setHover = (region: { source: Level; id: string }, hover: boolean) =>
    map.setFeatureState({ source: hoverSource(region.source), sourceLayer: region.source, id: region.id }, { hover });
  const clearHover = () => {
    if (hovered) setHover(hovered, false);
    hovered = null;
  };

  // The hatch is made here rather than fetched: there is no sprite server. It must exist before the
  // first tile is drawn, or MapLibre leaves those tiles without a pattern.
  const ensurePattern = () => {
    if (map.hasImage(NO_DATA_PATTERN)) return;
    const image = hatchPattern({
      size: 12,
      stripeWidth: 3,
      stripe: PALETTE.noDataStripe,
      background: PALETTE.noDataBackground,
    });
    map.addImage(NO_DATA_PATTERN, image, { pixelRatio: 2 });
  };

  const camera = followCamera(map, {
    minZoom: MIN_ZOOM,
    padding: () => fitPadding(container),
    onCamera: (c) => options.onCamera(c),
    onLevelZoom: (region, c) => options.onLevelZoom(region, c),
  });

  // deck.gl is downloaded the first time a layer needs it, not with the page (overlay.ts).
  let deck: DeckOverlay | null = null;
  let deckRequested = false;
  let disposed = false;
  const applyOverlay = (overlay: MapOverlay) => {
    if (deck) return deck.update(overlay);
    if (!overlayWanted(overlay) || deckRequested) return;
    deckRequested = true;
    import('./deck-overlay.ts').then(
      ({ createDeckOverlay }) => {
        if (disposed) return;
        deck = createDeckOverlay(map);
        if (latest) deck.update(latest.overlay);
      },
      (error: unknown) => {
        // A failed download (a dropped connection) is tried again with the next state.
        deckRequested = false;
        console.error('peta: lapisan deck.gl gagal dimuat:', error);
      },
    );
  };

  const apply = (state: MapState) => {
    const styleKey = JSON.stringify([state.level, state.parent]);
    const highlightClass = state.highlightClass ?? null;
    const hoverOutline = pointerInside || (state.hoverRegion ?? null) !== null;
    // The style holds only what is drawn, never the data: a new period, indicator or classification
    // leaves it alone (style.ts FILL_COLOR). A highlight changes one constant opacity, which setStyle's
    // diff applies by itself.
    const styleChanged =
      applied?.styleKey !== styleKey ||
      applied.selected !== state.selected ||
      applied.highlightClass !== highlightClass ||
      applied.hoverOutline !== hoverOutline;
    if (styleChanged) {
      clearHover();
      ensurePattern();
      map.setStyle(
        buildStyle({
          origin: window.location.origin,
          level: state.level,
          parent: state.parent,
          selected: state.selected,
          highlightClass,
          hoverOutline,
        }),
        { diff: true },
      );
    }
    // While new values load for the same regions (another year), the old colours stay up rather
    // than flashing to "no data"; `data-map-state` stays "loading" until the new ones are drawn.
    const keepOldColours = state.values === null && applied?.styleKey === styleKey;
    const classesKey = JSON.stringify(state.classification);
    const coloursChanged =
      applied?.values !== state.values ||
      applied?.styleKey !== styleKey ||
      applied.classesKey !== classesKey ||
      applied.highlightClass !== highlightClass;
    const recoloured = !keepOldColours && coloursChanged;
    if (recoloured) {
      const level = state.level;
      if (applied?.styleKey !== styleKey) {
        // Other regions: start from no colours. The hover outline's state is in its own source
        // (style.ts hoverSource) and stays.
        for (const source of LEVELS) map.removeFeatureState({ source, sourceLayer: source });
        fills.clear();
      }
      // The data join: each region carries its colour as feature-state, as a bare MapLibre page
      // would; no tile is laid out again. Only regions whose colour changed are touched, since MapLibre
      // rewrites the paint of every region it is given: after a period change many keep their class.
      const next = new Map<string, string>();
      for (const [kode, value] of state.values ?? []) next.set(kode, regionFill(value, state.classification, highlightClass));
      for (const kode of fills.keys()) {
        if (!next.has(kode)) map.setFeatureState({ source: level, sourceLayer: level, id: kode }, { fill: null });
      }
      for (const [kode, fill] of next) {
        if (fills.get(kode) !== fill) map.setFeatureState({ source: level, sourceLayer: level, id: kode }, { fill });
      }
      fills = next;
    }
    // The transient highlight of a region pointed at outside the map; feature-state, like the mouse's own.
    const wanted = state.hoverRegion ? { source: state.level, id: state.hoverRegion } : null;
    if (pointedAt && (pointedAt.id !== wanted?.id || pointedAt.source !== wanted.source)) {
      setHover(pointedAt, false);
    }
    if (wanted) setHover(wanted, true);
    pointedAt = wanted;
    camera.apply(state);
    applyOverlay(state.overlay);
    applied = { styleKey, values: state.values, classesKey, selected: state.selected, highlightClass, hoverOutline };
    // Every frame costs: software WebGL on an office PC takes a good part of the 200 ms a repaint may
    // take. While values load nothing new is drawn (the old colours stay), so no frame is asked for;
    // the frame that shows the new colours also ends the "loading" state (the map's idle event).
    const wasLoading = container.getAttribute('data-map-state') === 'loading';
    if (state.values === null) setReadiness('loading');
    else if (styleChanged || recoloured || wasLoading) {
      setReadiness('loading');
      map.triggerRepaint();
    }
  };

  map.on('load', () => {
    loaded = true;
    if (latest) apply(latest);
  });

  // If a style change ever replaces the style outright (MapLibre falls back to that when it cannot
  // diff), the image is gone: add it again when asked for.
  map.on('styleimagemissing', (e) => {
    if (e.id === NO_DATA_PATTERN) ensurePattern();
  });

  map.on('idle', () => {
    if (loaded && latest !== null && latest.values !== null && map.areTilesLoaded()) setReadiness('idle');
  });
  map.on('movestart', () => setReadiness('loading'));
  map.on('error', (e) => console.error('peta:', e.error?.message ?? e));

  const hitAt = (point: maplibregl.Point): RegionHit | null => {
    if (!latest) return null;
    const parentLevel = latest.parent === null ? null : levelOfCode(latest.parent);
    const layers = [LAYER.noData(latest.level), ...(parentLevel ? [LAYER.contextFill(parentLevel)] : [])];
    const present = layers.filter((id) => map.getLayer(id) !== undefined);
    const [feature] = map.queryRenderedFeatures(point, { layers: present });
    if (!feature) return null;
    const kode = feature.properties['kode'];
    const nama = feature.properties['nama'];
    const level = LEVELS.find((l) => l === feature.sourceLayer);
    if (typeof kode !== 'string' || typeof nama !== 'string' || level === undefined) return null;
    // The selected region under its own children is not a hit of its own.
    if (kode === latest.parent) return null;
    return { kode, nama, level, x: point.x, y: point.y, width: container.clientWidth, height: container.clientHeight };
  };

  map.on('mousemove', (e) => {
    const hit = hitAt(e.point);
    if (hovered?.id !== hit?.kode || hovered?.source !== hit?.level) {
      clearHover();
      if (hit) {
        hovered = { source: hit.level, id: hit.kode };
        setHover(hovered, true);
      }
    }
    // Everything but a desa leads somewhere when clicked: into its children, or over to a neighbour.
    map.getCanvas().style.cursor = hit && hit.level !== 'desa' ? 'pointer' : '';
    options.onHover(hit);
  });
  const setPointerInside = (inside: boolean) => {
    pointerInside = inside;
    if (loaded && latest) apply(latest);
  };
  map.getCanvasContainer().addEventListener('pointerenter', () => setPointerInside(true));
  map.getCanvasContainer().addEventListener('pointerleave', () => setPointerInside(false));
  map.on('mouseout', () => {
    clearHover();
    map.getCanvas().style.cursor = '';
    options.onHover(null);
  });
  map.on('click', (e) => {
    const hit = hitAt(e.point);
    if (hit) options.onSelect(hit);
  });

  const removeTestHook = installTestHook(map);

  return {
    update(state) {
      latest = state;
      if (loaded) apply(state);
    },
    async snapshot(pixelRatio) {
      const previous = map.getPixelRatio();
      map.setPixelRatio(pixelRatio);
      try {
        // A WebGL canvas can only be read in the frame it was drawn in (no preserveDrawingBuffer): the
        // copy is made in the first frame drawn at the new ratio with every tile loaded.
        const canvas = await new Promise<HTMLCanvasElement>((resolve, reject) => {
          const timer = setTimeout(() => {
            map.off('render', onRender);
            reject(new Error('the map did not finish drawing within 30 s'));
          }, 30_000);
          const onRender = () => {
            if (!map.isStyleLoaded() || !map.areTilesLoaded()) return map.triggerRepaint();
            map.off('render', onRender);
            clearTimeout(timer);
            const source = map.getCanvas();
            const copy = document.createElement('canvas');
            copy.width = source.width;
            copy.height = source.height;
            const ctx = copy.getContext('2d');
            if (!ctx) return reject(new Error('no 2d canvas'));
            ctx.drawImage(source, 0, 0);
            resolve(copy);
          };
          map.on('render', onRender);
          map.triggerRepaint();
        });
        const width = container.clientWidth;
        const { lng, lat } = map.getCenter();
        return { canvas, width, height: container.clientHeight, pixelRatio: canvas.width / width, zoom: map.getZoom(), center: { lng, lat } };
      } finally {
        map.setPixelRatio(previous);
      }
    },
    imageNow() {
      // Drawn and read in the same task: the canvas keeps no picture between frames.
      map.redraw();
      return map.getCanvas().toDataURL('image/png');
    },
    dispose() {
      disposed = true;
      deck?.dispose();
      camera.dispose();
      removeTestHook();
      map.remove();
    },
  };
}
