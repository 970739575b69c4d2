import { useMemo } from 'preact/hooks';
import {
  childrenSchema,
  childrenUrl,
  indicatorsResponseSchema,
  indicatorsUrl,
  regionSchema,
  regionUrl,
  valueNumbers,
  valuesResponseSchema,
  valuesUrl,
  type Indicator,
} from '../api/client.ts';
import { useClasses } from './use-classes.ts';
import { useFetch } from './use-fetch.ts';
import { isDeepView, NATIONAL, type View } from './view.ts';

/** The period shown: the view's when the indicator has it, else the indicator's default, else its latest. */
function shownPeriod(view: View, indicator: Indicator | null): string | null {
  if (indicator === null) return null;
  if (view.period !== null && indicator.periods.includes(view.period)) return view.period;
  return indicator.default_period ?? indicator.periods.at(-1) ?? null;
}

/**
 * What a view shows, fetched and classed: the indicator and period, the region, the regions painted
 * (its children, or every region of the level inside it) and their values with their classes. The
 * explorer (ui/app.tsx) and the embed (embed/use-published-map.ts) both draw from this.
 */
export function useViewFigures(view: View) {
  const indicators = useFetch(indicatorsUrl(), indicatorsResponseSchema);
  const indicator = indicators.status === 'ok' ? (indicators.data.indicators.find((i) => i.id === view.indicator) ?? null) : null;
  const period = shownPeriod(view, indicator);
  const parent = view.region === NATIONAL ? null : view.region;
  const availableHere = indicator !== null && indicator.levels.includes(view.level);

  const region = useFetch(regionUrl(view.region), regionSchema);
  const values = useFetch(
    availableHere && period !== null ? valuesUrl({ indicator: view.indicator, period, level: view.level, parent }) : null,
    valuesResponseSchema,
  );
  const shown = values.status === 'ok' ? values.data.values : null;
  // An indicator that is not reported here draws every region as "tidak ada data" rather than waiting forever.
  const nothingToFetch = indicators.status !== 'loading' && !availableHere;
  const valueMap = useMemo(
    () =>
      shown !== null
        ? valueNumbers(shown)
        : nothingToFetch
          ? new Map<string, number>()
          : null,
    [shown, nothingToFetch],
  );
  // Classes, and in change mode the differences from the earlier period (state/use-classes.ts).
  const classes = useClasses({ view, indicator, period, parent, availableHere, current: valueMap });
  // The regions shown, by name (and, for desa, whether they have a polygon) with their label points.
  const children = useFetch(childrenUrl(view.region, isDeepView(view) ? view.level : undefined), childrenSchema);

  return { indicators, indicator, period, parent, availableHere, region, values, shown, classes, children };
}
