import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import {
  indicatorsResponseSchema,
  indicatorsUrl,
  regionSchema,
  regionUrl,
  valuesResponseSchema,
  valuesUrl,
  type Indicator,
} from '../api/client.ts';
import { formatValue } from '../format/number.ts';
import { STUNTING_PREVALENCE } from '../map/classes.ts';
import type { MapState, RegionHit } from '../map/create-map.ts';
import { ATTRIBUTION, INDONESIA_BOUNDS } from '../map/style.ts';
import { useFetch } from '../state/use-fetch.ts';
import { useView } from '../state/use-view.ts';
import { drillDown, nationalView, parseView, viewToSearch, type View } from '../state/view.ts';
import { Breadcrumb, type Crumb } from './breadcrumb.tsx';
import { Legend } from './legend.tsx';
import { MapView } from './map-view.tsx';
import { PeriodPicker } from './period-picker.tsx';
import { Tooltip } from './tooltip.tsx';

/** The period shown when the URL names none: the indicator's own default, else its latest. */
function effectivePeriod(view: View, indicator: Indicator | null): string | null {
  if (view.period !== null) return view.period;
  if (indicator === null) return null;
  return indicator.default_period ?? indicator.periods.at(-1) ?? null;
}

export function App() {
  const { view, navigate } = useView();
  const [hover, setHover] = useState<RegionHit | null>(null);

  const indicators = useFetch(indicatorsUrl(), indicatorsResponseSchema);
  const indicator =
    indicators.status === 'ok' ? (indicators.data.indicators.find((i) => i.id === view.indicator) ?? null) : null;
  const period = effectivePeriod(view, indicator);
  const parent = view.level === 'kabkota' ? view.region : null;

  const region = useFetch(regionUrl(view.region), regionSchema);
  const values = useFetch(
    period === null ? null : valuesUrl({ indicator: view.indicator, period, level: view.level, parent }),
    valuesResponseSchema,
  );

  const valueMap = useMemo(
    () =>
      values.status === 'ok'
        ? new Map(Object.entries(values.data.values).map(([kode, v]) => [kode, v.value]))
        : null,
    [values],
  );

  const bounds = region.status === 'ok' ? region.data.bbox : null;
  const mapState = useMemo<MapState>(
    () => ({
      level: view.level,
      parent,
      values: valueMap,
      classification: STUNTING_PREVALENCE,
      bounds: bounds ?? (view.level === 'provinsi' ? INDONESIA_BOUNDS : null),
    }),
    [view.level, parent, valueMap, bounds],
  );

  const regionName = region.status === 'ok' ? region.data.nama : null;
  useEffect(() => {
    document.title =
      view.level === 'kabkota' && regionName ? `${regionName} · Peta Konvergensi Stunting` : 'Peta Konvergensi Stunting';
  }, [view.level, regionName]);

  // A hover belongs to the view it was made in.
  useEffect(() => setHover(null), [view.level, view.region]);

  const onSelect = useCallback(
    (hit: RegionHit) => {
      if (hit.level === 'provinsi') navigate(drillDown(view, hit.kode));
      else setHover(hit); // touch screens have no hover: a tap shows the tooltip
    },
    [view, navigate],
  );

  const crumbs: Crumb[] =
    view.level === 'provinsi'
      ? [{ label: 'Indonesia' }]
      : [{ label: 'Indonesia', href: viewToSearch(nationalView(view)) }, { label: regionName ?? view.region }];

  const unit = values.status === 'ok' ? values.data.unit : (indicator?.unit ?? '');
  const sources =
    values.status === 'ok' ? [...new Set(Object.values(values.data.values).map((v) => v.source))].sort() : [];
  const hasDemo = values.status === 'ok' && Object.values(values.data.values).some((v) => v.demo);

  const errors = [indicators, region, values].flatMap((f) => (f.status === 'error' ? [f.message] : []));
  if (indicators.status === 'ok' && indicator === null) {
    errors.push(`Indikator "${view.indicator}" tidak dikenal.`);
  }

  const tooltip = (() => {
    if (!hover) return null;
    if (hover.level !== view.level) {
      return <Tooltip hit={hover} value="Klik untuk melihat kabupaten/kota" note={null} />;
    }
    const v = values.status === 'ok' ? values.data.values[hover.kode] : undefined;
    if (!v) return <Tooltip hit={hover} value={values.status === 'ok' ? 'Tidak ada data' : 'Memuat…'} note={null} />;
    // `v.note` is left out: in the shipped data it holds transcription notes for maintainers.
    const note = v.demo ? `Data contoh, bukan angka resmi` : `Sumber: ${v.source}`;
    return <Tooltip hit={hover} value={formatValue(v.value, unit)} note={note} />;
  })();

  return (
    <div class="app">
      <aside class="panel" aria-busy={values.status === 'loading' || region.status === 'loading'}>
        <header class="panel-header">
          <h1>Peta Konvergensi Stunting</h1>
          <Breadcrumb crumbs={crumbs} onNavigate={(href) => navigate(parseView(href))} />
        </header>
        <div class="panel-body">
          <p class="indicator-name">
            {indicator?.nama ?? 'Memuat indikator…'}
            {view.level === 'kabkota' ? ', per kabupaten/kota' : ', per provinsi'}
          </p>
          {indicator && (
            <PeriodPicker
              periods={indicator.periods}
              value={period}
              onChange={(p) => navigate({ ...view, period: p })}
            />
          )}
          <Legend title={indicator?.nama ?? 'Nilai'} unit={unit} classification={STUNTING_PREVALENCE} />
          {values.status === 'ok' && (
            <p class="source">
              {sources.length > 0 ? `Sumber: ${sources.join('; ')}` : `Belum ada angka untuk ${period ?? 'periode ini'}.`}
              {hasDemo && ' Sebagian angka adalah data contoh.'}
            </p>
          )}
          <p class="source">{ATTRIBUTION}</p>
          {view.level === 'provinsi' && <p class="hint">Klik provinsi untuk melihat kabupaten/kota.</p>}
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
