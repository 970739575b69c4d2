import { existsIn, isLevel, type IndicatorDefinition } from '../catalogue.ts';
import type { IndicatorSummary } from '../db/indicators.ts';
import { FLAG, type LevelValues, type ResolvedValue } from './level-values.ts';
import { childRange, parentLevel } from './region-tree.ts';
import { resolveRanges, type RangeQuery, type ValueContext } from './resolve.ts';

/**
 * Every indicator of one region for a period: its value, its rank among its siblings (1 = best,
 * following the indicator's direction), the parent's value, the target and the trend over all
 * periods. What the region panel and third parties need to read one place at a glance.
 */
export interface IndicatorProfile {
  id: string;
  nama: string;
  unit: string;
  kelompok: string;
  value: number | null;
  demo: boolean;
  basis: 'direct' | 'rollup' | null;
  source: string | null;
  note: string | null;
  /** 1 = best among the siblings that have a value; null when unranked */
  rank: number | null;
  ranked_among: number;
  parent_value: number | null;
  target: number | null;
  trend: { period: string; value: number | null; demo: boolean }[];
}

export async function regionProfile(
  context: ValueContext,
  region: { kode: string; level: string; parent: string | null },
  indicators: IndicatorSummary[],
  period: string,
): Promise<IndicatorProfile[]> {
  const level = region.level;
  if (level === 'nasional') return nationalProfile(context, region.kode, indicators, period);
  if (!isLevel(level)) return [];
  const { tree } = context;
  const above = parentLevel(level);
  const own = tree[level].ordinalOf.get(region.kode);
  if (own === undefined) return [];
  // Provinces are siblings under Indonesia; Indonesia's value is then the parent value.
  const siblings = childRange(tree, level, region.parent ?? 'ID');
  const parentOrdinal = above && region.parent ? tree[above].ordinalOf.get(region.parent) : undefined;

  // Everything the profile needs, resolved in one batch (a handful of queries, not hundreds): per
  // indicator the siblings in the period, the parent in the period, and the region in every period.
  const shown = indicators.filter((indicator) => indicator.levels.includes(level));
  const queries: RangeQuery[] = [];
  const slots = shown.map((indicator) => {
    const add = (query: RangeQuery) => queries.push(query) - 1;
    const siblingsAt = existsIn(indicator, period) ? add({ indicator, period, level, ...siblings }) : -1;
    const parentAt = above && parentOrdinal !== undefined ? add({ indicator, period, level: above, start: parentOrdinal, end: parentOrdinal + 1 }) : -1;
    const trendAt = indicator.periods.map((p) => (p === period ? siblingsAt : add({ indicator, period: p, level, start: own, end: own + 1 })));
    return { siblingsAt, parentAt, trendAt };
  });
  const resolved = await resolveRanges(context, queries);
  const valueOf = (at: number, ordinal: number) => {
    const values = resolved[at];
    return values ? values.get(values.indexOf(ordinal)) : undefined;
  };

  return shown.map((indicator, n) => {
    const { siblingsAt, parentAt, trendAt } = slots[n] ?? { siblingsAt: -1, parentAt: -1, trendAt: [] };
    const ownValue = valueOf(siblingsAt, own);
    const siblingValues = resolved[siblingsAt];
    return profileEntry(
      indicator,
      ownValue,
      {
        ...rank(siblingValues ? valuesOf(siblingValues) : [], ownValue?.value, indicator),
        parent_value: parentOrdinal === undefined ? null : (valueOf(parentAt, parentOrdinal)?.value ?? null),
      },
      trendAt.map((at) => valueOf(at, own)),
    );
  });
}

/**
 * Indonesia has no siblings and no parent: its profile is its own value (the figure published for
 * the country, else the roll-up of the provinces) and trend, for every indicator reported per province.
 */
async function nationalProfile(context: ValueContext, kode: string, indicators: IndicatorSummary[], period: string): Promise<IndicatorProfile[]> {
  const own = context.tree.nasional.ordinalOf.get(kode);
  if (own === undefined) return [];
  const shown = indicators.filter((indicator) => indicator.levels.includes('provinsi'));
  const queries: RangeQuery[] = [];
  const slots = shown.map((indicator) => ({
    at: existsIn(indicator, period) ? queries.push({ indicator, period, level: 'nasional', start: own, end: own + 1 }) - 1 : -1,
    trendAt: indicator.periods.map((p) => queries.push({ indicator, period: p, level: 'nasional', start: own, end: own + 1 }) - 1),
  }));
  const resolved = await resolveRanges(context, queries);
  const valueOf = (at: number) => {
    const values = resolved[at];
    return values ? values.get(values.indexOf(own)) : undefined;
  };
  return shown.map((indicator, n) => {
    const { at, trendAt } = slots[n] ?? { at: -1, trendAt: [] };
    return profileEntry(indicator, valueOf(at), { rank: null, ranked_among: 0, parent_value: null }, trendAt.map(valueOf));
  });
}

/** One indicator of a profile: the region's own value, where it stands, the target and the trend (one value a period). */
function profileEntry(
  indicator: IndicatorSummary,
  own: ResolvedValue | undefined,
  standing: Pick<IndicatorProfile, 'rank' | 'ranked_among' | 'parent_value'>,
  trend: (ResolvedValue | undefined)[],
): IndicatorProfile {
  return {
    id: indicator.id,
    nama: indicator.nama,
    unit: indicator.unit,
    kelompok: indicator.kelompok,
    value: own?.value ?? null,
    demo: own?.demo ?? false,
    basis: own?.basis ?? null,
    source: own?.source ?? null,
    note: own?.note ?? null,
    ...standing,
    target: indicator.target,
    trend: indicator.periods.map((period, k) => ({ period, value: trend[k]?.value ?? null, demo: trend[k]?.demo ?? false })),
  };
}

function valuesOf(values: LevelValues): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.size; i++) if ((values.flags[i] ?? 0) & FLAG.value) out.push(values.values[i] ?? Number.NaN);
  return out;
}

/** Rank 1 is the best value: the lowest where lower is better, the highest where higher is better. */
export function rank(
  values: number[],
  own: number | undefined,
  indicator: Pick<IndicatorDefinition, 'direction' | 'kind'>,
): { rank: number | null; ranked_among: number } {
  if (indicator.direction === 'none' || indicator.kind === 'category') return { rank: null, ranked_among: 0 };
  if (own === undefined) return { rank: null, ranked_among: values.length };
  // Ties share the better rank: 1 + how many are strictly better.
  const better = values.filter((value) => (indicator.direction === 'lower' ? value < own : value > own)).length;
  return { rank: better + 1, ranked_among: values.length };
}
