import type { RegionValue } from '../api/client.ts';
import { formatCount, formatRupiahShort } from '../format/number.ts';
import { t } from '../i18n/i18n.ts';
import { BIVARIATE_COLORS, cellClasses, type Bivariate } from '../map/bivariate.ts';
import { YearSelect } from './aksi-panel.tsx';
import { Scatterplot, type ScatterPoint } from './scatterplot.tsx';
import './supervision.css';

/**
 * The panel of "Anggaran vs hasil": the tagged APBD budget per target child against stunting
 * prevalence as a 3 x 3 legend (budget terciles across, WHO prevalence classes up, with the number
 * of kab/kota in each cell), how many kab/kota have both figures, and the scatterplot linked to the map.
 */

const BUDGET_WORDS = ['budgetMode.budget.low', 'budgetMode.budget.mid', 'budgetMode.budget.high'] as const;
const PREVALENCE_RANGES = ['< 20%', '20 – < 30%', '≥ 30%'];

/** The nine cells in words, for the map's classes and the legend. */
export function bivariateLabels(): string[] {
  return BIVARIATE_COLORS.map((_, cell) => {
    const { budget, prevalence } = cellClasses(cell);
    return `${t(BUDGET_WORDS[budget] as (typeof BUDGET_WORDS)[number])} · ${PREVALENCE_RANGES[prevalence]}`;
  });
}

export function BudgetPanel(props: {
  period: string;
  periods: readonly string[];
  onPeriod(period: string): void;
  province: string | null;
  provinceName: string | null;
  classed: Bivariate | null;
  budget: Record<string, RegionValue> | null;
  prevalence: Record<string, RegionValue> | null;
  names: ReadonlyMap<string, string>;
  highlighted: string | null;
  onPoint(kode: string | null): void;
  onChoose(kode: string): void;
  errors: readonly string[];
}) {
  const { classed } = props;
  const points: ScatterPoint[] =
    classed && props.budget && props.prevalence
      ? [...classed.cells].map(([kode, cell]) => ({
          kode,
          cell,
          name: props.names.get(kode) ?? kode,
          budget: props.budget?.[kode]?.value ?? 0,
          prevalence: props.prevalence?.[kode]?.value ?? 0,
        }))
      : [];
  const where = props.province === null ? 'Indonesia' : (props.provinceName ?? props.province);
  return (
    <section class="supervision" aria-label={t('mode.budget')}>
      <h2>{t('budgetMode.heading')}</h2>
      <YearSelect period={props.period} periods={props.periods} onPeriod={props.onPeriod} />
      <p class="demo-badge">{t('budgetMode.demo')}</p>
      <p class="panel-hint">{t('budgetMode.intro', { where, period: props.period })}</p>
      {classed && (
        <>
          <BivariateLegend classed={classed} />
          <p class="panel-hint" role="status">
            {t('budgetMode.coverage', {
              both: formatCount(classed.cells.size),
              budgetOnly: formatCount(classed.budgetOnly),
              prevalenceOnly: formatCount(classed.prevalenceOnly),
            })}
          </p>
          {points.length > 0 ? (
            <Scatterplot points={points} highlighted={props.highlighted} onPoint={props.onPoint} onChoose={props.onChoose} />
          ) : (
            <p class="notice">{t('budgetMode.none', { period: props.period })}</p>
          )}
        </>
      )}
      {props.errors.map((message) => (
        <p key={message} class="error" role="alert">
          {t('app.loadError', { message })}
        </p>
      ))}
    </section>
  );
}

/** 3 x 3 cells, high prevalence on top, budget growing to the right; each with its count. */
function BivariateLegend(props: { classed: Bivariate }) {
  const { classed } = props;
  const breaks = classed.budgetBreaks;
  const budgetRange = (i: number) => {
    if (!breaks) return '';
    if (i === 0) return t('budgetMode.budgetRange.low', { value: formatRupiahShort(breaks[0]) });
    if (i === 2) return t('budgetMode.budgetRange.high', { value: formatRupiahShort(breaks[1]) });
    return `${formatRupiahShort(breaks[0])} – ${formatRupiahShort(breaks[1])}`;
  };
  return (
    <div class="bivariate-legend">
      <table aria-label={t('budgetMode.legend')}>
        <tbody>
          {[2, 1, 0].map((prevalence) => (
            <tr key={prevalence}>
              <th scope="row">
                {prevalence === 2 && <span class="bivariate-axis-y">{t('budgetMode.axis.prevalence')}</span>}
                {PREVALENCE_RANGES[prevalence]}
              </th>
              {[0, 1, 2].map((budget) => {
                const cell = prevalence * 3 + budget;
                const count = classed.counts[cell] ?? 0;
                const label = t('budgetMode.cell', {
                  budget: `${t(BUDGET_WORDS[budget] as (typeof BUDGET_WORDS)[number])} (${budgetRange(budget)})`,
                  prevalence: PREVALENCE_RANGES[prevalence] ?? '',
                  count,
                });
                return (
                  <td key={budget} aria-label={label} title={label} data-cell={cell} style={{ background: BIVARIATE_COLORS[cell] }} class={cell >= 6 || cell === 5 ? 'is-dark' : undefined}>
                    {formatCount(count)}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr>
            <td />
            {[0, 1, 2].map((budget) => (
              <th key={budget} scope="col" class="bivariate-budget">
                {t(BUDGET_WORDS[budget] as (typeof BUDGET_WORDS)[number])}
                <br />
                <small>{budgetRange(budget)}</small>
              </th>
            ))}
          </tr>
        </tbody>
      </table>
      <p class="bivariate-axis-x">{t('budgetMode.axis.budget')}</p>
    </div>
  );
}
