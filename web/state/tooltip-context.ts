import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  regionProfileSchema,
  regionProfileUrl,
  valueNumbers,
  valuesResponseSchema,
  valuesUrl,
  type Indicator,
  type RegionValue,
} from '../api/client.ts';
import type { ValueContext } from '../format/region-value.ts';
import { rankable, rankValues } from './ranking.ts';
import { useFetch } from './use-fetch.ts';
import { levelOfCode, NATIONAL, parentOf, type View } from './view.ts';

/**
 * Where the value of the region whose children are shown (the "parent" in the tooltip) comes from.
 * Below Indonesia: /api/values at the region's own level, among its siblings (small and cached).
 * Indonesia has no value in /api/values, but every province's profile carries it as `parent_value`;
 * the first province's profile (Aceh, 11) is read for it, one request per period, cached by the server.
 */
type ParentSource =
  | { readonly kind: 'values'; readonly url: string; readonly kode: string }
  | { readonly kind: 'profile'; readonly url: string; readonly indicator: string };

const ANY_PROVINCE = '11';

export function parentSource(view: View, indicator: Pick<Indicator, 'id' | 'levels'> | null, period: string | null): ParentSource | null {
  if (indicator === null || period === null) return null;
  if (view.region === NATIONAL) {
    if (!indicator.levels.includes('provinsi')) return null;
    return { kind: 'profile', url: regionProfileUrl(ANY_PROVINCE, period), indicator: indicator.id };
  }
  const level = levelOfCode(view.region);
  if (level === null || !indicator.levels.includes(level)) return null;
  const grandparent = parentOf(view.region);
  return {
    kind: 'values',
    url: valuesUrl({ indicator: indicator.id, period, level, parent: grandparent === NATIONAL ? null : grandparent }),
    kode: view.region,
  };
}

/**
 * The value of the region whose children are shown, fetched only once a region is hovered (most
 * visits never hover, and connections are slow), then kept for the view.
 */
function useParentValue(source: ParentSource | null, hovering: boolean): number | null {
  const [asked, setAsked] = useState<string | null>(null);
  useEffect(() => {
    if (hovering && source !== null) setAsked(source.url);
  }, [hovering, source?.url]);
  const wanted = source !== null && asked === source.url ? source : null;
  const values = useFetch(wanted?.kind === 'values' ? wanted.url : null, valuesResponseSchema);
  const profile = useFetch(wanted?.kind === 'profile' ? wanted.url : null, regionProfileSchema);
  if (wanted?.kind === 'values' && values.status === 'ok') return values.data.values[wanted.kode]?.value ?? null;
  if (wanted?.kind === 'profile' && profile.status === 'ok') {
    return profile.data.indicators.find((p) => p.id === wanted.indicator)?.parent_value ?? null;
  }
  return null;
}

/**
 * What the tooltip says about a hovered region besides its own value: its rank among the regions
 * shown (direction-aware, ties share the better rank), the value of the region they are part of,
 * and the period.
 */
export function useTooltipContext(args: {
  view: View;
  indicator: Indicator | null;
  period: string | null;
  shown: Readonly<Record<string, RegionValue>> | null;
  regionName: string | null;
  hovering: boolean;
}): (kode: string) => ValueContext {
  const { view, indicator, period, shown, regionName, hovering } = args;
  // Ranked on the first hover over these values, not when they arrive: sorting 7,285 kecamatan
  // would otherwise sit between the new values and the map's repaint.
  const ranksOnce = useMemo(() => {
    let ranks: ReadonlyMap<string, number> | null | undefined;
    return () =>
      (ranks ??=
        shown !== null && indicator !== null && rankable(indicator)
          ? rankValues(valueNumbers(shown), indicator.direction)
          : null);
  }, [shown, indicator]);
  const source = useMemo(() => parentSource(view, indicator, period), [view, indicator, period]);
  const parentValue = useParentValue(source, hovering);
  const parentName = view.region === NATIONAL ? 'Indonesia' : (regionName ?? view.region);
  return (kode) => {
    const ranks = ranksOnce();
    const rank = ranks?.get(kode);
    return {
      rank: rank === undefined || ranks === null ? null : { rank, of: ranks.size },
      level: view.level,
      parent: parentValue === null ? null : { name: parentName, value: parentValue },
      period,
    };
  };
}
