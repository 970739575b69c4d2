import { useMemo } from 'preact/hooks';
import type { PublishedMap } from '../export/figure.ts';
import type { MapState } from '../map/create-map.ts';
import { NO_OVERLAY } from '../map/overlay.ts';
import { INDONESIA_BOUNDS } from '../map/style.ts';
import { useViewFigures } from '../state/use-view-figures.ts';
import type { View } from '../state/view.ts';

/**
 * Everything the embed view fetches and paints for a view: the map's state and the published map
 * (null until the figures are in), from the same figures as the explorer (state/use-view-figures.ts).
 */
export function usePublishedMap(view: View, title: string | null): { mapState: MapState; published: PublishedMap | null; error: string | null } {
  const { indicators, indicator, period, parent, availableHere, region, values, shown, classes, children } = useViewFigures(view);
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
