import type { LaggingChildWire, LaggingWire } from '../../shared/api/supervision.ts';
import { LAG_FLAGS } from '../../shared/api/supervision.ts';
import type { Indicator } from '../api/client.ts';
import { formatCount, formatTarget, formatValue } from '../format/number.ts';
import { t } from '../i18n/i18n.ts';
import type { Classification } from '../map/classes.ts';
import { indicatorName } from '../state/indicator-groups.ts';
import type { Fetched } from '../state/use-fetch.ts';
import { laggingUrl } from '../state/use-supervision.ts';
import { drillDown, NATIONAL, type View } from '../state/view.ts';
import { DemoTag } from './demo-tag.tsx';
import './supervision.css';
import './lagging.css';

/**
 * The panel of the "Tertinggal" view: how many children lag behind, the legend of the map (flag
 * counts, with how many regions each), and the lagging children, most urgent first, each with its
 * reasons in words. A row selects its region on the map; "Buka" opens its children. The same list
 * downloads as CSV or XLSX for a work-list.
 */

type Reason = LaggingChildWire['reasons'][number];

/** A reason as a supervisor says it: "di bawah target 80% (72,1%)", "turun dari 2023 (78,2%)". */
export function reasonText(reason: Reason, child: Pick<LaggingChildWire, 'value'>, report: Pick<LaggingWire, 'unit' | 'direction' | 'previous_period' | 'region'>): string {
  const { unit } = report;
  const value = child.value === null ? '' : formatValue(child.value, unit);
  const reference = reason.reference === null ? '' : formatValue(reason.reference, unit);
  const way = report.direction === 'higher' ? 'higher' : 'lower';
  switch (reason.flag) {
    case 'below_target':
      return t(`lagging.reason.below_target.${way}`, { target: reason.reference === null ? '' : formatTarget(reason.reference, unit), value });
    case 'worse_than_parent':
      return t('lagging.reason.worse_than_parent', { name: report.region.kode === NATIONAL ? 'Indonesia' : report.region.nama, value: reference });
    case 'worse_than_previous':
      return t(`lagging.reason.worse_than_previous.${way}`, { period: report.previous_period ?? '', value: reference });
    case 'not_reporting':
      return child.value === null ? t('lagging.reason.not_reporting') : reason.text;
  }
}

/** "kabupaten/kota yang tertinggal" as a heading: "Kabupaten/kota yang tertinggal". */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function LaggingPanel(props: {
  view: View;
  indicator: Indicator | null;
  period: string | null;
  fetched: Fetched<LaggingWire>;
  classification: Classification;
  navigate(next: View): void;
}) {
  const { view, indicator, period, fetched, classification, navigate } = props;
  const level = t(`level.${view.level}.many`);
  if (indicator && !indicator.levels.includes(view.level)) {
    return (
      <section class="supervision" aria-label={t('mode.lagging')}>
        <p class="notice" role="status">
          {t('lagging.notHere', { indicator: indicatorName(indicator), level })}
        </p>
      </section>
    );
  }
  if (fetched.status !== 'ok' || period === null || indicator === null) {
    return (
      <section class="supervision" aria-label={t('mode.lagging')} aria-busy={fetched.status === 'loading'}>
        {fetched.status === 'error' ? <p class="error" role="alert">{fetched.message}</p> : <p>{t('common.loading')}</p>}
      </section>
    );
  }
  const report = fetched.data;
  const where = report.region.kode === NATIONAL ? t('app.inIndonesia') : t('app.inRegion', { name: report.region.nama });
  const flagged = report.children.filter((child) => child.flags > 0);
  const perClass = [0, 0, 0, 0];
  for (const child of report.children) perClass[Math.min(child.flags, 3)]! += 1;
  return (
    <section class="supervision" aria-label={t('mode.lagging')}>
      <h2>{sentence(t('lagging.title', { level, where }))}</h2>
      <p role="status">
        {flagged.length === 0
          ? t('lagging.none', { level, period: report.period })
          : t('lagging.summary', { flagged: formatCount(flagged.length), children: formatCount(report.counts.children), level, period: report.period })}
      </p>
      <figure class="supervision-figure">
        <figcaption>{t('lagging.legend')}</figcaption>
        <ul class="supervision-legend" aria-label={t('lagging.legend')}>
          {classification.colors.map((color, i) => (
            <li key={color} data-color={color}>
              <span class="swatch" aria-hidden="true" style={{ background: color }} />
              <span>{classification.labels?.[i]}</span>
              <span class="supervision-count">{formatCount(perClass[i] ?? 0)}</span>
            </li>
          ))}
        </ul>
      </figure>
      <ul class="lagging-counts">
        {LAG_FLAGS.map((flag) => (
          <li key={flag}>
            {t(`lagging.count.${flag}`)}: <strong>{formatCount(report.counts[flag])}</strong>
          </li>
        ))}
      </ul>
      <p class="lagging-downloads">
        {t('lagging.download')}{' '}
        <a href={laggingUrl(report.region.kode, report.indicator, report.period, '.csv')} download>
          {t('lagging.csv')}
        </a>{' '}
        ·{' '}
        <a href={laggingUrl(report.region.kode, report.indicator, report.period, '.xlsx')} download>
          {t('lagging.xlsx')}
        </a>
      </p>
      {flagged.length > 0 && (
        <ol class="lagging-list" aria-label={t('lagging.list', { level })}>
          {flagged.map((child) => {
            const selected = view.selected === child.kode;
            const inside = drillDown(view, child.kode);
            return (
              <li key={child.kode} class={selected ? 'lagging-row lagging-row-selected' : 'lagging-row'}>
                <button
                  type="button"
                  class="lagging-select"
                  aria-pressed={selected}
                  onClick={() => navigate({ ...view, selected: selected ? null : child.kode })}
                >
                  <span class="swatch" aria-hidden="true" style={{ background: classification.colors[Math.min(child.flags, 3)] }} />
                  <span class="lagging-name">{child.nama}</span>
                  {child.value !== null && <span class="lagging-value">{formatValue(child.value, report.unit)}</span>}
                  {child.demo && <DemoTag />}
                </button>
                {inside && (
                  <button type="button" class="lagging-drill" aria-label={t('lagging.drillLabel', { name: child.nama })} onClick={() => navigate(inside)}>
                    {t('lagging.drill')} ›
                  </button>
                )}
                <ul class="lagging-reasons">
                  {child.reasons.map((reason) => (
                    <li key={reason.flag}>{reasonText(reason, child, report)}</li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
