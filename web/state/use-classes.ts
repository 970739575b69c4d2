import { useMemo, useRef } from 'preact/hooks';
import { valueNumbers, valuesResponseSchema, valuesUrl, type Indicator } from '../api/client.ts';
import { changeValues } from '../map/change.ts';
import { STUNTING_PREVALENCE } from '../map/classes.ts';
import { changeAvailable, classify, type Classed } from '../map/classify.ts';
import { useFetch, type Fetched } from './use-fetch.ts';
import type { View } from './view.ts';

/**
 * What the map paints and the legend explains: the values of the period shown, or in change mode
 * (the view's `compare`) the difference from the earlier period, with their classes.
 */
export interface ClassedValues {
  /** Values painted, by region code; null while loading. */
  readonly values: ReadonlyMap<string, number> | null;
  readonly classed: Classed;
  /** The earlier period of change mode, or null when the map shows one period. */
  readonly compare: string | null;
  /** The earlier period's answer (errors, demonstration flags); idle outside change mode. */
  readonly compareFetch: Fetched<unknown>;
  /** Whether any value of the earlier period is demonstration data. */
  readonly compareDemo: boolean;
}

/** The earlier period of change mode: the view's, when the indicator has it and it is before `period`. */
export function effectiveCompare(view: View, indicator: Indicator | null, period: string | null): string | null {
  if (view.compare === null || indicator === null || period === null) return null;
  if (!changeAvailable(indicator) || !indicator.periods.includes(view.compare)) return null;
  return view.compare < period ? view.compare : null;
}

const FALLBACK: Classed = { classification: STUNTING_PREVALENCE, method: 'auto', center: null, unavailable: null };

export function useClasses(input: {
  view: View;
  indicator: Indicator | null;
  period: string | null;
  parent: string | null;
  availableHere: boolean;
  /** The period's values, or null while they load. */
  current: ReadonlyMap<string, number> | null;
}): ClassedValues {
  const { view, indicator, period, parent, availableHere, current } = input;
  const compare = availableHere ? effectiveCompare(view, indicator, period) : null;
  const earlier = useFetch(
    compare !== null ? valuesUrl({ indicator: view.indicator, period: compare, level: view.level, parent }) : null,
    valuesResponseSchema,
  );
  const earlierValues = earlier.status === 'ok' ? earlier.data.values : null;
  const values = useMemo(() => {
    if (compare === null) return current;
    if (current === null || earlierValues === null) return null;
    return changeValues(current, valueNumbers(earlierValues));
  }, [compare, current, earlierValues]);
  // While another period loads (a step of play), the classes stay as they were rather than
  // collapsing to one class for no values: the map keeps its old colours until the new ones arrive.
  const last = useRef<{ key: string; classed: Classed } | null>(null);
  const key = JSON.stringify([indicator?.id, view.classMethod, view.breaks, compare !== null, view.level, parent]);
  const classed = useMemo(() => {
    if (indicator === null) return FALLBACK;
    if (values === null && last.current?.key === key) return last.current.classed;
    const fresh = classify({ indicator, values: values?.values() ?? [], method: view.classMethod, breaks: view.breaks, change: compare !== null });
    if (values !== null) last.current = { key, classed: fresh };
    return fresh;
  }, [indicator, values, key, view.classMethod, view.breaks, compare]);
  const compareDemo = earlierValues !== null && Object.values(earlierValues).some((v) => v.demo);
  return { values, classed, compare, compareFetch: earlier, compareDemo };
}
