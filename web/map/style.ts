import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import { LEVELS, levelOfCode, type Level } from '../state/view.ts';
import { classIndex, fadedColor, type Classification } from './classes.ts';

/**
 * The whole map style as a pure function of what is shown. Only our own data is drawn: a sea-coloured
 * background, the region polygons and their outlines; no basemap, glyphs or sprites, so nothing is
 * fetched from the internet. Values are joined in the client through feature-state `value`
 * (see create-map.ts), so the style does not change when the data does.
 */

/** Indonesia, for the sources' bounds (no tiles are requested outside it) and the first view. */
export const INDONESIA_BOUNDS: [number, number, number, number] = [94.9, -11.1, 141.1, 6.1];

/** The name of the "tidak ada data" pattern image, added on demand by the map adapter. */
export const NO_DATA_PATTERN = 'tidak-ada-data';

export const PALETTE = {
  sea: '#dbe7ef',
  /** Land that is context only (other provinces while one province's kab/kota are shown). */
  contextLand: '#f3f1ec',
  contextLine: '#b9b5ad',
  /** Borders between painted regions: thin and white, so the colours stay in front. */
  regionLine: '#ffffff',
  selectedLine: '#5b5750',
  hoverLine: '#1d1d1b',
  /** The region chosen in the search box or on the map: dark blue on a white casing, unlike any class colour. */
  pickedLine: '#123f8c',
  pickedCasing: '#ffffff',
  /** The hatch of "tidak ada data": grey on light grey, unlike any class colour. */
  noDataBackground: '#ecebe8',
  noDataStripe: '#a8a49c',
} as const;

export const LAYER = {
  background: 'latar',
  /** Regions of the selected region's own level, pale, around the painted children. */
  contextFill: (level: Level) => `${level}-konteks`,
  contextLine: (level: Level) => `${level}-konteks-garis`,
  noData: (level: Level) => `${level}-tanpa-data`,
  fill: (level: Level) => `${level}-nilai`,
  line: (level: Level) => `${level}-garis`,
  /** Borders of a level between the region shown and the level painted (desa of a kabupaten: its kecamatan). */
  middleLine: (level: Level) => `${level}-garis-antara`,
  hover: (level: Level) => `${level}-sorot`,
  /** The outline of the region whose children are painted. */
  selectedLine: (level: Level) => `${level}-terpilih-garis`,
  /** The outline of the view's `selected` region (chosen in the search box, the map or the table). */
  pickedCasing: 'pilihan-alas',
  pickedLine: 'pilihan-garis',
} as const;

/**
 * Zoom ranges of the tile endpoints (docs/ARCHITECTURE.md). MapLibre over-zooms beyond maxzoom
 * rather than asking for tiles the server does not have (it answers 400 there); below minzoom a
 * level draws nothing, so the map adapter never shows a level further out than its minzoom.
 */
export const TILE_ZOOMS: Record<Level, { minzoom: number; maxzoom: number }> = {
  provinsi: { minzoom: 0, maxzoom: 7 },
  kabkota: { minzoom: 3, maxzoom: 10 },
  // Kecamatan from z3, so all 7,285 of them can be shown at once over the whole country (z3-4 on a
  // screen), and desa from z8, so all desa of the largest kabupaten fit; beyond 11 MapLibre over-zooms.
  kecamatan: { minzoom: 3, maxzoom: 11 },
  desa: { minzoom: 8, maxzoom: 11 },
};

export const ATTRIBUTION = 'Batas wilayah: cahyadsn/wilayah_boundaries (MIT), kode Kepmendagri 2025';

export interface StyleInput {
  /** Origin that serves /tiles, e.g. "http://127.0.0.1:8080" (tile URLs must be absolute for the worker). */
  readonly origin: string;
  readonly level: Level;
  /** The region whose children are painted (a code one level up); null for the provinces of Indonesia. */
  readonly parent: string | null;
  /** A region to outline, of any level (the view's `selected`); absent or null for none. */
  readonly selected?: string | null;
  /** A class the person points at in the legend: its regions keep their colour, the others fade. */
  readonly highlightClass?: number | null;
  /**
   * Whether hover outlines can be drawn: while the pointer is over the map, or a region is pointed at
   * elsewhere. Otherwise the outline layers are hidden, and MapLibre neither loads their tiles nor
   * draws their lines; with software WebGL, thousands of zero-wide lines cost 130-170 ms a frame.
   */
  readonly hoverOutline?: boolean;
}

/**
 * The colour of a region, set on it as the `fill` feature-state (create-map.ts): its class's colour,
 * or with `highlightClass` every other class faded towards white (not made transparent, which would
 * show the "tidak ada data" hatch underneath).
 */
export function regionFill(value: number, classification: Classification, highlightClass: number | null = null): string {
  const index = classIndex(value, classification.breaks);
  const colour = classification.colors[index] as string;
  return highlightClass === null || index === highlightClass ? colour : fadedColor(colour);
}

/**
 * The fill layer paints the colour each region carries as feature-state, transparent without one
 * (the hatch below shows). The expression never changes: a new year, indicator or classification
 * only sets feature-state, as the map's data join. Changing a paint expression that reads
 * feature-state would make MapLibre lay out every tile of the source again in its worker (hundreds of
 * milliseconds for one period change); setting feature-state repaints in one frame.
 */
export const FILL_COLOR: ExpressionSpecification = ['to-color', ['feature-state', 'fill'], 'rgba(0, 0, 0, 0)'];

/** Codes start with their parent's code: "53.01" lies in "53", "53.01.01.2001" in "53.01.01". */
function inRegion(parent: string): FilterSpecification {
  return ['==', ['slice', ['get', 'kode'], 0, parent.length + 1], `${parent}.`];
}

/** The "tidak ada data" hatch fades too while a class is highlighted. */
export function noDataOpacity(highlightClass: number | null = null): number {
  return highlightClass === null ? 1 : 0.35;
}

function choroplethLayers(
  level: Level,
  filter: FilterSpecification | null,
  highlightClass: number | null,
) {
  const withFilter = filter === null ? {} : { filter };
  const layers: LayerSpecification[] = [
    {
      id: LAYER.noData(level),
      type: 'fill',
      source: level,
      'source-layer': level,
      ...withFilter,
      // No antialiased edge pass for either fill: the border line right above covers every edge, and
      // with software WebGL (office PCs without a usable GPU) the two passes cost 130-250 ms a frame for
      // all kecamatan.
      paint: { 'fill-pattern': NO_DATA_PATTERN, 'fill-opacity': noDataOpacity(highlightClass), 'fill-antialias': false },
    },
    {
      id: LAYER.fill(level),
      type: 'fill',
      source: level,
      'source-layer': level,
      ...withFilter,
      paint: { 'fill-color': FILL_COLOR, 'fill-antialias': false },
    },
    {
      id: LAYER.line(level),
      type: 'line',
      source: level,
      'source-layer': level,
      ...withFilter,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': PALETTE.regionLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.5, 6, 0.9, 9, 1.4],
        // Thousands of small kecamatan or desa far out (a level chosen for a whole country or
        // province): full-strength white borders would wash their colours out, Java most of all.
        'line-opacity': level === 'kecamatan' || level === 'desa' ? ['interpolate', ['linear'], ['zoom'], 4, 0.3, 8, 0.9] : 0.9,
      },
    },
  ];
  return layers;
}

/**
 * The source of a level's hover outline: the same tiles under another name, so that the outline's
 * feature-state (`hover`) lives apart from the colours'. Recolouring thousands of regions then leaves
 * the outline layer alone; in one source, MapLibre would rewrite the outline's vertex data for every
 * recoloured region (about a third of a repaint of all kecamatan, measured). The tiles come from the
 * browser's cache.
 */
export const hoverSource = (level: Level) => `${level}-sorot`;

function hoverLayer(level: Level, filter: FilterSpecification | null, shown: boolean): LayerSpecification {
  return {
    id: LAYER.hover(level),
    type: 'line',
    source: hoverSource(level),
    'source-layer': level,
    ...(filter === null ? {} : { filter }),
    layout: { 'line-join': 'round', visibility: shown ? 'visible' : 'none' },
    paint: {
      'line-color': PALETTE.hoverLine,
      // Zero wide unless hovered: an invisible line of full width still costs its pixels in every frame.
      'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 2, 0],
      'line-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 1, 0],
    },
  };
}

export function buildLayers(input: StyleInput): LayerSpecification[] {
  return [...regionLayers(input), ...pickedLayers(input.selected ?? null)];
}

/** The outline of one region, drawn last so that nothing covers it. */
function pickedLayers(selected: string | null): LayerSpecification[] {
  const level = selected === null ? null : levelOfCode(selected);
  if (selected === null || level === null) return [];
  const filter: FilterSpecification = ['==', ['get', 'kode'], selected];
  const base = { type: 'line', source: level, 'source-layer': level, filter, layout: { 'line-join': 'round' } } as const;
  return [
    { ...base, id: LAYER.pickedCasing, paint: { 'line-color': PALETTE.pickedCasing, 'line-width': 6 } },
    { ...base, id: LAYER.pickedLine, paint: { 'line-color': PALETTE.pickedLine, 'line-width': 3 } },
  ];
}

function regionLayers(input: StyleInput): LayerSpecification[] {
  const background: LayerSpecification = {
    id: LAYER.background,
    type: 'background',
    paint: { 'background-color': PALETTE.sea },
  };
  const parentLevel = input.parent === null ? null : levelOfCode(input.parent);
  const hoverShown = input.hoverOutline ?? false;
  // Every kab/kota or kecamatan of the country at once (the supervision views, a level chosen for
  // Indonesia): painted without a filter, with the province borders over them for orientation.
  if (input.parent === null && input.level !== 'provinsi') {
    return [
      background,
      ...choroplethLayers(input.level, null, input.highlightClass ?? null),
      {
        id: LAYER.contextLine('provinsi'),
        type: 'line',
        source: 'provinsi',
        'source-layer': 'provinsi',
        layout: { 'line-join': 'round' },
        paint: { 'line-color': PALETTE.selectedLine, 'line-width': 0.9 },
      },
      hoverLayer(input.level, null, hoverShown),
    ];
  }
  if (input.parent === null || parentLevel === null || input.level === 'provinsi') {
    return [
      background,
      ...choroplethLayers('provinsi', null, input.highlightClass ?? null),
      hoverLayer('provinsi', null, hoverShown),
    ];
  }
  const { parent, level } = input;
  const context = { source: parentLevel, 'source-layer': parentLevel } as const;
  const between = LEVELS.slice(LEVELS.indexOf(parentLevel) + 1, LEVELS.indexOf(level));
  return [
    background,
    { id: LAYER.contextFill(parentLevel), type: 'fill', ...context, paint: { 'fill-color': PALETTE.contextLand } },
    {
      id: LAYER.contextLine(parentLevel),
      type: 'line',
      ...context,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': PALETTE.contextLine, 'line-width': 0.8 },
    },
    ...choroplethLayers(level, inRegion(parent), input.highlightClass ?? null),
    // A level more than one step down (all desa of a kabupaten): the borders of the level between,
    // so that the many small regions still read as parts of the ones people know.
    ...between.map((middle): LayerSpecification => ({
      id: LAYER.middleLine(middle),
      type: 'line',
      source: middle,
      'source-layer': middle,
      filter: inRegion(parent),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': PALETTE.selectedLine, 'line-width': 0.7 },
    })),
    {
      id: LAYER.selectedLine(parentLevel),
      type: 'line',
      ...context,
      filter: ['==', ['get', 'kode'], parent],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': PALETTE.selectedLine, 'line-width': 1.8 },
    },
    hoverLayer(level, inRegion(parent), hoverShown),
    // The neighbours of the selected region stay clickable (to move there) and get the hover outline too.
    hoverLayer(parentLevel, ['!=', ['get', 'kode'], parent], hoverShown),
  ];
}

export function buildStyle(input: StyleInput): StyleSpecification {
  const source = (level: Level) => ({
    type: 'vector' as const,
    tiles: [`${input.origin}/tiles/${level}/{z}/{x}/{y}.mvt`],
    ...TILE_ZOOMS[level],
    bounds: INDONESIA_BOUNDS,
    promoteId: 'kode',
    attribution: ATTRIBUTION,
  });
  return {
    version: 8,
    name: 'Peta Konvergensi Stunting',
    // New colours appear at once. MapLibre's default fades paint changes over 300 ms, and the map is
    // not idle (nor the new reading final) until the fade ends: a choropleth of a new year or
    // indicator should not pass through colours that belong to neither.
    transition: { duration: 0, delay: 0 },
    sources: Object.fromEntries(LEVELS.flatMap((level) => [[level, source(level)], [hoverSource(level), source(level)]])),
    layers: buildLayers(input),
  };
}
