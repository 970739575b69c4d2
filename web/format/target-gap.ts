import { t } from '../i18n/i18n.ts';
import { formatBreak, formatTarget, formatValue } from './number.ts';

/**
 * How far a value is from the indicator's target, whichever way is better for it. For prevalence
 * (lower is better, target 14%) 35.3% is 21.3 points short; for coverage (higher is better, target
 * 90%) 81.2% is 8.8 points short; a value on the good side of the target has met it.
 */
export interface TargetGap {
  /** True when the value is at the target or on its good side. */
  readonly met: boolean;
  /** The distance from the target, never negative, in the indicator's unit. */
  readonly gap: number;
  /** Which side of the target the value is on: "above" or "below" (or "at"). */
  readonly side: 'above' | 'below' | 'at';
}

export function targetGap(value: number, target: number | null | undefined, direction: string): TargetGap | null {
  if (target === null || target === undefined || !Number.isFinite(value)) return null;
  if (direction !== 'higher' && direction !== 'lower') return null;
  const diff = value - target;
  const side = diff > 0 ? 'above' : diff < 0 ? 'below' : 'at';
  const met = direction === 'lower' ? diff <= 0 : diff >= 0;
  return { met, gap: Math.abs(diff), side };
}

/** A distance in the indicator's unit: percentages in points ("21,3 poin"), others with their unit. */
function distance(gap: number, unit: string): string {
  return unit === '%' ? t('gap.points', { n: formatBreak(gap) }) : formatValue(gap, unit);
}

/**
 * The gap in words: "21,3 poin di atas target 14%" (lower is better, not met), "8,8 poin di bawah
 * target 90%" (higher is better, not met), "mencapai target 80%". Null without a target or direction.
 */
export function targetGapText(value: number, target: number | null | undefined, direction: string, unit: string): string | null {
  const gap = targetGap(value, target, direction);
  if (gap === null || target === null || target === undefined) return null;
  const goal = formatTarget(target, unit);
  if (gap.met) return t('gap.met', { target: goal });
  return t(gap.side === 'above' ? 'gap.above' : 'gap.below', { gap: distance(gap.gap, unit), target: goal });
}
