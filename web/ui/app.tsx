import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
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
import { breakFormatFor } from '../format/number.ts';
import { setLanguage } from '../i18n/i18n.ts';
import { describeValue } from '../format/region-value.ts';
import { STUNTING_PREVALENCE } from '../map/classes.ts';
import { classificationFor, schemeFor } from '../map/classify.ts';
import type { MapState, RegionHit } from '../map/create-map.ts';
import { ATTRIBUTION, INDONESIA_BOUNDS } from '../map/style.ts';
import { levelsText, viewWithIndicator } from '../state/indicator-groups.ts';
import { useFetch } from '../state/use-fetch.ts';
import { useView } from '../state/use-view.ts';
import {
  ancestorCodes,
  childLevelOf,
  drillDown,
  LEVEL_NAMES,
  levelBelow,
  NATIONAL,
  nationalView,
  parseView,
  viewToSearch,
  type View,
} from '../state/view.ts';
import { Breadcrumb, type Crumb } from './breadcrumb.tsx';
import { IndicatorPicker } from './indicator-picker.tsx';
import { Legend } from './legend.tsx';
import { MapView } from './map-view.tsx';
import { MissingBoundaries } from './missing-boundaries.tsx';
import { PeriodPicker } from './period-picker.tsx';
import { Tooltip } from './tooltip.tsx';

/** The period shown: the URL's when the indicator has it, else the indicator's default, else its latest. */
function effectivePeriod(view: View, indicator: Indicator | null): string | null {
  if (indicator === null) return null;
  if (view.period !== null && indicator.periods.includes(view.period)) return view.period;
  return indicator.default_period ?? indicator.periods.at(-1) ?? null;
}

/** How the classes were made, in a sentence under the legend. */
function legendNotes(indicator: Indicator | null): string[] {
  if (!indicator) return [];
  const target = indicator.target !== null ? [`Target nasional: ${String(indicator.target).replace('.', ',')}${indicator.unit}.`] : [];
  switch (schemeFor(indicator)) {
    case 'prevalence':
      return ['Kelas menurut ambang WHO (10, 20, 30%) dan target nasional 14%.'];
    case 'coverage':
      return ['Warna tua: cakupan rendah, perlu perhatian.', ...target];
    case 'quantile':
      return ['Kelas kuantil: tiap kelas berisi kira-kira sama banyak wilayah; batas dibulatkan.', ...target];
    case 'category':
      return [];
  }
}

export function App() {
  const { view, navigate } = useView();
  // Before any child renders: every component renders in the view's language.
  setLanguage(view.lang);
  const [hover, setHover] = useState<RegionHit | null>(null);

  const indicators = useFetch(indicatorsUrl(), indicatorsResponseSchema);
  const indicator =
    indicators.status === 'ok' ? (indicators.data.indicators.find((i) => i.id === view.indicator) ?? null) : null;
  const period = effectivePeriod(view, indicator);
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
        ? new Map(Object.entries(shown).map(([kode, v]) => [kode, v.value]))
        : nothingToFetch
          ? new Map<string, number>()
          : null,
    [shown, nothingToFetch],
  );
  const classification = useMemo(
    () => (indicator === null ? STUNTING_PREVALENCE : classificationFor(indicator, valueMap?.values() ?? [])),
    [indicator, valueMap],
  );

  const bounds = region.status === 'ok' ? region.data.bbox : null;
  const mapState = useMemo<MapState>(
    () => ({
      level: view.level,
      parent,
      values: valueMap,
      classification,
      bounds: bounds ?? (view.level === 'provinsi' ? INDONESIA_BOUNDS : null),
    }),
    [view.level, parent, valueMap, classification, bounds],
  );

  // Only desa lack polygons (361 of them): one request lists the children of the kecamatan shown.
  const children = useFetch(view.level === 'desa' && parent !== null ? childrenUrl(parent) : null, childrenSchema);
  const missing = {
    regions: children.status === 'ok' ? children.data.children.filter((child) => !child.has_geometry) : null,
    error: children.status === 'error' ? children.message : null,
  };

  const regionName = region.status === 'ok' ? region.data.nama : null;
  useEffect(() => {
    document.title = regionName && parent !== null ? `${regionName} · Peta Konvergensi Stunting` : 'Peta Konvergensi Stunting';
  }, [parent, regionName]);

  // A hover belongs to the view it was made in.
  useEffect(() => setHover(null), [view.level, view.region]);

  const onSelect = useCallback(
    (hit: RegionHit) => {
      // A desa has nothing below it: a tap shows its tooltip (touch screens have no hover).
      const next = drillDown(view, hit.kode);
      if (next) navigate(next);
      else setHover(hit);
    },
    [view, navigate],
  );

  const ancestorNames = new Map(region.status === 'ok' ? region.data.ancestors.map((a) => [a.kode, a.nama]) : []);
  // Every ancestor is a link to its children; the region shown is the last, plain crumb.
  const crumbs: Crumb[] =
    view.region === NATIONAL
      ? [{ label: 'Indonesia' }]
      : [
          ...[NATIONAL, ...ancestorCodes(view.region)].map((kode) => ({
            label: kode === NATIONAL ? 'Indonesia' : (ancestorNames.get(kode) ?? kode),
            href: viewToSearch(kode === NATIONAL ? nationalView(view) : (drillDown(view, kode) ?? view)),
          })),
          { label: regionName ?? view.region },
        ];

  const unit = values.status === 'ok' ? values.data.unit : (indicator?.unit ?? '');
  const all = shown === null ? [] : Object.values(shown);
  const sources = [...new Set(all.filter((v) => !v.demo).map((v) => v.source))].sort();
  const hasDemo = all.some((v) => v.demo);

  const errors = [indicators, region, values].flatMap((f) => (f.status === 'error' ? [f.message] : []));
  if (missing.error) errors.push(missing.error);
  if (indicators.status === 'ok' && indicator === null) errors.push(`Indikator "${view.indicator}" tidak dikenal.`);

  const tooltip = (() => {
    if (!hover) return null;
    if (hover.level !== view.level) {
      return <Tooltip hit={hover} value={`Klik untuk melihat ${LEVEL_NAMES[view.level].many} di wilayah ini`} />;
    }
    const inside = childLevelOf(hover.kode);
    const hint = inside ? `Klik untuk melihat ${LEVEL_NAMES[inside].many}` : null;
    if (!availableHere) return <Tooltip hit={hover} value="Indikator ini tidak tersedia di tingkat ini" hint={hint} />;
    const v = shown?.[hover.kode];
    if (!indicator || !v) return <Tooltip hit={hover} value={shown ? 'Tidak ada data' : 'Memuat…'} hint={hint} />;
    return <Tooltip hit={hover} value={describeValue(v, indicator)} hint={hint} />;
  })();

  const below = levelBelow(view.level);
  const where = parent === null ? 'di Indonesia' : `di ${regionName ?? view.region}`;

  return (
    <div class="app">
      <aside class="panel" aria-busy={values.status === 'loading' || region.status === 'loading'}>
        <header class="panel-header">
          <h1>Peta Konvergensi Stunting</h1>
          <Breadcrumb crumbs={crumbs} onNavigate={(href) => navigate(parseView(href))} />
        </header>
        <div class="panel-body">
          {indicators.status === 'ok' ? (
            <IndicatorPicker
              indicators={indicators.data.indicators}
              view={view}
              onChange={(chosen) => {
                const next = viewWithIndicator(view, chosen);
                if (next) navigate(next);
              }}
            />
          ) : (
            <p class="indicator-name">Memuat indikator…</p>
          )}
          <p class="indicator-name">
            Per {LEVEL_NAMES[view.level].many} {where}
          </p>
          {indicator && (
            <PeriodPicker periods={indicator.periods} value={period} onChange={(p) => navigate({ ...view, period: p })} />
          )}
          {indicator && !availableHere && (
            <p class="notice" role="status">
              {indicator.nama} tidak tersedia per {LEVEL_NAMES[view.level].many} (hanya per {levelsText(indicator.levels)}).
              Pilih indikator lain, atau naik ke tingkat di atas lewat navigasi wilayah.
            </p>
          )}
          <Legend
            title={indicator?.nama ?? 'Nilai'}
            unit={unit}
            classification={classification}
            formatBreak={breakFormatFor(unit)}
            notes={legendNotes(indicator)}
            demo={hasDemo}
          />
          {missing.regions && missing.regions.length > 0 && shown && indicator && (
            <MissingBoundaries regions={missing.regions} values={shown} indicator={indicator} />
          )}
          {values.status === 'ok' && (
            <p class="source">
              {sources.length > 0 && `Sumber: ${sources.join('; ')}. `}
              {hasDemo && 'Angka bertanda demonstrasi dibuat oleh program untuk mencoba peta, bukan data nyata. '}
              {all.length === 0 && `Belum ada angka untuk ${period ?? 'periode ini'}.`}
            </p>
          )}
          <p class="source">{ATTRIBUTION}</p>
          {below !== null && <p class="hint">Klik wilayah untuk melihat {LEVEL_NAMES[below].many} di dalamnya.</p>}
          {errors.map((message) => (
            <p key={message} class="error" role="alert">
              Gagal memuat data: {message}
            </p>
          ))}
        </div>
      </aside>
      <main class="map-wrap">
        <MapView state={mapState} onHover={setHover} onSelect={onSelect} />
        {tooltip}
      </main>
    </div>
  );
}
