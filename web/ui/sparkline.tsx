/**
 * A small trend line, drawn as inline SVG (no chart library for 72 x 22 pixels): one point per
 * period, gaps where a period has no value, the period shown in the accent colour, the target as a
 * dashed line when it lies within the values' range.
 * The picture is for the eye; its words (`label`) are what a screen reader reads.
 */

export interface TrendPoint {
  readonly period: string;
  readonly value: number | null;
  readonly demo: boolean;
}

const WIDTH = 72;
const HEIGHT = 22;
const PAD = 3;

/** Screen positions of the points with values, and the target's height; pure, for tests. */
export function sparklineGeometry(
  trend: readonly TrendPoint[],
  target: number | null,
): { points: { x: number; y: number; period: string; demo: boolean }[]; segments: string[]; targetY: number | null } {
  const values = trend.flatMap((p) => (p.value === null ? [] : [p.value]));
  if (values.length === 0) return { points: [], segments: [], targetY: null };
  // Scaled to the values alone, so that a distant target does not flatten the trend; the target
  // line is drawn only when it falls within the values' range (the bullet bar shows it otherwise).
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i: number) => (trend.length === 1 ? WIDTH / 2 : PAD + (i * (WIDTH - 2 * PAD)) / (trend.length - 1));
  // Equal values sit in the middle rather than on the floor.
  const y = (v: number) => (max === min ? HEIGHT / 2 : HEIGHT - PAD - ((v - min) / span) * (HEIGHT - 2 * PAD));
  const points = trend.flatMap((p, i) => (p.value === null ? [] : [{ x: round(x(i)), y: round(y(p.value)), period: p.period, demo: p.demo }]));
  // A period without a value breaks the line: the trend does not pretend to know it.
  const segments: string[] = [];
  let current: string[] = [];
  trend.forEach((p, i) => {
    if (p.value === null) {
      if (current.length > 1) segments.push(current.join(' '));
      current = [];
    } else {
      current.push(`${current.length === 0 ? 'M' : 'L'}${round(x(i))},${round(y(p.value))}`);
    }
  });
  if (current.length > 1) segments.push(current.join(' '));
  const targetInside = target !== null && max > min && target >= min && target <= max;
  return { points, segments, targetY: targetInside ? round(y(target)) : null };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export function Sparkline(props: { trend: readonly TrendPoint[]; current: string | null; target: number | null; label: string }) {
  const { points, segments, targetY } = sparklineGeometry(props.trend, props.target);
  return (
    <svg class="sparkline" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={props.label}>
      <title>{props.label}</title>
      {targetY !== null && <line class="sparkline-target" x1={0} x2={WIDTH} y1={targetY} y2={targetY} />}
      {segments.map((d) => (
        <path key={d} class="sparkline-line" d={d} />
      ))}
      {points.map((p) => (
        <circle
          key={p.period}
          class={`sparkline-point${p.period === props.current ? ' is-current' : ''}${p.demo ? ' is-demo' : ''}`}
          cx={p.x}
          cy={p.y}
          r={p.period === props.current ? 2.6 : 1.6}
        />
      ))}
    </svg>
  );
}
