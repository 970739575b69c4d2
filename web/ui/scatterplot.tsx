import { formatBreak, formatRupiahShort } from '../format/number.ts';
import { t } from '../i18n/i18n.ts';
import { BIVARIATE_COLORS } from '../map/bivariate.ts';

/**
 * Budget per target child (log scale: it spans more than tenfold) against stunting prevalence, one
 * point per kab/kota with both figures, coloured by its bivariate cell, with the national 14% target
 * as a dashed line. Linked to the map: pointing at a point outlines its kab/kota there, and the
 * kab/kota under the mouse on the map is drawn here larger and ringed.
 *
 * From the keyboard the points are a slider in order of budget (ARIA slider: arrows, Page Up/Down,
 * Home/End; Enter selects the kab/kota, Escape lets go), its value text the point's reading, so that a
 * screen reader says each one as it is reached.
 */

export interface ScatterPoint {
  readonly kode: string;
  readonly name: string;
  readonly budget: number;
  readonly prevalence: number;
  readonly cell: number;
}

const SIZE = { width: 320, height: 230, left: 40, right: 10, top: 10, bottom: 34 };
const TARGET = 14;

/** Ticks 1, 2, 5 x 10^k inside [min, max] of a log axis. */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0) || !(max >= min)) return [];
  const ticks: number[] = [];
  for (let k = Math.floor(Math.log10(min)); k <= Math.ceil(Math.log10(max)); k++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** k;
      if (v >= min && v <= max) ticks.push(v);
    }
  }
  return ticks;
}

export function Scatterplot(props: { points: readonly ScatterPoint[]; highlighted: string | null; onPoint(kode: string | null): void; onChoose(kode: string): void }) {
  const { points } = props;
  const budgets = points.map((p) => p.budget).filter((b) => b > 0);
  const low = Math.min(...budgets) * 0.9;
  const high = Math.max(...budgets) * 1.1;
  const top = Math.max(40, ...points.map((p) => Math.ceil(p.prevalence / 10) * 10));
  const plotW = SIZE.width - SIZE.left - SIZE.right;
  const plotH = SIZE.height - SIZE.top - SIZE.bottom;
  const x = (b: number) => SIZE.left + (plotW * (Math.log(b) - Math.log(low))) / Math.max(1e-9, Math.log(high) - Math.log(low));
  const y = (p: number) => SIZE.top + plotH * (1 - p / top);
  const xTicks = logTicks(low, high);
  const yTicks = Array.from({ length: top / 10 + 1 }, (_, i) => i * 10);
  const highlighted = points.find((p) => p.kode === props.highlighted) ?? null;
  const title = t('budgetMode.scatter.title');
  const byBudget = [...points].sort((a, b) => a.budget - b.budget || a.name.localeCompare(b.name));
  const at = highlighted === null ? -1 : byBudget.indexOf(highlighted);
  const onKeyDown = (e: KeyboardEvent) => {
    const last = byBudget.length - 1;
    const step: Record<string, number> = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 10, PageDown: -10 };
    let next: number | null = null;
    if (e.key in step) next = at < 0 ? 0 : Math.min(last, Math.max(0, at + (step[e.key] ?? 0)));
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = last;
    else if (e.key === 'Enter' && highlighted) props.onChoose(highlighted.kode);
    else if (e.key === 'Escape') props.onPoint(null);
    else return;
    e.preventDefault();
    const point = next === null ? undefined : byBudget[next];
    if (point) props.onPoint(point.kode);
  };
  return (
    <figure class="scatter">
      <figcaption>{title}</figcaption>
      <div
        class="scatter-keys"
        role="slider"
        tabIndex={byBudget.length > 0 ? 0 : -1}
        aria-label={t('budgetMode.scatter.keys')}
        aria-valuemin={1}
        aria-valuemax={Math.max(1, byBudget.length)}
        aria-valuenow={at < 0 ? 1 : at + 1}
        aria-valuetext={highlighted ? pointLabel(highlighted) : t('budgetMode.scatter.keysStart')}
        onKeyDown={onKeyDown}
      >
      <svg viewBox={`0 0 ${SIZE.width} ${SIZE.height}`} width="100%" role="img" aria-label={title} onMouseLeave={() => props.onPoint(null)}>
        {yTicks.map((v) => (
          <g key={`y${v}`}>
            <line x1={SIZE.left} x2={SIZE.width - SIZE.right} y1={y(v)} y2={y(v)} class="scatter-grid" />
            <text x={SIZE.left - 4} y={y(v) + 3} class="scatter-tick" text-anchor="end">
              {v}%
            </text>
          </g>
        ))}
        {xTicks.map((v) => (
          <g key={`x${v}`}>
            <line x1={x(v)} x2={x(v)} y1={SIZE.top} y2={SIZE.top + plotH} class="scatter-grid" />
            <text x={x(v)} y={SIZE.top + plotH + 12} class="scatter-tick" text-anchor="middle">
              {formatRupiahShort(v).replace(/^Rp /, '')}
            </text>
          </g>
        ))}
        <line x1={SIZE.left} x2={SIZE.width - SIZE.right} y1={y(TARGET)} y2={y(TARGET)} class="scatter-target" />
        <text x={SIZE.width - SIZE.right - 2} y={y(TARGET) - 3} class="scatter-tick" text-anchor="end">
          {t('budgetMode.scatter.target')}
        </text>
        <text x={SIZE.left + plotW / 2} y={SIZE.height - 4} class="scatter-axis" text-anchor="middle">
          {t('budgetMode.axis.budget')}
        </text>
        <text x="10" y={SIZE.top + plotH / 2} class="scatter-axis" text-anchor="middle" transform={`rotate(-90 10 ${SIZE.top + plotH / 2})`}>
          {t('budgetMode.axis.prevalence')}
        </text>
        {points.map((p) => (
          <circle
            key={p.kode}
            data-kode={p.kode}
            cx={x(p.budget)}
            cy={y(p.prevalence)}
            r={3.5}
            fill={BIVARIATE_COLORS[p.cell]}
            class="scatter-point"
            onMouseEnter={() => props.onPoint(p.kode)}
            onClick={() => props.onChoose(p.kode)}
          >
            <title>{pointLabel(p)}</title>
          </circle>
        ))}
        {highlighted && (
          <circle cx={x(highlighted.budget)} cy={y(highlighted.prevalence)} r={7} class="scatter-highlight" data-highlighted={highlighted.kode} pointer-events="none" />
        )}
      </svg>
      </div>
      {highlighted && (
        <p class="scatter-readout" aria-live="polite">
          {pointLabel(highlighted)}
        </p>
      )}
    </figure>
  );
}

export function pointLabel(p: ScatterPoint): string {
  return t('budgetMode.scatter.point', { name: p.name, budget: formatRupiahShort(p.budget), prevalence: `${formatBreak(p.prevalence)}%` });
}
