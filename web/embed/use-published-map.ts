import { useMemo } from 'preact/hooks';
import {
  childrenSchema,
  childrenUrl,
  indicatorsResponseSchema,
  indicatorsUrl,
  regionSchema,
  regionUrl,
  valuesResponseSchema,
  valuesUrl,
  type Indicator,
} from '../api/client.ts';
import type { PublishedMap } from '../export/figure.ts';
import type { MapState } from '../map/create-map.ts';
import { NO_OVERLAY } from '../map/overlay.ts';
import { INDONESIA_BOUNDS } from '../map/style.ts';
import { useClasses } from '../state/use-classes.ts';
import { useFetch } from '../state/use-fetch.ts';
import { NATIONAL, type View } from '../state/view.ts';

/** The period shown: the view's when the indicator has it, else its default, else its latest (as ui/app.tsx). */
export function shownPeriod(view: View, indicator: Indicator | null): string | null {
  if (indicator === null) return null;
  if (view.period !== null && indicator.periods.includes(view.period)) return view.period;
  return indicator.default_period ?? indicator.periods.at(-1) ?? null;
}

/**
 * Everything the embed view fetches and paints for a view: the map's state and the published map
 * (null until the figures are in). The explorer has the same pieces in ui/app.tsx.
 */
export function usePublishedMap(view: View, title: string | null): { mapState: MapState; published: PublishedMap | null; error: string | null } {
  const indicators = useFetch(indicatorsUrl(), indicatorsResponseSchema);
  const indicator = indicators.status === 'ok' ? (indicators.data.indicators.find((i) => i.id === view.indicator) ?? null) : null;
  const period = shownPeriod(view, indicator);
  const parent = view.region === NATIONAL ? null : view.region;
  const availableHere = indicator !== null && indicator.levels.includes(view.level);
  const region = useFetch(regionUrl(view.region), regionSchema);
  const values = useFetch(availableHere && period !== null ? valuesUrl({ indicator: view.indicator, period, level: view.level, parent }) : null, valuesResponseSchema);
  const children = useFetch(childrenUrl(view.region), childrenSchema);
  const shown = values.status === 'ok' ? values.data.values : null;
  const nothingToFetch = indicators.status !== 'loading' && !availableHere;
  const valueMap = useMemo(
    () => (shown !== null ? new Map(Object.entries(shown).map(([kode, v]) => [kode, v.value])) : nothingToFetch ? new Map<string, number>() : null),
    [shown, nothingToFetch],
  );
  const classes = useClasses({ view, indicator, period, parent, availableHere, current: valueMap });
  const bounds = region.status === 'ok' ? region.data.bbox : null;
  const mapState = useMemo<MapState>(
    () => ({
      level: view.level,
      parent,
      values: classes.values,
      classification: classes.classed.classification,
      bounds: bounds ?? (view.level === 'provinsi' ? INDONESIA_BOUNDS : null),
      camera: view.camera,
      lockLevel: view.lockLevel,
      selected: null,
      overlay: NO_OVERLAY,
    }),
    [view.level, parent, classes.values, classes.classed.classification, bounds, view.camera, view.lockLevel],
  );
  const regionName = region.status === 'ok' && parent !== null ? region.data.nama : null;
  const published = useMemo<PublishedMap | null>(() => {
    if (indicator === null || indicators.status !== 'ok' || children.status !== 'ok' || (parent !== null && regionName === null)) return null;
    if (availableHere && shown === null) return null;
    return {
      view,
      indicator,
      period,
      unit: values.status === 'ok' ? values.data.unit : indicator.unit,
      regionName,
      values: shown ?? {},
      regions: children.data.children,
      classification: classes.classed.classification,
      lastImport: indicators.data.last_import,
      title,
    };
  }, [view, indicator, indicators, children, regionName, availableHere, shown, period, values, classes.classed.classification, title, parent]);
  const error = [indicators, region, values, children].flatMap((f) => (f.status === 'error' ? [f.message] : []))[0] ?? null;
  return { mapState, published, error };
}
