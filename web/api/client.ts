import { z } from 'zod';
import { LEVELS } from '../state/view.ts';

/** Schemas for the server's JSON (docs/ARCHITECTURE.md); every response is checked before use. */

// Only the fields the page uses are checked (and kept); the server may send more.
export const INDICATOR_KINDS = ['survey_percent', 'rate', 'rate_per_unit', 'count', 'money', 'score', 'category'] as const;
export const KELOMPOK = ['prevalensi', 'cakupan', 'kinerja', 'anggaran', 'pelaporan', 'aksi'] as const;

export const indicatorSchema = z.object({
  id: z.string(),
  nama: z.string(),
  unit: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  direction: z.enum(['higher', 'lower', 'none']),
  target: z.number().nullable().default(null),
  kelompok: z.enum(KELOMPOK),
  /** Target group of a coverage indicator; empty or null for the others. */
  sasaran: z.string().nullable().default(null),
  /** "Belum|Proses|Selesai" for a category indicator, whose values are indexes into it. */
  categories: z
    .string()
    .nullable()
    .default(null)
    .transform((c) => (c ? c.split('|') : null)),
  periods: z.array(z.string()),
  /** The period to show first; without it, the latest. */
  default_period: z.string().nullable().optional(),
  /** The levels at which values can be asked for. */
  levels: z.array(z.string()),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const indicatorsResponseSchema = z.object({ indicators: z.array(indicatorSchema) });

const compactValueSchema = z.object({
  value: z.number(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  /** index into the response's `sources` */
  source: z.number().int(),
  demo: z.boolean().default(false),
  basis: z.enum(['direct', 'rollup']).default('direct'),
  /** For a roll-up: how many of the units below reported, out of how many expected. */
  reporting: z.number().optional(),
  expected: z.number().optional(),
  /** A note for the reader, e.g. that a figure is the pre-2022 Papua province's. */
  note: z.string().optional(),
});

export interface RegionValue extends Omit<z.infer<typeof compactValueSchema>, 'source'> {
  source: string;
}

// The server lists each source once and refers to it by index; here every value gets its source back.
export const valuesResponseSchema = z
  .object({
    indicator: z.string(),
    period: z.string(),
    level: z.enum(LEVELS),
    parent: z.string().nullable(),
    unit: z.string(),
    sources: z.array(z.string()),
    values: z.record(z.string(), compactValueSchema),
  })
  .transform(({ sources, values, ...rest }) => ({
    ...rest,
    values: Object.fromEntries(
      Object.entries(values).map(([kode, value]): [string, RegionValue] => [kode, { ...value, source: sources[value.source] ?? '' }]),
    ),
  }));
export type ValuesResponse = z.infer<typeof valuesResponseSchema>;

const bboxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type BBox = z.infer<typeof bboxSchema>;

export const regionSchema = z.object({
  kode: z.string(),
  level: z.string(),
  nama: z.string(),
  parent: z.string().nullable(),
  ancestors: z.array(z.object({ kode: z.string(), level: z.string(), nama: z.string() })),
  has_geometry: z.boolean(),
  bbox: bboxSchema.nullable(),
  label: z.tuple([z.number(), z.number()]).nullable(),
});
export type Region = z.infer<typeof regionSchema>;

export const childrenSchema = z.object({
  parent: z.string(),
  children: z.array(z.object({ kode: z.string(), level: z.string(), nama: z.string(), has_geometry: z.boolean() })),
});
export type ChildRegion = z.infer<typeof childrenSchema>['children'][number];

const problemSchema = z.object({ title: z.string().optional(), detail: z.string().optional() });

/** Fetches JSON and validates it; the error message names the URL and what the server said. */
export async function fetchJson<T>(url: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  if (!response.ok) {
    let reason = `${response.status} ${response.statusText}`.trim();
    const problem = problemSchema.safeParse(await response.json().catch(() => null));
    if (problem.success && (problem.data.detail ?? problem.data.title)) {
      reason += `: ${problem.data.detail ?? problem.data.title}`;
    }
    throw new Error(`${url} menjawab ${reason}`);
  }
  const body: unknown = await response.json().catch(() => {
    throw new Error(`${url} tidak mengirim JSON (${response.headers.get('content-type') ?? 'tanpa content-type'})`);
  });
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new Error(`${url} mengirim data yang tidak sesuai kontrak: ${z.prettifyError(parsed.error)}`);
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

export function childrenUrl(kode: string): string {
  return `/api/regions/${encodeURIComponent(kode)}/children`;
}
