import { h, type ComponentChild } from 'preact';
import { useMemo } from 'preact/hooks';
import { CLUSTERS, clustersResponseSchema, laggingResponseSchema, type ClustersWire, type LaggingWire } from '../../shared/api/supervision.ts';
import type { Indicator } from '../api/client.ts';
import { t } from '../i18n/i18n.ts';
import { makeClassification, type Classification } from '../map/classes.ts';
import type { MapState } from '../map/create-map.ts';
import { CLUSTER_COLORS, LAGGING_COLORS } from '../map/supervision-colors.ts';
import { ClustersPanel } from '../ui/clusters-panel.tsx';
import { LaggingPanel, reasonText } from '../ui/lagging-panel.tsx';
import { useFetch } from './use-fetch.ts';
import { NATIONAL, type Level, type View } from './view.ts';

/**
 * The supervision views "Tertinggal" (children lagging behind, GET /api/regions/{kode}/lagging) and
 * "Klaster" (LISA clusters, GET /api/clusters): what the map paints instead of the indicator's values,
 * and the panel shown under the indicator and period pickers. Null parts outside those modes, so the
 * app keeps its own.
 */
export interface Supervision {
  readonly map: Pick<MapState, 'values' | 'classification' | 'highlightClass'> | null;
  readonly panel: ComponentChild;
  /** The tooltip line of a region under the pointer. */
  readonly tooltip: ((kode: string) => string | null) | null;
}

const NONE: Supervision = { map: null, panel: null, tooltip: null };

export function laggingClassification(): Classification {
  return makeClassification([1, 2, 3], [...LAGGING_COLORS], [t('lagging.class.0'), t('lagging.class.1'), t('lagging.class.2'), t('lagging.class.3')]);
}

export function clusterClassification(): Classification {
  return makeClassification([1, 2, 3, 4, 5], [...CLUSTER_COLORS], CLUSTERS.map((c) => t(`clusters.class.${c}`)));
}

/**
 * The regions LISA is computed over for the level shown: the whole country for provinces and kab/kota,
 * the province for kecamatan, the kab/kota for desa (enough neighbours to find a cluster, few enough
 * to answer at once). The map still paints only the children of the region shown.
 */
export function clusterScope(view: Pick<View, 'level' | 'region'>): string | null {
  if (view.region === NATIONAL || view.level === 'provinsi' || view.level === 'kabkota') return null;
  return view.level === 'kecamatan' ? view.region.slice(0, 2) : view.region.slice(0, 5);
}

export function laggingUrl(region: string, indicator: string, period: string, format: '' | '.csv' | '.xlsx' = ''): string {
  return `/api/regions/${encodeURIComponent(region)}/lagging${format}?${new URLSearchParams({ indicator, period })}`;
}

export function clustersUrl(q: { indicator: string; period: string; level: Level; parent: string | null }): string {
  const params = new URLSearchParams({ indicator: q.indicator, period: q.period, level: q.level });
  if (q.parent) params.set('parent', q.parent);
  return `/api/clusters?${params}`;
}

/** Codes of the regions painted: the children of the region shown. */
const shownHere = (view: Pick<View, 'region'>) => (kode: string) => view.region === NATIONAL || kode.startsWith(`${view.region}.`);

export function useSupervision(input: { view: View; indicator: Indicator | null; period: string | null; navigate(next: View): void }): Supervision {
  const { view, indicator, period, navigate } = input;
  const ready = indicator !== null && period !== null && indicator.levels.includes(view.level);
  const lagging = useFetch(
    view.mode === 'lagging' && ready ? laggingUrl(view.region, indicator.id, period) : null,
    laggingResponseSchema,
  );
  const clusters = useFetch(
    view.mode === 'clusters' && ready && indicator.kind !== 'category'
      ? clustersUrl({ indicator: indicator.id, period, level: view.level, parent: clusterScope(view) })
      : null,
    clustersResponseSchema,
  );
  const laggingData = lagging.status === 'ok' ? lagging.data : null;
  const clusterData = clusters.status === 'ok' ? clusters.data : null;

  const laggingMap = useMemo(() => (laggingData ? laggingValues(laggingData) : null), [laggingData]);
  const clusterMap = useMemo(() => (clusterData ? clusterValues(clusterData, shownHere(view)) : null), [clusterData, view.region]);
  const laggingClasses = useMemo(laggingClassification, [view.lang]);
  const clusterClasses = useMemo(clusterClassification, [view.lang]);
  const laggingMapState = useMemo(
    () => ({ values: laggingMap ?? (ready ? null : new Map<string, number>()), classification: laggingClasses, highlightClass: null }),
    [laggingMap, laggingClasses, ready],
  );
  const clusterMapState = useMemo(
    () => ({ values: clusterMap ?? (ready ? null : new Map<string, number>()), classification: clusterClasses, highlightClass: null }),
    [clusterMap, clusterClasses, ready],
  );

  if (view.mode === 'lagging') {
    const byKode = new Map((laggingData?.children ?? []).map((child) => [child.kode, child]));
    return {
      map: laggingMapState,
      panel: h(LaggingPanel, { view, indicator, period, fetched: lagging, classification: laggingClasses, navigate }),
      tooltip: (kode) => {
        const child = byKode.get(kode);
        if (!child || !laggingData) return null;
        return child.flags === 0 ? t('lagging.class.0') : child.reasons.map((reason) => reasonText(reason, child, laggingData)).join('; ');
      },
    };
  }
  if (view.mode === 'clusters') {
    return {
      map: clusterMapState,
      panel: h(ClustersPanel, { view, indicator, period, fetched: clusters, classification: clusterClasses }),
      tooltip: (kode) => {
        const region = clusterData?.regions[kode];
        if (!region) return null;
        const name = t(`clusters.class.${region.cluster}`);
        return region.p === null ? name : `${name} (p = ${region.p.toFixed(3)})`;
      },
    };
  }
  return NONE;
}

/** Each child's flag count, capped at 3 (the last class is "3 or more"). */
function laggingValues(data: LaggingWire): Map<string, number> {
  return new Map(data.children.map((child) => [child.kode, Math.min(child.flags, 3)]));
}

/** Each shown region's cluster as its index in CLUSTERS (the classes of clusterClassification). */
export function clusterValues(data: ClustersWire, shown: (kode: string) => boolean): Map<string, number> {
  const out = new Map<string, number>();
  for (const [kode, region] of Object.entries(data.regions)) if (shown(kode)) out.set(kode, CLUSTERS.indexOf(region.cluster));
  return out;
}

export { shownHere, CLUSTER_COLORS, LAGGING_COLORS };
