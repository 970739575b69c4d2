import { h, type ComponentChild } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { aksiSummarySchema, aksiTableSchema } from '../../shared/api/aksi.ts';
import { valueNumbers, valuesResponseSchema, valuesUrl, type Indicator } from '../api/client.ts';
import { formatBreak, formatRupiahShort } from '../format/number.ts';
import { t } from '../i18n/i18n.ts';
import { bivariate, bivariateClassification, type Bivariate } from '../map/bivariate.ts';
import { categorical } from '../map/classify.ts';
import type { Classification } from '../map/classes.ts';
import type { MapState, RegionHit } from '../map/create-map.ts';
import { AksiPanel } from '../ui/aksi-panel.tsx';
import { BudgetPanel, bivariateLabels } from '../ui/budget-panel.tsx';
import { useFetch } from './use-fetch.ts';
import { drillDown, NATIONAL, type View } from './view.ts';

/**
 * The supervision views "Aksi konvergensi" and "Anggaran vs hasil": what the map paints instead of
 * the explored indicator (always kab/kota: of the whole country, or of the province shown), the
 * panel beside it, and what a click and a hover on the map mean there. Returns null parts outside
 * those two modes, so the app keeps its own.
 */

export interface AksiSupervision {
  /** What replaces the explored indicator on the map; null outside these modes. */
  readonly map: Pick<MapState, 'level' | 'parent' | 'values' | 'classification' | 'highlightClass' | 'lockLevel' | 'hoverRegion'> | null;
  readonly panel: ComponentChild;
  /** A click on a kab/kota: select it (and open its province from the national map). */
  readonly onSelect: ((hit: RegionHit) => void) | null;
  /** The tooltip line of a kab/kota under the pointer. */
  readonly tooltip: ((kode: string) => string | null) | null;
}

const CATEGORY_ID = 'kategori_kinerja';
const BUDGET_ID = 'anggaran_per_anak';
const PREVALENCE_ID = 'prevalensi_stunting';
/** The year of most published kab/kota prevalence (SSGI 2022: 134 of 514), the budget view's first. */
const BUDGET_PERIOD = '2022';

const NONE: AksiSupervision = { map: null, panel: null, onSelect: null, tooltip: null };

/** The province whose kab/kota are shown: the region's, or null for all of Indonesia. */
export function provinceOf(region: string): string | null {
  return region === NATIONAL ? null : region.slice(0, 2);
}

/** The year shown: the URL's when it has data, else `preferred` when it has, else the latest. */
export function periodFor(view: View, periods: readonly string[], preferred: string | null): string | null {
  if (view.period !== null && periods.includes(view.period)) return view.period;
  if (preferred !== null && periods.includes(preferred)) return preferred;
  return periods.at(-1) ?? null;
}

function valueMap(values: Record<string, { value: number }> | null): Map<string, number> | null {
  return values === null ? null : valueNumbers(values);
}

export function useAksi(input: {
  view: View;
  indicators: readonly Indicator[] | null;
  /** The region under the mouse on the map, highlighted in the panel. */
  hoverKode: string | null;
  navigate(next: View): void;
}): AksiSupervision {
  const { view, indicators, navigate } = input;
  const mode = view.mode === 'aksi' || view.mode === 'budget' ? view.mode : null;
  const province = provinceOf(view.region);
  const find = (id: string) => indicators?.find((i) => i.id === id) ?? null;
  const category = find(CATEGORY_ID);
  const budgetIndicator = find(BUDGET_ID);
  const prevalenceIndicator = find(PREVALENCE_ID);
  // A region pointed at in the panel (a point of the scatterplot, a row of the table).
  const [pointed, setPointed] = useState<string | null>(null);

  const aksiPeriods = category?.periods ?? [];
  const budgetPeriods = (budgetIndicator?.periods ?? []).filter((p) => prevalenceIndicator?.periods.includes(p));
  const period =
    mode === 'aksi'
      ? periodFor(view, aksiPeriods, category?.default_period ?? null)
      : mode === 'budget'
        ? periodFor(view, budgetPeriods, BUDGET_PERIOD)
        : null;

  const kabkota = (indicator: string) => (period === null ? null : valuesUrl({ indicator, period, level: 'kabkota', parent: province }));
  const categories = useFetch(mode === 'aksi' ? kabkota(CATEGORY_ID) : null, valuesResponseSchema);
  const summary = useFetch(mode === 'aksi' ? '/api/aksi/summary' : null, aksiSummarySchema);
  const table = useFetch(
    mode === 'aksi' && province !== null && period !== null ? `/api/aksi?period=${period}&parent=${province}` : null,
    aksiTableSchema,
  );
  // Kab/kota names for the scatterplot: the aksi table lists every kab/kota of the area, whatever the year.
  const namesPeriod = category?.default_period ?? aksiPeriods.at(-1) ?? null;
  const names = useFetch(
    mode === 'budget' && namesPeriod !== null ? `/api/aksi?period=${namesPeriod}${province === null ? '' : `&parent=${province}`}` : null,
    aksiTableSchema,
  );
  const nameMap = useMemo(() => new Map(names.status === 'ok' ? names.data.rows.map((r) => [r.kode, r.nama]) : []), [names]);
  const budget = useFetch(mode === 'budget' ? kabkota(BUDGET_ID) : null, valuesResponseSchema);
  const prevalence = useFetch(mode === 'budget' ? kabkota(PREVALENCE_ID) : null, valuesResponseSchema);

  const categoryValues = useMemo(() => valueMap(categories.status === 'ok' ? categories.data.values : null), [categories]);
  const budgetValues = useMemo(() => valueMap(budget.status === 'ok' ? budget.data.values : null), [budget]);
  const prevalenceValues = useMemo(() => valueMap(prevalence.status === 'ok' ? prevalence.data.values : null), [prevalence]);
  const classed = useMemo<Bivariate | null>(
    () => (budgetValues && prevalenceValues ? bivariate(budgetValues, prevalenceValues) : null),
    [budgetValues, prevalenceValues],
  );
  const aksiClassification = useMemo(() => categorical(category?.categories ?? ['Bertumbuh', 'Berkembang', 'Berdaya']), [category]);
  const budgetClassification = useMemo(() => bivariateClassification(bivariateLabels()), [view.lang]);
  const cellValues = useMemo(() => (classed ? new Map(classed.cells) : null), [classed]);
  const classification: Classification = mode === 'aksi' ? aksiClassification : budgetClassification;
  const shownValues = mode === 'aksi' ? categoryValues : cellValues;
  // One object per change, so that the map is only given a new state when something changed.
  const map = useMemo(
    () => ({
      level: 'kabkota' as const,
      parent: province,
      values: shownValues,
      classification,
      highlightClass: null,
      lockLevel: true,
      hoverRegion: pointed,
    }),
    [province, shownValues, classification, pointed],
  );

  if (mode === null || period === null) return NONE;

  const select = (hit: RegionHit) => {
    // A neighbouring province around the one shown: go there.
    if (hit.level === 'provinsi') {
      const next = drillDown(view, hit.kode);
      if (next) navigate(next);
      return;
    }
    if (hit.level !== 'kabkota') return;
    const home = hit.kode.slice(0, 2);
    const next = province === home ? view : drillDown(view, home);
    if (next) navigate({ ...next, selected: hit.kode });
  };
  const onPeriod = (next: string) => navigate({ ...view, period: next });
  const highlighted = pointed ?? input.hoverKode;
  const errors = [categories, summary, table, names, budget, prevalence].flatMap((f) => (f.status === 'error' ? [f.message] : []));

  if (mode === 'aksi') {
    const names = category?.categories ?? [];
    return {
      map,
      onSelect: select,
      tooltip: (kode) => {
        const v = categoryValues?.get(kode);
        return v === undefined ? null : (names[Math.round(v)] ?? null);
      },
      panel: h(AksiPanel, {
        period,
        periods: aksiPeriods,
        onPeriod,
        province,
        categories: aksiClassification,
        categoryValues,
        summary: summary.status === 'ok' ? summary.data : null,
        table: table.status === 'ok' ? table.data : null,
        selected: view.selected,
        highlighted,
        onPoint: setPointed,
        onChoose: (kode: string) => navigate({ ...view, selected: kode }),
        errors,
      }),
    };
  }
  return {
    map,
    onSelect: select,
    tooltip: (kode) => {
      const money = budget.status === 'ok' ? budget.data.values[kode]?.value : undefined;
      const rate = prevalence.status === 'ok' ? prevalence.data.values[kode]?.value : undefined;
      if (money === undefined && rate === undefined) return null;
      return t('budgetMode.tooltip', {
        budget: money === undefined ? t('common.noData') : formatRupiahShort(money),
        prevalence: rate === undefined ? t('common.noData') : `${formatBreak(rate)}%`,
      });
    },
    panel: h(BudgetPanel, {
      period,
      periods: budgetPeriods,
      onPeriod,
      province,
      provinceName: names.status === 'ok' ? (names.data.rows[0]?.provinsi_nama ?? null) : null,
      names: nameMap,
      classed,
      budget: budget.status === 'ok' ? budget.data.values : null,
      prevalence: prevalence.status === 'ok' ? prevalence.data.values : null,
      highlighted,
      onPoint: setPointed,
      onChoose: (kode: string) => navigate({ ...view, selected: kode }),
      errors,
    }),
  };
}
