import { t } from '../i18n/i18n.ts';
import { fadedColor, type Classification } from '../map/classes.ts';
import { histogram } from '../map/histogram.ts';

const WIDTH = 264;
const HEIGHT = 62;
const PAD = 4;
const BASE = 42;
const BAR_AREA = BASE - PAD;

/**
 * A small histogram of the values shown, in the legend: bars split by class in the class colours,
 * a tick at every break and a stronger one at the centre of a diverging scale (target or 0).
 */
export function Histogram(props: {
  values: Iterable<number>;
  classification: Classification;
  /** The target, or 0 in change mode: always inside the range drawn, and marked. */
  center: number | null;
  centerLabel: string | null;
  highlight: number | null;
  format(value: number): string;
}) {
  const { classification, center, highlight } = props;
  const h = histogram(props.values, classification, center === null ? [] : [center]);
  if (h.count === 0) return null;
  const [lo, hi] = h.domain;
  const x = (v: number) => PAD + ((v - lo) / (hi - lo || 1)) * (WIDTH - 2 * PAD);
  const tallest = Math.max(...h.bins.map((b) => b.total), 1);
  const ticks = classification.labels ? [] : classification.breaks.filter((b) => b >= lo && b <= hi);
  const label = t('legend.histogram.label', { count: h.count, min: props.format(lo), max: props.format(hi) });
  return (
    <svg class="histogram" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <title>{label}</title>
      {h.bins.map((bin, i) => {
        const x0 = x(bin.x0) + 0.5;
        const width = Math.max(1, x(bin.x1) - x(bin.x0) - 1);
        let top = BASE;
        return (
          <g key={i}>
            {bin.counts.map((count, c) => {
              if (count === 0) return null;
              const height = (count / tallest) * BAR_AREA;
              top -= height;
              const colour = classification.colors[c] as string;
              return (
                <rect
                  key={c}
                  x={x0}
                  y={top}
                  width={width}
                  height={height}
                  fill={highlight === null || highlight === c ? colour : fadedColor(colour)}
                  stroke="rgb(0 0 0 / 0.3)"
                  stroke-width="0.5"
                />
              );
            })}
          </g>
        );
      })}
      <line x1={PAD} x2={WIDTH - PAD} y1={BASE + 0.5} y2={BASE + 0.5} stroke="#8a857d" stroke-width="1" />
      {ticks.map((b) => (
        <line key={b} x1={x(b)} x2={x(b)} y1={BASE} y2={BASE + 6} stroke="#5f5b55" stroke-width="1" />
      ))}
      {center !== null && (
        <line x1={x(center)} x2={x(center)} y1={PAD} y2={BASE + 7} stroke="#22211f" stroke-width="1.5" stroke-dasharray="3 2" />
      )}
      <text x={PAD} y={HEIGHT - 3} class="histogram-text" text-anchor="start">
        {props.format(lo)}
      </text>
      <text x={WIDTH - PAD} y={HEIGHT - 3} class="histogram-text" text-anchor="end">
        {props.format(hi)}
      </text>
      {center !== null && props.centerLabel !== null && centerLabelFits(x(center)) && (
        <text x={x(center)} y={HEIGHT - 3} class="histogram-text histogram-center" text-anchor="middle">
          {props.centerLabel}
        </text>
      )}
    </svg>
  );
}

/** The centre's label would overlap the min and max labels at the ends. */
function centerLabelFits(px: number): boolean {
  return px > 60 && px < WIDTH - 60;
}
