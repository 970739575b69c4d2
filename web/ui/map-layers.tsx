import { formatRupiahShort } from '../format/number.ts';
import { demoNotice } from '../format/region-value.ts';
import { t } from '../i18n/i18n.ts';
import { circleRadius, MAX_RADIUS } from '../map/budget-circles.ts';
import { labelsShown, type BudgetLayer } from '../state/use-overlay.ts';
import { childLevelOf, isDeepView, levelsInside, viewWithLevel, type Level, type View } from '../state/view.ts';

/**
 * Which level is painted inside the region shown ("Tampilkan"): its children by default, or a level
 * further down (all kecamatan of Indonesia, all desa of a kabupaten), which then stays while zooming;
 * and "Kunci tingkat": while checked, zooming does not move the level painted (camera.ts).
 */
export function LevelControls(props: { view: View; onChange(next: View): void }) {
  const { view } = props;
  const choices = view.mode === 'explore' ? levelsInside(view.region) : [];
  const deep = isDeepView(view);
  return (
    <div class="level-controls">
      {choices.length > 1 && (
        <label class="level-picker">
          <span>{t('levelPicker.label')}</span>
          <select value={view.level} onChange={(e) => props.onChange(viewWithLevel(view, e.currentTarget.value as Level))}>
            {choices.map((level) => (
              <option key={level} value={level}>
                {t(`level.${level}.one`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label class="level-lock" title={t(deep ? 'lock.hintDeep' : 'lock.hint')}>
        <input
          type="checkbox"
          checked={view.lockLevel}
          onChange={(e) =>
            // A level below the children is always locked: unlocking it goes back to the children.
            props.onChange(deep ? viewWithLevel(view, childLevelOf(view.region) as Level) : { ...view, lockLevel: e.currentTarget.checked })
          }
        />
        <span>{t('lock.label')}</span>
      </label>
    </div>
  );
}

/** The switches of the layers drawn over the choropleth, and the size legend of the budget circles. */
export function MapLayers(props: { view: View; budget: BudgetLayer; onChange(next: View): void }) {
  const { view, budget } = props;
  return (
    <fieldset class="map-layers">
      <legend>{t('layers.title')}</legend>
      <label class="layer-toggle">
        <input type="checkbox" checked={labelsShown(view)} onChange={(e) => props.onChange({ ...view, labels: e.currentTarget.checked })} />
        <span>{t('layers.labels')}</span>
      </label>
      <label class="layer-toggle">
        <input
          type="checkbox"
          checked={view.budgetCircles}
          onChange={(e) => props.onChange({ ...view, budgetCircles: e.currentTarget.checked })}
        />
        <span>{t('layers.circles')}</span>
      </label>
      {budget.status === 'unavailable' && <p class="layer-note">{t('layers.circlesUnavailable')}</p>}
      {budget.status === 'error' && (
        <p class="error" role="alert">
          {t('layers.failed', { message: budget.message })}
        </p>
      )}
      {budget.status === 'ok' && <SizeLegend budget={budget} />}
    </fieldset>
  );
}

/** Three reference circles, nested and standing on one baseline, with their amounts. */
function SizeLegend({ budget }: { budget: Extract<BudgetLayer, { status: 'ok' }> }) {
  const title = t('budget.title', { period: budget.period });
  if (budget.count === 0) {
    return <p class="layer-note">{t('budget.none', { period: budget.period })}</p>;
  }
  const size = 2 * MAX_RADIUS + 2;
  // Room above the largest circle for the first amount, written level with its top.
  const base = size + 6;
  // Each amount is written level with its circle's top, pushed down where two would touch.
  let last = -Infinity;
  const circles = budget.references.map((value) => {
    const r = circleRadius(value, budget.max);
    const y = Math.max(base - 2 * r, last + 13);
    last = y;
    return { value, r, y };
  });
  const height = Math.ceil(Math.max(base + 1, last + 7));
  return (
    <figure class="size-legend" aria-label={title}>
      <figcaption class="size-legend-title">{title}</figcaption>
      {budget.demo && (
        <p class="demo-badge" role="note">
          {demoNotice()}
        </p>
      )}
      <svg
        width={size + 96}
        height={height}
        viewBox={`0 0 ${size + 96} ${height}`}
        role="img"
        aria-label={circles.map((c) => formatRupiahShort(c.value)).join(', ')}
      >
        {circles.map(({ value, r }) => (
          <circle key={value} cx={MAX_RADIUS + 1} cy={base - r} r={r} class="size-legend-circle" />
        ))}
        {circles.map(({ value, r, y }) => (
          <g key={value}>
            <polyline points={`${MAX_RADIUS + 1},${base - 2 * r} ${size + 2},${base - 2 * r} ${size + 8},${y}`} class="size-legend-leader" />
            <text x={size + 11} y={y} dominant-baseline="middle" class="size-legend-value">
              {formatRupiahShort(value)}
            </text>
          </g>
        ))}
      </svg>
      <p class="layer-note">{t('budget.note')}</p>
    </figure>
  );
}
