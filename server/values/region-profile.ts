import { existsIn, isLevel, type IndicatorDefinition } from '../catalogue.ts';
import type { IndicatorSummary } from '../db/indicators.ts';
import { parentLevel } from './region-tree.ts';
import { resolveValues, type ValueContext } from './resolve.ts';

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
  if (!isLevel(level)) return [];
  const above = parentLevel(level);
  // Provinces are siblings under Indonesia: no parent filter, but Indonesia's value is the parent value.
  const parent = region.parent && region.parent !== 'ID' ? region.parent : undefined;
  const profiles: IndicatorProfile[] = [];
  for (const indicator of indicators) {
    if (!indicator.levels.includes(level)) continue;
    const siblings = existsIn(indicator, period) ? await resolveValues(context, { indicator, period, level, ...(parent ? { parent } : {}) }) : new Map();
    const own = siblings.get(region.kode);
    const parentValues = above && region.parent ? await resolveValues(context, { indicator, period, level: above }) : undefined;
    const trend = [];
    for (const p of indicator.periods) {
      const values = p === period ? siblings : await resolveValues(context, { indicator, period: p, level, ...(parent ? { parent } : {}) });
      const entry = values.get(region.kode);
      trend.push({ period: p, value: entry?.value ?? null, demo: entry?.demo ?? false });
    }
    const ranking = rank(siblings, region.kode, indicator);
    profiles.push({
      id: indicator.id,
      nama: indicator.nama,
      unit: indicator.unit,
      kelompok: indicator.kelompok,
      value: own?.value ?? null,
      demo: own?.demo ?? false,
      basis: own?.basis ?? null,
      source: own?.source ?? null,
      note: own?.note ?? null,
      ...ranking,
      parent_value: region.parent ? (parentValues?.get(region.parent)?.value ?? null) : null,
      target: indicator.target,
      trend,
    });
  }
  return profiles;
}

/** Rank 1 is the best value: the lowest where lower is better, the highest where higher is better. */
export function rank(
  values: Map<string, { value: number }>,
  kode: string,
  indicator: Pick<IndicatorDefinition, 'direction' | 'kind'>,
): { rank: number | null; ranked_among: number } {
  const own = values.get(kode);
  if (indicator.direction === 'none' || indicator.kind === 'category') return { rank: null, ranked_among: 0 };
  const sorted = [...values.values()].map((v) => v.value).sort((a, b) => (indicator.direction === 'lower' ? a - b : b - a));
  if (!own) return { rank: null, ranked_among: sorted.length };
  // Ties share the better rank.
  const position = sorted.findIndex((value) => value === own.value);
  return { rank: position + 1, ranked_among: sorted.length };
}
