import { z } from 'zod';
import { t } from '../i18n/i18n.ts';
import { problemSchema } from '../../shared/api/common.ts';
import * as indicators from '../../shared/api/indicators.ts';
import * as regions from '../../shared/api/regions.ts';
import { compactValueSchema, valuesResponseSchema as valuesWireSchema } from '../../shared/api/values.ts';

/**
 * The server's JSON as the page uses it. The shapes are defined once in shared/api/ (the server
 * documents its responses with the same schemas at /api/openapi.json); here they are only reshaped
 * for the page. Every response is checked before use.
 */
export { INDICATOR_KINDS, KELOMPOK } from '../../shared/api/indicators.ts';
export { childrenSchema, type BBox, type ChildRegion } from '../../shared/api/regions.ts';

// The page reads only the fields it uses (z.object drops the others), and reads some leniently.
const wire = indicators.indicatorSchema.shape;
export const indicatorSchema = indicators.indicatorSchema
  .pick({ id: true, nama: true, unit: true, kind: true, direction: true, target: true, kelompok: true, periods: true })
  .extend({
    /** Target group of a coverage indicator; empty or null for the others. */
    sasaran: wire.sasaran.nullable(),
    /** The catalogue sends "Belum|Proses|Selesai" for a category indicator, whose values are indexes into it. */
    categories: wire.categories.transform((c) => (c ? c.split('|') : null)),
    /** The period to show first; without it, the latest. */
    default_period: wire.default_period.optional(),
    /** The levels at which values can be asked for; a level this page does not know is simply never matched. */
    levels: z.array(z.string()),
    /** The name in English, shown when the page is in English. */
    name_en: wire.name_en.optional(),
  });
export type Indicator = z.infer<typeof indicatorSchema>;

export const indicatorsResponseSchema = indicators.indicatorsResponseSchema.extend({
  indicators: z.array(indicatorSchema),
  /** When values were last imported (ISO time), null when nothing has been imported; read leniently. */
  last_import: z.string().nullable().catch(null),
});

export const regionSchema = regions.regionSchema.pick({ kode: true, level: true, nama: true, parent: true, ancestors: true, has_geometry: true, bbox: true, label: true });
export type Region = z.infer<typeof regionSchema>;

/** A region's value with its source spelled out and the fields the server leaves out filled in. */
export interface RegionValue extends Omit<z.infer<typeof compactValueSchema>, 'source' | 'demo' | 'basis'> {
  source: string;
  demo: boolean;
  basis: 'direct' | 'rollup';
}

/** Just the numbers of some values, by region code: what the map paints, ranks and classes use. */
export function valueNumbers(values: Readonly<Record<string, { readonly value: number }>>): Map<string, number> {
  return new Map(Object.entries(values).map(([kode, v]) => [kode, v.value]));
}

// The server lists each source once and refers to it by index; here every value gets its source back.
// A plain loop with one spread per value: for all 7,285 kecamatan, destructuring each value with a
// rest pattern inside Object.entries/fromEntries took 27 ms of a 200 ms repaint, this takes 8.
export const valuesResponseSchema = valuesWireSchema.transform(({ sources, values, ...rest }) => {
  const resolved: Record<string, RegionValue> = {};
  for (const kode in values) {
    const value = values[kode]!;
    resolved[kode] = { ...value, source: sources[value.source] ?? '', demo: value.demo ?? false, basis: value.basis ?? 'direct' };
  }
  return { ...rest, values: resolved };
});
export type ValuesResponse = z.infer<typeof valuesResponseSchema>;

// Any error body is read leniently: a proxy's error page may not be a problem document at all.
const errorBodySchema = problemSchema.pick({ title: true, detail: true }).partial();

/** Fetches JSON and validates it; the error message names the URL and what the server said. */
/** How often a 503 ("busy, try again") is retried before the error is shown. */
const RETRIES_WHEN_BUSY = 3;

/** Waits `ms`, or rejects as soon as `signal` aborts. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

export async function fetchJson<T>(url: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  let response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  // 503 means the server is busy (a first computation still running, the database restarting) and
  // says when to come back: wait as told (at most 10 s) and ask again, rather than show an error.
  for (let attempt = 0; response.status === 503 && attempt < RETRIES_WHEN_BUSY; attempt++) {
    const retryAfter = Number(response.headers.get('retry-after'));
    await pause(Math.min(10, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 2) * 1000, signal);
    response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  }
  if (!response.ok) {
    let reason = `${response.status} ${response.statusText}`.trim();
    const problem = errorBodySchema.safeParse(await response.json().catch(() => null));
    if (problem.success && (problem.data.detail ?? problem.data.title)) {
      reason += `: ${problem.data.detail ?? problem.data.title}`;
    }
    throw new Error(t('fetch.status', { url, reason }));
  }
  const body: unknown = await response.json().catch(() => {
    throw new Error(t('fetch.notJson', { url, type: response.headers.get('content-type') ?? t('fetch.noContentType') }));
  });
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new Error(t('fetch.contract', { url, problem: z.prettifyError(parsed.error) }));
  }
  return parsed.data;
}

export function indicatorsUrl(): string {
  return '/api/indicators';
}

export function valuesUrl(q: { indicator: string; period: string; level: string; parent: string | null }): string {
  const params = new URLSearchParams({ indicator: q.indicator, period: q.period, level: q.level });
  if (q.parent !== null) params.set('parent', q.parent);
  return `/api/values?${params.toString()}`;
}

export function regionUrl(kode: string): string {
  return `/api/regions/${encodeURIComponent(kode)}`;
}

/** The direct children of `kode`, or with `level` every region of that level inside it. */
export function childrenUrl(kode: string, level?: string): string {
  const path = `/api/regions/${encodeURIComponent(kode)}/children`;
  return level === undefined ? path : `${path}?level=${level}`;
}

/** GET /api/regions/{kode}?period=: the region with every indicator (value, rank, parent value, target, trend). */
export const regionProfileSchema = regions.regionProfileSchema.pick({
  kode: true,
  level: true,
  nama: true,
  parent: true,
  ancestors: true,
  period: true,
  indicators: true,
});
export type RegionProfile = z.infer<typeof regionProfileSchema>;
export type IndicatorProfile = RegionProfile['indicators'][number];

export function regionProfileUrl(kode: string, period: string): string {
  return `${regionUrl(kode)}?${new URLSearchParams({ period }).toString()}`;
}

/** GET /api/search?q=: regions by name or code, best first, each with its ancestors from the provinsi down. */
const searchHitSchema = regions.searchResponseSchema.shape.hits.element.pick({ kode: true, level: true, nama: true, ancestors: true });
export const searchResponseSchema = z.object({ q: z.string(), hits: z.array(searchHitSchema) });
export type SearchHit = z.infer<typeof searchHitSchema>;

export function searchUrl(q: string, limit: number): string {
  return `/api/search?${new URLSearchParams({ q, limit: String(limit) }).toString()}`;
}
