import { useEffect, useState } from 'preact/hooks';
import type { Indicator } from '../api/client.ts';
import { formatBreak, formatRupiahShort } from '../format/number.ts';
import { demoNotice } from '../format/region-value.ts';
import { t } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/messages/index.ts';
import { classCounts, classLabels } from '../map/classes.ts';
import { schemeFor, wrongSideOfTarget, type Classed } from '../map/classify.ts';
import { Histogram } from './histogram.tsx';

type LegendIndicator = Pick<Indicator, 'unit' | 'kind' | 'direction' | 'target' | 'categories' | 'id'>;

/** A change in the legend and tooltip: "+2,5", "−3", "0". */
export function signed(format: (n: number) => string): (n: number) => string {
  return (n) => (n > 0 ? `+${format(n)}` : n < 0 ? `−${format(-n)}` : format(0));
}

/** The unit of a change: percentages change in "poin persen". */
export function changeUnit(unit: string): string {
  return unit === '%' ? t('legend.pointsPercent') : unit;
}

/** A region's change in the tooltip: "−2,5 poin persen", "+Rp 1,2 miliar", "+3 kasus". */
export function formatChange(change: number, unit: string): string {
  if (unit === 'Rp' || unit.startsWith('Rp/')) return signed(formatRupiahShort)(change);
  return `${signed(formatBreak)(change)} ${changeUnit(unit)}`;
}

/** A target with its unit: "14%", "Rp 1,2 juta". */
function targetText(target: number, unit: string, format: (n: number) => string): string {
  if (unit === '%') return `${format(target)}%`;
  return unit.startsWith('Rp') ? format(target) : `${format(target)} ${unit}`;
}

function methodName(classed: Classed, indicator: LegendIndicator | null): string {
  if (classed.method !== 'auto' || indicator === null) return t(`legend.method.${classed.method}`);
  switch (schemeFor(indicator)) {
    case 'prevalence':
      return t('legend.scheme.prevalence');
    case 'coverage':
      return t('legend.scheme.coverage');
    case 'quantile':
      return t('legend.method.quantile');
    case 'category':
      return '';
  }
}

/** How the classes were made, in sentences under the legend. */
function notes(classed: Classed, indicator: LegendIndicator | null, format: (n: number) => string): string[] {
  if (indicator === null) return [];
  const { direction, unit } = indicator;
  const target = indicator.target === null ? null : targetText(indicator.target, unit, format);
  const targetNote = target === null ? [] : [t('legend.note.target', { target })];
  const why = classed.unavailable === null ? [] : [t(`legend.unavailable.${classed.unavailable}`)];
  const { breaks } = classed.classification;
  switch (classed.method) {
    case 'change': {
      const key: MessageKey =
        direction === 'lower' ? 'legend.note.changeLower' : direction === 'higher' ? 'legend.note.changeHigher' : 'legend.note.changeNeutral';
      return [t(key), t('legend.note.changeMissing')];
    }
    case 'target':
      return [t(direction === 'none' ? 'legend.note.targetNeutral' : 'legend.note.targetScale', { target: target ?? '' })];
    case 'below':
      return [t('legend.note.below', { target: target ?? '' })];
    case 'equal': {
      const step = breaks.length >= 2 ? format((breaks[1] as number) - (breaks[0] as number)) : '—';
      return [t('legend.note.equal', { step }), ...targetNote];
    }
    case 'quantile':
    case 'jenks':
    case 'manual':
      return [t(`legend.note.${classed.method}`), ...targetNote];
    case 'auto':
      switch (schemeFor(indicator)) {
        case 'prevalence':
          return [...why, t('legend.note.prevalence')];
        case 'coverage':
          return [...why, t('legend.note.coverage'), ...targetNote];
        case 'quantile':
          return [...why, t('legend.note.quantile'), ...targetNote];
        case 'category':
          return why;
      }
  }
}

export function Legend(props: {
  /** The indicator's name, in the page's language. */
  title: string;
  indicator: LegendIndicator | null;
  /** The unit of the values, as the server sent it. */
  unit: string;
  period: string | null;
  /** The earlier period of change mode, or null. */
  compare: string | null;
  classed: Classed;
  /** The values painted (differences in change mode), for the histogram and the class counts. */
  values: ReadonlyMap<string, number> | null;
  formatBreak(value: number): string;
  demo: boolean;
  /** The class pointed at (hover, keyboard focus, or tapped), or null. */
  onHighlight(index: number | null): void;
  highlight: number | null;
}) {
  const { classed, indicator, compare } = props;
  const { classification } = classed;
  const change = classed.method === 'change';
  const format = change ? signed(props.formatBreak) : props.formatBreak;
  const rows = classLabels(classification, format, t('legend.allValues'));
  const counts = classCounts(props.values?.values() ?? [], classification);
  const [pointed, setPointed] = useState<number | null>(null);
  const [pinned, setPinned] = useState<number | null>(null);

  // Other classes, other indexes: a highlight does not outlive its classification.
  const classesKey = JSON.stringify(classification);
  useEffect(() => {
    setPointed(null);
    setPinned(null);
  }, [classesKey]);
  const active = pointed ?? pinned;
  const onHighlight = props.onHighlight;
  useEffect(() => onHighlight(active), [active, onHighlight]);

  const direction = indicator?.direction ?? 'none';
  const rowLabel = (label: string, i: number) =>
    classed.method === 'below' ? `${label} · ${t(wrongSideOfTarget(i, direction) ? 'legend.below.notMet' : 'legend.below.met')}` : label;

  const unitShown = change ? changeUnit(props.unit) : props.unit;
  const unitSuffix = props.unit && props.unit !== 'kategori' && props.unit !== 'status' && !change ? ` (${props.unit})` : '';
  const what =
    change && compare !== null && props.period !== null
      ? `${t('legend.changeTitle', { from: compare, to: props.period })} (${unitShown})`
      : (props.period ?? '');
  const method = methodName(classed, indicator);
  const subtitle = method ? t('legend.subtitle', { period: what, method }) : what;
  const centerLabel =
    classed.center === null ? null : change ? t('legend.histogram.zero') : `${t('legend.histogram.target')} ${props.formatBreak(classed.center)}`;

  return (
    <section class="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" class="legend-title">
        {props.title}
        {unitSuffix}
      </h2>
      {subtitle && <p class="legend-sub">{subtitle}</p>}
      {props.demo && (
        <p class="demo-badge" role="note">
          {demoNotice()}
        </p>
      )}
      {props.values && !classification.labels && (
        <Histogram
          values={props.values.values()}
          classification={classification}
          center={classed.center}
          centerLabel={centerLabel}
          highlight={active}
          format={format}
        />
      )}
      <ul class="legend-rows" aria-label={t('legend.list')}>
        {rows.map((row, i) => {
          const label = rowLabel(row.label, i);
          const count = counts[i] ?? 0;
          return (
            <li key={`${i}:${row.label}`} class="legend-row">
              <button
                type="button"
                class="legend-class"
                aria-pressed={pinned === i}
                aria-label={t('legend.highlight', { label, count })}
                onMouseEnter={() => setPointed(i)}
                onMouseLeave={() => setPointed(null)}
                onFocus={() => setPointed(i)}
                onBlur={() => setPointed(null)}
                onClick={() => setPinned((p) => (p === i ? null : i))}
                onKeyDown={(e) => {
                  if (e.key === 'Escape') {
                    setPinned(null);
                    setPointed(null);
                  }
                }}
              >
                <span class="swatch" style={{ background: row.color }} aria-hidden="true" />
                <span class="legend-label">{label}</span>
                {props.values && (
                  <span class="legend-count" aria-hidden="true">
                    {count}
                  </span>
                )}
              </button>
            </li>
          );
        })}
        <li class="legend-row legend-row-static">
          <span class="swatch swatch-no-data" aria-hidden="true" />
          <span>{t('common.noData')}</span>
        </li>
      </ul>
      {notes(classed, indicator, props.formatBreak).map((note) => (
        <p key={note} class="legend-note">
          {note}
        </p>
      ))}
    </section>
  );
}
