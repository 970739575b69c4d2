import { z } from 'zod';
import { LEVELS } from '../state/view.ts';

/** Schemas for the server's JSON (docs/ARCHITECTURE.md); every response is checked before use. */

// Only the fields the page uses are checked (and kept); the server may send more.
export const indicatorSchema = z.object({
  id: z.string(),
  nama: z.string(),
  unit: z.string(),
  periods: z.array(z.string()),
  /** The period to show first; without it, the latest. */
  default_period: z.string().optional(),
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
  reporting: z.number().optional(),
  expected: z.number().optional(),
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
  bbox: bboxSchema.nullable(),
  label: z.tuple([z.number(), z.number()]).nullable(),
});
export type Region = z.infer<typeof regionSchema>;

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
