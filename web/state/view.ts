import { z } from 'zod';

/**
 * What the user is looking at. The URL query string is its only home:
 * `?level=kabkota&region=53&indicator=prevalensi_stunting&period=2022`.
 * It is parsed here once, and changed only by navigating (see use-view.ts).
 */

export const LEVELS = ['provinsi', 'kabkota'] as const;
export type Level = (typeof LEVELS)[number];

export const NATIONAL = 'ID';
export const DEFAULT_INDICATOR = 'prevalensi_stunting';

export interface View {
  /** The level whose regions are painted. */
  readonly level: Level;
  /** The region whose children are painted: `ID` for the provinces, a province code for its kab/kota. */
  readonly region: string;
  readonly indicator: string;
  /** A period such as "2022"; null until the user picks one (the indicator's latest is shown). */
  readonly period: string | null;
}

// Each field falls back on its own, so one bad parameter in a shared link does not lose the others.
const querySchema = z.object({
  level: z.enum(LEVELS).catch('provinsi'),
  region: z
    .string()
    .regex(/^(ID|\d{2})$/)
    .catch(NATIONAL),
  indicator: z
    .string()
    .regex(/^[a-z0-9_]{1,64}$/)
    .catch(DEFAULT_INDICATOR),
  period: z
    .string()
    .regex(/^\d{4}$/)
    .nullable()
    .catch(null),
});

export function parseView(search: string): View {
  const params = new URLSearchParams(search);
  const q = querySchema.parse({
    level: params.get('level') ?? undefined,
    region: params.get('region') ?? undefined,
    indicator: params.get('indicator') ?? undefined,
    period: params.get('period'),
  });
  // Provinces are always shown for the whole country; kab/kota only inside one province.
  if (q.level === 'provinsi' || q.region === NATIONAL) {
    return { level: 'provinsi', region: NATIONAL, indicator: q.indicator, period: q.period };
  }
  return { level: 'kabkota', region: q.region, indicator: q.indicator, period: q.period };
}

/** The query string for a view, parameters always in the same order so equal views give equal URLs. */
export function viewToSearch(view: View): string {
  const params = new URLSearchParams();
  params.set('level', view.level);
  params.set('region', view.region);
  params.set('indicator', view.indicator);
  if (view.period !== null) params.set('period', view.period);
  return `?${params.toString()}`;
}

/** The view that shows the kab/kota of one province, keeping indicator and period. */
export function drillDown(view: View, provinceKode: string): View {
  return { ...view, level: 'kabkota', region: provinceKode };
}

export function nationalView(view: View): View {
  return { ...view, level: 'provinsi', region: NATIONAL };
}
