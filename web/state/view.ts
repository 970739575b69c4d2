import { z } from 'zod';
import { LEVELS, type Level } from '../../shared/api/common.ts';

/**
 * What the user is looking at. The URL query string is its only home:
 * `?level=desa&region=51.71.01&indicator=IH-1&period=2024`: the desa (level) of the kecamatan
 * 51.71.01 (region). It is parsed here once, and changed only by navigating (see use-view.ts).
 */

/** The four administrative levels, top down; a region of one level is the parent of the next (shared/api/). */
export { LEVELS, type Level };

export const NATIONAL = 'ID';
export const DEFAULT_INDICATOR = 'prevalensi_stunting';

// Names of the levels for people, in the page's language: t(`level.${level}.one`) ("Kabupaten/kota")
// and t(`level.${level}.many`) ("per kabupaten/kota"), in web/i18n/messages/common.ts.

/**
 * How values are put into classes; `auto` is the indicator's own scheme (web/map/classify.ts),
 * `below` the two-class "belum mencapai target" view (the regions on the wrong side of the target).
 */
export const CLASS_METHODS = ['auto', 'quantile', 'equal', 'jenks', 'manual', 'target', 'below'] as const;
export type ClassMethod = (typeof CLASS_METHODS)[number];

/**
 * What the map is for: exploring any indicator, or one of the supervision views (lagging children,
 * clusters, convergence actions, budget against outcome) and publishing. Each is a tab (URL `mode=`).
 */
export const MODES = ['explore', 'lagging', 'clusters', 'aksi', 'budget'] as const;
export type Mode = (typeof MODES)[number];

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The map's camera: centre and zoom. */
export interface Camera {
  readonly lng: number;
  readonly lat: number;
  readonly zoom: number;
}

export interface View {
  /** The level whose regions are painted. */
  readonly level: Level;
  /** The region whose children are painted: `ID` for the provinces, else a code one level up. */
  readonly region: string;
  readonly indicator: string;
  /** A period such as "2022"; null until the user picks one (the indicator's default is shown). */
  readonly period: string | null;
  /** Change mode: the earlier period the shown period is compared with (difference), or null. */
  readonly compare: string | null;
  readonly classMethod: ClassMethod;
  /** Class breaks chosen by hand, ascending; used when `classMethod` is `manual`. */
  readonly breaks: readonly number[] | null;
  readonly lang: Language;
  /** Where the map looks; null lets the map fit the region shown. */
  readonly camera: Camera | null;
  /** When true, zooming does not change the level painted. */
  readonly lockLevel: boolean;
  /** A region picked on the map or in the ranking table (highlighted, shown in the panel), or null. */
  readonly selected: string | null;
  /** Budget drawn as proportional circles over the choropleth (URL `budget=1`). */
  readonly budgetCircles: boolean;
  /** Region names on the map when chosen (URL `labels=1` or `0`); null: the default, on below the provinces. */
  readonly labels: boolean | null;
  readonly mode: Mode;
}

/** Every optional part of a view at its default, for building views in code and tests. */
export const VIEW_DEFAULTS = {
  compare: null,
  classMethod: 'auto',
  breaks: null,
  lang: 'id',
  camera: null,
  lockLevel: false,
  selected: null,
  budgetCircles: false,
  labels: null,
  mode: 'explore',
} as const satisfies Partial<View>;

/** Kemendagri code shapes: 53, 53.01, 53.01.01, 53.01.01.2001. */
const CODE_SHAPES: Record<Level, RegExp> = {
  provinsi: /^\d{2}$/,
  kabkota: /^\d{2}\.\d{2}$/,
  kecamatan: /^\d{2}\.\d{2}\.\d{2}$/,
  desa: /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/,
};

/** The level of a region code, or null for `ID` and anything that is not a code. */
export function levelOfCode(kode: string): Level | null {
  return LEVELS.find((level) => CODE_SHAPES[level].test(kode)) ?? null;
}

/** The next level down: kabkota below provinsi; null below desa. */
export function levelBelow(level: Level): Level | null {
  return LEVELS[LEVELS.indexOf(level) + 1] ?? null;
}

/** The level painted when `region` is selected: its children's. Null for a desa, which has none. */
export function childLevelOf(region: string): Level | null {
  if (region === NATIONAL) return 'provinsi';
  const level = levelOfCode(region);
  return level === null ? null : (LEVELS[LEVELS.indexOf(level) + 1] ?? null);
}

/**
 * The levels that can be painted inside `region`: its children's level and up to two levels further
 * down (all kecamatan of Indonesia, all desa of a province or a kabupaten). Deeper would mean tens of
 * thousands of regions at a zoom where each is a speck (all 83,762 desa at once).
 */
export function levelsInside(region: string): Level[] {
  const first = childLevelOf(region);
  return first === null ? [] : LEVELS.slice(LEVELS.indexOf(first), LEVELS.indexOf(first) + 3);
}

/** Whether a view paints a level below its region's children (chosen with the level picker). */
export function isDeepView(view: Pick<View, 'level' | 'region'>): boolean {
  return view.level !== childLevelOf(view.region);
}

/** The codes of a region's ancestors below `ID`, top down: "51.71.01" gives ["51", "51.71"]. */
export function ancestorCodes(kode: string): string[] {
  const parts = kode.split('.');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** The parent's code of a region, `ID` for a province. */
export function parentOf(kode: string): string {
  return ancestorCodes(kode).at(-1) ?? NATIONAL;
}

// Each field falls back on its own, so one bad parameter in a shared link does not lose the others.
const querySchema = z.object({
  level: z.enum(LEVELS).nullable().catch(null),
  region: z
    .string()
    .refine((kode) => childLevelOf(kode) !== null)
    .catch(NATIONAL),
  indicator: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .catch(DEFAULT_INDICATOR),
  period: z
    .string()
    .regex(/^\d{4}$/)
    .nullable()
    .catch(null),
  compare: z
    .string()
    .regex(/^\d{4}$/)
    .nullable()
    .catch(null),
  classMethod: z.enum(CLASS_METHODS).catch('auto'),
  breaks: z
    .string()
    .transform((text) => text.split(',').map(Number))
    .pipe(z.array(z.number().finite()).min(1).max(9))
    .transform((breaks) => [...new Set(breaks)].sort((a, b) => a - b))
    .nullable()
    .catch(null),
  lang: z.enum(LANGUAGES).catch('id'),
  // "zoom/lat/lng", as OpenStreetMap writes a map position.
  camera: z
    .string()
    .transform((text) => text.split('/').map(Number))
    .pipe(z.tuple([z.number().min(0).max(22), z.number().min(-90).max(90), z.number().min(-180).max(180)]))
    .transform(([zoom, lat, lng]) => ({ lng, lat, zoom }))
    .nullable()
    .catch(null),
  lockLevel: z.literal('1').nullable().catch(null),
  selected: z
    .string()
    .refine((kode) => levelOfCode(kode) !== null)
    .nullable()
    .catch(null),
  budgetCircles: z.literal('1').nullable().catch(null),
  labels: z.enum(['0', '1']).nullable().catch(null),
  mode: z.enum(MODES).catch('explore'),
});

export function parseView(search: string): View {
  const params = new URLSearchParams(search);
  const q = querySchema.parse({
    level: params.get('level'),
    region: params.get('region') ?? undefined,
    indicator: params.get('indicator') ?? undefined,
    period: params.get('period'),
    compare: params.get('compare'),
    classMethod: params.get('classes') ?? undefined,
    breaks: params.get('breaks'),
    lang: params.get('lang') ?? undefined,
    camera: params.get('map'),
    lockLevel: params.get('lock'),
    selected: params.get('select'),
    budgetCircles: params.get('budget'),
    labels: params.get('labels'),
    mode: params.get('mode') ?? undefined,
  });
  // The region decides the level (its children are shown) unless the URL asks for a level further
  // down that the explorer can paint there (levelsInside); such a view keeps its level while zooming.
  // The supervision views work on a region's children only. Any other disagreement means the link was
  // edited by hand: the region, the more specific, wins.
  // A region that fell back to Indonesia takes its level with it.
  const regionKept = params.get('region') === null || params.get('region') === q.region;
  const deep = regionKept && q.mode === 'explore' && q.level !== null && levelsInside(q.region).slice(1).includes(q.level);
  const level = deep ? (q.level as Level) : (childLevelOf(q.region) as Level);
  return {
    level,
    region: q.region,
    indicator: q.indicator,
    period: q.period,
    compare: q.compare !== null && q.compare !== q.period ? q.compare : null,
    classMethod: q.classMethod === 'manual' && q.breaks === null ? 'auto' : q.classMethod,
    breaks: q.breaks,
    lang: q.lang,
    camera: q.camera,
    lockLevel: deep || q.lockLevel !== null,
    selected: q.selected,
    budgetCircles: q.budgetCircles !== null,
    labels: q.labels === null ? null : q.labels === '1',
    mode: q.mode,
  };
}

/** A camera as written in the URL: zoom to 2 decimals, position to 5 (about a metre). */
export function cameraToParam({ zoom, lat, lng }: Camera): string {
  return `${zoom.toFixed(2)}/${lat.toFixed(5)}/${lng.toFixed(5)}`;
}

/** The query string for a view, parameters always in the same order so equal views give equal URLs. */
export function viewToSearch(view: View): string {
  const params = new URLSearchParams();
  params.set('level', view.level);
  params.set('region', view.region);
  params.set('indicator', view.indicator);
  if (view.period !== null) params.set('period', view.period);
  if (view.compare !== null) params.set('compare', view.compare);
  if (view.classMethod !== 'auto') params.set('classes', view.classMethod);
  if (view.breaks !== null) params.set('breaks', view.breaks.join(','));
  if (view.lang !== 'id') params.set('lang', view.lang);
  if (view.lockLevel) params.set('lock', '1');
  if (view.selected !== null) params.set('select', view.selected);
  if (view.budgetCircles) params.set('budget', '1');
  if (view.labels !== null) params.set('labels', view.labels ? '1' : '0');
  if (view.mode !== 'explore') params.set('mode', view.mode);
  if (view.camera !== null) params.set('map', cameraToParam(view.camera));
  return `?${params.toString()}`;
}

/**
 * The view painting `level` inside the view's region: one of levelsInside(region). A level below the
 * children locks the level (zooming would otherwise leave it); the camera stays where it is.
 */
export function viewWithLevel(view: View, level: Level): View {
  const deep = level !== childLevelOf(view.region);
  // Back at the children's level, zooming follows again as before the deeper level was chosen.
  return { ...view, level, lockLevel: deep || (view.lockLevel && !isDeepView(view)), selected: null };
}

/** The view that shows the children of `kode`, keeping indicator and period; a desa has none. */
export function drillDown(view: View, kode: string): View | null {
  const level = childLevelOf(kode);
  // A new region is fitted to the screen: the old camera and selection belong to the old region.
  return level === null ? null : { ...view, level, region: kode, camera: null, selected: null };
}

export function nationalView(view: View): View {
  return { ...view, level: 'provinsi', region: NATIONAL, camera: null, selected: null };
}

/**
 * The nearest view at or above `view` whose level is one of `levels`: where an indicator that is
 * not reported at the current level can be shown. Null when no such level is on the way up.
 */
export function viewShowing(view: View, levels: readonly string[]): View | null {
  const path = [NATIONAL, ...ancestorCodes(view.region), ...(view.region === NATIONAL ? [] : [view.region])];
  for (const region of [...new Set(path)].reverse()) {
    const level = childLevelOf(region);
    if (level !== null && levels.includes(level)) {
      return region === view.region ? { ...view, level } : { ...view, level, region, camera: null, selected: null };
    }
  }
  return null;
}
