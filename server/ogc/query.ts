import { z } from 'zod';
import { KEMENDAGRI_CODE_PATTERN } from '../region-code.ts';
import type { Bbox } from './geometry.ts';

/** The only coordinate reference system served: WGS 84 longitude, latitude. */
export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

/** Page size when the request gives no `limit`, and the most one page holds (larger limits are cut to it). */
export const ITEMS_LIMIT = { default: 100, max: 10_000 } as const;

/** `f`: the one format served; OGC clients may ask for it by name. */
const FORMAT = z.enum(['json', 'geojson'], { error: 'f must be json (the only format served)' }).optional();

/**
 * OGC API - Features asks servers to refuse parameters they do not know (/req/core/query-param-unknown),
 * which also catches typos such as `indikator=` that would otherwise be silently ignored.
 */
function strict<Shape extends z.ZodRawShape>(shape: Shape, path: string) {
  const known = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown parameter ${issue.keys.map((k) => `"${k}"`).join(', ')}; ${path} takes ${known}` : undefined),
  });
}

/**
 * Landing page, conformance and collections check only `f`, and let other parameters through: GDAL
 * repeats the query of its connection URL (OAPIF:…/ogc?indicator=…&period=…) on every request,
 * these included, and the items that then get those parameters check them strictly.
 */
export const DOCUMENT_QUERY = z.object({ f: FORMAT });

const WHOLE_NUMBER = /^\d{1,9}$/;

const BBOX = z.string().transform((text, ctx): Bbox[] => {
  const example = 'for example bbox=115.1,-8.8,115.3,-8.6';
  const numbers = text.split(',').map((part) => (part.trim() === '' ? NaN : Number(part)));
  if ((numbers.length !== 4 && numbers.length !== 6) || numbers.some((n) => !Number.isFinite(n))) {
    ctx.addIssue({ code: 'custom', message: `bbox must be four numbers west,south,east,north in degrees (CRS84), ${example}` });
    return z.NEVER;
  }
  // Six numbers carry heights (west,south,min height,east,north,max height); boundaries have none.
  const [w, s, e, n] = numbers.length === 6 ? [numbers[0], numbers[1], numbers[3], numbers[4]] : numbers;
  if ([w, e].some((lng) => lng === undefined || lng < -180 || lng > 180) || [s, n].some((lat) => lat === undefined || lat < -90 || lat > 90)) {
    ctx.addIssue({ code: 'custom', message: `bbox longitudes must be between -180 and 180 and latitudes between -90 and 90, ${example}` });
    return z.NEVER;
  }
  if (w === undefined || s === undefined || e === undefined || n === undefined || s > n) {
    ctx.addIssue({ code: 'custom', message: `bbox south (${s}) is north of north (${n}); the order is west,south,east,north, ${example}` });
    return z.NEVER;
  }
  // West greater than east means a box across the antimeridian (OGC API - Features 1.0, 7.15.3).
  return w <= e ? [[w, s, e, n]] : [[w, s, 180, n], [-180, s, e, n]];
});

const INDICATOR = z.string().min(1, 'indicator must be an indicator id from /api/indicators, for example prevalensi_stunting').max(100).optional();
const PERIOD = z.string().regex(/^\d{4}$/, 'period must be a four-digit year, for example 2022').optional();

const CRS_PARAM = z.literal(CRS84, { error: `only ${CRS84} (WGS 84 longitude, latitude) is served` }).optional();

export const ITEMS_QUERY = strict(
  {
    bbox: BBOX.optional(),
    'bbox-crs': CRS_PARAM,
    crs: CRS_PARAM,
    limit: z
      .string()
      .regex(WHOLE_NUMBER, `limit must be a whole number from 1 (at most ${ITEMS_LIMIT.max} features are returned per page)`)
      .transform(Number)
      .refine((n) => n >= 1, 'limit must be at least 1')
      .transform((n) => Math.min(n, ITEMS_LIMIT.max))
      .default(ITEMS_LIMIT.default),
    offset: z.string().regex(WHOLE_NUMBER, 'offset must be a whole number from 0, for example offset=100').transform(Number).default(0),
    parent: z
      .string()
      .refine((code) => KEMENDAGRI_CODE_PATTERN.test(code), 'parent must be a Kemendagri code such as 53, 53.01 or 53.01.01')
      .optional(),
    indicator: INDICATOR,
    period: PERIOD,
    // Core parameter of OGC API - Features; boundaries have no time, so every feature matches any datetime.
    datetime: z.string().max(100).optional(),
    f: FORMAT,
  },
  '/ogc/collections/{level}/items',
).superRefine(indicatorWithPeriod);

export type ItemsQuery = z.infer<typeof ITEMS_QUERY>;

export const FEATURE_QUERY = strict({ indicator: INDICATOR, period: PERIOD, f: FORMAT }, '/ogc/collections/{level}/items/{kode}').superRefine(indicatorWithPeriod);

/** Values are joined for one indicator in one period: the two come together. */
function indicatorWithPeriod(query: { indicator?: string | undefined; period?: string | undefined }, ctx: z.RefinementCtx) {
  if (query.indicator !== undefined && query.period === undefined) {
    ctx.addIssue({ code: 'custom', path: ['period'], message: 'period is required with indicator, for example period=2022' });
  }
  if (query.period !== undefined && query.indicator === undefined) {
    ctx.addIssue({ code: 'custom', path: ['indicator'], message: 'indicator is required with period, for example indicator=prevalensi_stunting' });
  }
}
