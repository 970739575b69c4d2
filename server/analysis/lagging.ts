/**
 * Which children of a region lag behind, and why. A supervisor asks four questions of each kecamatan
 * or desa, and each "yes" is a flag with the numbers that raised it:
 *   - below target: on the wrong side of the indicator's national target;
 *   - worse than the parent: worse than the region they belong to (the kab/kota's own figure);
 *   - worse than before: worse than in the previous period;
 *   - not reporting: no value for the period, or a roll-up that only part of the units below reported.
 * "Worse" follows the indicator's direction: lower prevalence is better, higher coverage is better.
 * Indicators without a direction (counts, budgets) get only the reporting flag.
 */

export type LagFlag = 'below_target' | 'worse_than_parent' | 'worse_than_previous' | 'not_reporting';
export const LAG_FLAGS: readonly LagFlag[] = ['below_target', 'worse_than_parent', 'worse_than_previous', 'not_reporting'];

export interface LagIndicator {
  readonly direction: 'higher' | 'lower' | 'none';
  readonly target: number | null;
}

export interface ChildValue {
  readonly value: number;
  /** Roll-ups: how many units below reported, of how many expected. */
  readonly reporting?: number;
  readonly expected?: number;
}

export interface LagInput {
  readonly indicator: LagIndicator;
  /** Every child that should report, in display order. */
  readonly children: readonly string[];
  readonly current: ReadonlyMap<string, ChildValue>;
  /** Values of the previous period; empty when there is none. */
  readonly previous: ReadonlyMap<string, ChildValue>;
  /** The parent's own value for the period, or null. */
  readonly parentValue: number | null;
}

export interface LagReason {
  readonly flag: LagFlag;
  /** The figure compared with: the target, the parent's value, the previous value, or units expected. */
  readonly reference: number | null;
  /** How far on the wrong side, in the indicator's unit (positive = worse); null for not reporting. */
  readonly gap: number | null;
}

export interface LaggingChild {
  readonly kode: string;
  readonly value: number | null;
  readonly reasons: readonly LagReason[];
  /** Higher is more urgent: flags first, then how far behind the target or parent. */
  readonly severity: number;
}

/** How much worse `value` is than `reference` for this direction (positive = worse, 0 = equal). */
export function shortfall(direction: LagIndicator['direction'], value: number, reference: number): number {
  if (direction === 'higher') return reference - value;
  if (direction === 'lower') return value - reference;
  return 0;
}

/** Each child with its flags, most urgent first; children with no flag are left out. */
export function laggingChildren({ indicator, children, current, previous, parentValue }: LagInput): LaggingChild[] {
  const { direction, target } = indicator;
  const directed = direction !== 'none';
  const flagged: LaggingChild[] = [];
  for (const kode of children) {
    const now = current.get(kode);
    const reasons: LagReason[] = [];
    if (!now) {
      reasons.push({ flag: 'not_reporting', reference: null, gap: null });
    } else {
      if (directed && target !== null && shortfall(direction, now.value, target) > 0) {
        reasons.push({ flag: 'below_target', reference: target, gap: shortfall(direction, now.value, target) });
      }
      if (directed && parentValue !== null && shortfall(direction, now.value, parentValue) > 0) {
        reasons.push({ flag: 'worse_than_parent', reference: parentValue, gap: shortfall(direction, now.value, parentValue) });
      }
      const before = previous.get(kode);
      if (directed && before && shortfall(direction, now.value, before.value) > 0) {
        reasons.push({ flag: 'worse_than_previous', reference: before.value, gap: shortfall(direction, now.value, before.value) });
      }
      if (now.expected !== undefined && now.reporting !== undefined && now.reporting < now.expected) {
        reasons.push({ flag: 'not_reporting', reference: now.expected, gap: null });
      }
    }
    if (reasons.length === 0) continue;
    // Flags count most; within the same count, the largest gap to target (or parent) comes first.
    const worstGap = Math.max(0, ...reasons.filter((r) => r.flag !== 'worse_than_previous').map((r) => r.gap ?? 0));
    flagged.push({ kode, value: now?.value ?? null, reasons, severity: reasons.length * 1e6 + worstGap });
  }
  return flagged.sort((a, b) => b.severity - a.severity || a.kode.localeCompare(b.kode));
}
