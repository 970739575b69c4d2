import { useMemo } from 'preact/hooks';
import { valueNumbers, valuesResponseSchema, valuesUrl, type ChildRegion, type Indicator } from '../api/client.ts';
import { BUDGET_INDICATOR, budgetCircles, referenceValues } from '../map/budget-circles.ts';
import type { MapLabel, MapOverlay } from '../map/overlay.ts';
import { labelText } from '../map/region-labels.ts';
import { useFetch, type Fetched } from './use-fetch.ts';
import { isDeepView, NATIONAL, type View } from './view.ts';

/** Names are on unless chosen off, except for the 38 provinces, which people know by their shape. */
export function labelsShown(view: View): boolean {
  // Off by default where the regions are thousands of specks (a level chosen below the children):
  // the few names that fit would say little; the switch still turns them on.
  return view.labels ?? (view.level !== 'provinsi' && !isDeepView(view));
}

/** Whether the layers over the map need the label points of the regions shown. */
export function overlayNeedsChildren(view: View): boolean {
  return labelsShown(view) || view.budgetCircles;
}

/** The budget year drawn: the year shown when the budget has it, else the budget's own default, else its latest. */
export function budgetPeriod(budget: Pick<Indicator, 'periods' | 'default_period'>, shown: string | null): string | null {
  if (shown !== null && budget.periods.includes(shown)) return shown;
  return budget.default_period ?? budget.periods.at(-1) ?? null;
}

export type BudgetLayer =
  | { readonly status: 'off' }
  /** Budget is not reported at the level shown (kecamatan, desa). */
  | { readonly status: 'unavailable' }
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | {
      readonly status: 'ok';
      readonly period: string;
      /** The amount the largest circle stands for. */
      readonly max: number;
      readonly demo: boolean;
      readonly count: number;
      /** Round amounts for the size legend, largest first. */
      readonly references: readonly number[];
    };

/**
 * The layers drawn over the choropleth for a view: names of the regions shown, and budget circles.
 * `children` are the regions shown with their label points (fetched once by the app, which also
 * needs them for desa without boundaries).
 */
export function useOverlay(
  view: View,
  indicators: readonly Indicator[] | null,
  period: string | null,
  children: Fetched<{ children: readonly ChildRegion[] }>,
): { overlay: MapOverlay; budget: BudgetLayer } {
  const budgetIndicator = indicators?.find((i) => i.id === BUDGET_INDICATOR) ?? null;
  const budgetHere = budgetIndicator !== null && budgetIndicator.levels.includes(view.level);
  const year = budgetIndicator === null ? null : budgetPeriod(budgetIndicator, period);
  const parent = view.region === NATIONAL ? null : view.region;
  const values = useFetch(
    view.budgetCircles && budgetHere && year !== null
      ? valuesUrl({ indicator: BUDGET_INDICATOR, period: year, level: view.level, parent })
      : null,
    valuesResponseSchema,
  );

  const regions = children.status === 'ok' ? children.data.children : null;
  const showLabels = labelsShown(view);

  const labels = useMemo<MapLabel[] | null>(
    () =>
      showLabels && regions !== null
        ? regions.flatMap((r) => (r.label === null ? [] : [{ kode: r.kode, text: labelText(r.nama), position: r.label, priority: r.area_km2 ?? 0 }]))
        : null,
    [showLabels, regions],
  );

  const budgetData = values.status === 'ok' ? values.data : null;
  const drawn = useMemo(() => {
    if (budgetData === null || regions === null) return null;
    const amounts = valueNumbers(budgetData.values);
    return { ...budgetCircles(regions, amounts), demo: Object.values(budgetData.values).some((v) => v.demo) };
  }, [budgetData, regions]);

  const overlay = useMemo<MapOverlay>(() => ({ labels, circles: drawn?.circles ?? null }), [labels, drawn]);

  const budget: BudgetLayer = !view.budgetCircles
    ? { status: 'off' }
    : indicators !== null && !budgetHere
      ? { status: 'unavailable' }
      : values.status === 'error'
        ? { status: 'error', message: values.message }
        : children.status === 'error'
          ? { status: 'error', message: children.message }
          : drawn === null || year === null
            ? { status: 'loading' }
            : {
                status: 'ok',
                period: year,
                max: drawn.max,
                demo: drawn.demo,
                count: drawn.circles.length,
                references: referenceValues(drawn.max),
              };
  return { overlay, budget };
}
