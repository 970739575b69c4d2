import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { breakFormatFor } from '../format/number.ts';
import { setLanguage, t } from '../i18n/i18n.ts';
import { describeValue } from '../format/region-value.ts';
import { changeAvailable } from '../map/classify.ts';
import type { MapHandle, MapState, RegionHit } from '../map/create-map.ts';
import { toPublishedMap } from '../export/figure.ts';
import { viewAfterZoom } from '../map/level-zoom.ts';
import { INDONESIA_BOUNDS } from '../map/style.ts';
import { indicatorName, levelsText, viewWithIndicator } from '../state/indicator-groups.ts';
import { useAksi } from '../state/use-aksi.ts';
import { useSupervision } from '../state/use-supervision.ts';
import { useOverlay } from '../state/use-overlay.ts';
import { viewForFound } from '../state/region-search.ts';
import { useTooltipContext } from '../state/tooltip-context.ts';
import { memo } from 'preact/compat';
import { useAfterMapFrame } from '../state/use-after-map-frame.ts';
import { useView } from '../state/use-view.ts';
import { useViewFigures } from '../state/use-view-figures.ts';
import {
  ancestorCodes,
  childLevelOf,
  drillDown,
  isDeepView,
  levelBelow,
  NATIONAL,
  nationalView,
  parseView,
  viewToSearch,
  type Camera,
  type View,
} from '../state/view.ts';
import { Breadcrumb, type Crumb } from './breadcrumb.tsx';
import { ClassificationControls } from './classification-controls.tsx';
import { IndicatorPicker } from './indicator-picker.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { formatChange, Legend } from './legend.tsx';
import { LevelControls, MapLayers } from './map-layers.tsx';
import { MapView } from './map-view.tsx';
import { ModeTabs } from './mode-tabs.tsx';
import { MissingBoundaries } from './missing-boundaries.tsx';
import { PanelFooter } from './panel-footer.tsx';
import { ExportMenu } from './export-menu.tsx';
import { ShareDialog } from './share-dialog.tsx';
import { PeriodPicker } from './period-picker.tsx';
import { RankingTable } from './ranking-table.tsx';
import { RegionPanel } from './region-panel.tsx';
import { SearchBox } from './search-box.tsx';
import { Tooltip } from './tooltip.tsx';

// Re-rendered only when their (one frame late) figures change, not with every render of the app;
// remade when the language changes (their props alone would not say so).
const PanelLegend = memo(Legend);
const PanelRankingTable = memo(RankingTable);

export function App() {
  const { view, navigate, replace } = useView();
  // Before any child renders: every component renders in the view's language.
  setLanguage(view.lang);
  const [hover, setHover] = useState<RegionHit | null>(null);
  // The map adapter, for image exports (ui/export-menu.tsx).
  const mapHandle = useRef<MapHandle | null>(null);

  const { indicators, indicator, period, parent, availableHere, region, values, shown, classes, children } = useViewFigures(view);
  // The region's profile (every indicator for the period, in the panel) is asked for once the map's
  // values for a new period are in: on the one server thread it would otherwise be worked out first.
  const [profilePeriod, setProfilePeriod] = useState(period);
  useEffect(() => {
    if (values.status !== 'loading') setProfilePeriod(period);
  }, [period, values.status]);
  const { classification } = classes.classed;
  // The legend class pointed at: its regions keep their colour on the map, the others fade.
  const [highlightClass, setHighlightClass] = useState<number | null>(null);

  // `children` (the regions shown, by name) serve the ranking table, the names of desa without a
  // polygon (361 of them) and, with their label points, the names and circles on the map.
  const { overlay, budget } = useOverlay(view, indicators.status === 'ok' ? indicators.data.indicators : null, period, children);
  // The supervision views "aksi" and "budget" paint kab/kota of their own and have their own panel (state/use-aksi.ts).
  const aksi = useAksi({ view, indicators: indicators.status === 'ok' ? indicators.data.indicators : null, hoverKode: hover?.kode ?? null, navigate });
  // "Tertinggal" and "Klaster" paint flags or clusters instead of values, with their own panel (state/use-supervision.ts).
  const supervision = useSupervision({ view, indicator, period, navigate });


  const bounds = region.status === 'ok' ? region.data.bbox : null;
  const mapState = useMemo<MapState>(
    () => ({
      level: view.level,
      parent,
      values: classes.values,
      classification,
      highlightClass,
      bounds: bounds ?? (view.level === 'provinsi' ? INDONESIA_BOUNDS : null),
      camera: view.camera,
      lockLevel: view.lockLevel,
      selected: view.selected,
      overlay,
      ...aksi.map,
      ...supervision.map,
    }),
    [view.level, parent, classes.values, classification, highlightClass, bounds, view.camera, view.lockLevel, view.selected, overlay, aksi.map, supervision.map],
  );
  // Both read the URL when called: a move of the map can end between a navigation and the render after it.
  const onCamera = useCallback((camera: Camera) => replace({ ...parseView(window.location.search), camera }), [replace]);
  const onLevelZoom = useCallback(
    (kode: string, camera: Camera) => {
      const next = viewAfterZoom(parseView(window.location.search), kode, camera);
      if (next) navigate(next);
    },
    [navigate],
  );
  const missing = {
    regions: children.status === 'ok' && view.level === 'desa' ? children.data.children.filter((child) => !child.has_geometry) : null,
    error: children.status === 'error' ? children.message : null,
  };

  const regionName = region.status === 'ok' ? region.data.nama : null;
  useEffect(() => {
    document.title = regionName && parent !== null ? `${regionName} · ${t('app.title')}` : t('app.title');
  }, [parent, regionName, view.lang]);

  // A hover belongs to the view it was made in.
  useEffect(() => setHover(null), [view.level, view.region]);
  const tooltipContext = useTooltipContext({ view, indicator, period, shown, regionName, hovering: hover !== null });

  const onSelect = useCallback(
    (hit: RegionHit) => {
      if (aksi.onSelect) return aksi.onSelect(hit);
      // A level chosen below the children stays: a click selects the region (outlined, profiled in
      // the panel) instead of opening it, as a row of the ranking table does.
      if (isDeepView(view) && hit.level === view.level) return navigate({ ...view, selected: view.selected === hit.kode ? null : hit.kode });
      // A desa has nothing below it: a tap shows its tooltip (touch screens have no hover).
      const next = drillDown(view, hit.kode);
      if (next) navigate(next);
      else setHover(hit);
    },
    [view, navigate, aksi.onSelect],
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
  const hasDemo = all.some((v) => v.demo) || classes.compareDemo;

  // The map repaints first; the legend and the ranking table, slow to render for thousands of regions,
  // follow one frame later (state/use-after-map-frame.ts).
  const legend = useAfterMapFrame(
    useMemo(
      () => ({ period, compare: classes.compare, classed: classes.classed, values: classes.values, demo: hasDemo }),
      [period, classes.compare, classes.classed, classes.values, hasDemo],
    ),
  );
  const ranked = useAfterMapFrame(useMemo(() => ({ view, period, shown }), [view, period, shown]));
  const formatBreak = useMemo(() => breakFormatFor(unit), [unit]);

  const errors = [indicators, region, values, classes.compareFetch].flatMap((f) => (f.status === 'error' ? [f.message] : []));
  if (missing.error) errors.push(missing.error);
  if (indicators.status === 'ok' && indicator === null) errors.push(t('app.unknownIndicator', { id: view.indicator }));

  const tooltip = (() => {
    if (!hover) return null;
    if (aksi.tooltip && hover.level === 'kabkota') return <Tooltip hit={hover} value={aksi.tooltip(hover.kode) ?? t('common.noData')} />;
    if (supervision.tooltip && hover.level === view.level) return <Tooltip hit={hover} value={supervision.tooltip(hover.kode) ?? t('common.noData')} />;
    if (hover.level !== view.level) {
      return <Tooltip hit={hover} value={t('tooltip.clickToSeeHere', { level: t(`level.${view.level}.many`) })} />;
    }
    const inside = childLevelOf(hover.kode);
    const hint = inside ? t('tooltip.clickToSee', { level: t(`level.${inside}.many`) }) : null;
    if (!availableHere) return <Tooltip hit={hover} value={t('tooltip.notHere')} hint={hint} />;
    const v = shown?.[hover.kode];
    if (!indicator || !v) return <Tooltip hit={hover} value={shown ? t('common.noData') : t('common.loading')} hint={hint} />;
    const described = describeValue(v, indicator, tooltipContext(hover.kode));
    const change = classes.compare !== null ? classes.values?.get(hover.kode) : undefined;
    const changeLine =
      change === undefined || classes.compare === null || period === null
        ? []
        : [t('legend.change.tooltip', { from: classes.compare, to: period, change: formatChange(change, indicator.unit) })];
    return <Tooltip hit={hover} value={{ ...described, details: [...described.details, ...changeLine] }} hint={hint} />;
  })();

  const below = levelBelow(view.level);
  const where = parent === null ? t('app.inIndonesia') : t('app.inRegion', { name: regionName ?? view.region });

  return (
    <div class="app">
      <aside class="panel" aria-busy={values.status === 'loading' || region.status === 'loading'}>
        <header class="panel-header">
          <div class="panel-title-row">
            <h1>{t('app.title')}</h1>
            <LanguageSwitch lang={view.lang} onChange={(lang) => navigate({ ...view, lang })} />
          </div>
          <SearchBox onChoose={(found) => navigate(viewForFound(view, found))} />
          <Breadcrumb crumbs={crumbs} onNavigate={(href) => navigate(parseView(href))} />
          <LevelControls view={view} onChange={navigate} />
          <ModeTabs mode={view.mode} hrefFor={(mode) => viewToSearch({ ...view, mode })} onChange={(mode) => navigate({ ...view, mode })} />
        </header>
        <div class="panel-body">
          {aksi.panel ?? (<>
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
            <p class="indicator-name">{t('app.loadingIndicators')}</p>
          )}
          <p class="indicator-name">
            {t('app.perLevel', { level: t(`level.${view.level}.many`), where })}
          </p>
          {indicator && (
            <PeriodPicker
              periods={indicator.periods}
              value={period}
              compare={classes.compare}
              compareUnavailable={changeAvailable(indicator) ? null : t('period.compare.categories')}
              ready={values.status !== 'loading' && classes.compareFetch.status !== 'loading'}
              onChange={(choice, how) => (how === 'push' ? navigate : replace)({ ...view, ...choice })}
            />
          )}
          {indicator && !availableHere && (
            <p class="notice" role="status">
              {t('app.notAvailable', { indicator: indicatorName(indicator), level: t(`level.${view.level}.many`), levels: levelsText(indicator.levels) })}
            </p>
          )}
          {supervision.panel ?? (<>
          <PanelLegend
            key={`legend-${view.lang}`}
            title={indicator ? indicatorName(indicator) : t('ranking.col.value')}
            indicator={indicator}
            unit={unit}
            period={legend.period}
            compare={legend.compare}
            classed={legend.classed}
            values={legend.values}
            formatBreak={formatBreak}
            demo={legend.demo}
            highlight={highlightClass}
            onHighlight={setHighlightClass}
          />
          {indicator && (
            <ClassificationControls
              indicator={indicator}
              method={view.classMethod}
              breaks={view.breaks}
              classed={classes.classed}
              lang={view.lang}
              onChange={(classMethod, breaks) => navigate({ ...view, classMethod, breaks })}
            />
          )}
          <MapLayers view={view} budget={budget} onChange={navigate} />
          {missing.regions && missing.regions.length > 0 && shown && indicator && (
            <MissingBoundaries regions={missing.regions} values={shown} indicator={indicator} />
          )}
          {below !== null && <p class="hint">{t('app.clickHint', { level: t(`level.${below}.many`) })}</p>}
          {indicators.status === 'ok' && (
            <RegionPanel view={view} indicators={indicators.data.indicators} period={profilePeriod} regionName={regionName} onNavigate={navigate} />
          )}
          {indicator && ranked.period !== null && ranked.shown && children.status === 'ok' && (
            <PanelRankingTable
              key={`ranking-${view.lang}`}
              view={ranked.view}
              indicator={indicator}
              period={ranked.period}
              regions={children.data.children}
              values={ranked.shown}
              where={where}
              onNavigate={navigate}
            />
          )}
          </>)}
          </>)}
          {view.mode === 'explore' &&
            (() => {
              // What the map shows, as published by the share dialog and the exports (web/export/figure.ts).
              const published = toPublishedMap({
                view,
                indicator,
                period,
                unit,
                regionName,
                values: shown,
                regions: children.status === 'ok' ? children.data.children : null,
                classification,
                lastImport: indicators.status === 'ok' ? indicators.data.last_import : undefined,
              });
              return (
                <div class="publish-bar">
                  <ShareDialog published={published} />
                  <ExportMenu published={published} mapHandle={mapHandle} />
                </div>
              );
            })()}
          <PanelFooter
            figures={values.status === 'ok' && !aksi.panel ? { sources, demo: hasDemo, count: all.length } : null}
            period={period}
            lastImport={indicators.status === 'ok' ? indicators.data.last_import : undefined}
          />
          {errors.map((message) => (
            <p key={message} class="error" role="alert">
              {t('app.loadError', { message })}
            </p>
          ))}
        </div>
      </aside>
      <main class="map-wrap">
        <MapView state={mapState} handleRef={mapHandle} onHover={setHover} onSelect={onSelect} onCamera={onCamera} onLevelZoom={onLevelZoom} />
        {tooltip}
      </main>
    </div>
  );
}
