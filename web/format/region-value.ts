import type { Indicator, RegionValue } from '../api/client.ts';
import { LEVEL_NAMES, LEVELS } from '../state/view.ts';
import { formatCount, formatValue } from './number.ts';

/** What the tooltip says about one region's value, as plain text lines. */
export interface ValueText {
  /** "65,1%", "Rp 11.219.607.346", "Selesai". */
  readonly value: string;
  /** "529 dari 813", "dari 8/10 desa/kelurahan melapor". */
  readonly details: readonly string[];
  readonly demo: boolean;
  /** "Sumber: SSGI 2022, Kemenkes"; null for demonstration data, whose "source" is the demo notice. */
  readonly source: string | null;
  readonly note: string | null;
}

export const DEMO_NOTICE = 'DATA DEMONSTRASI — bukan data nyata';

type Described = Pick<Indicator, 'unit' | 'categories' | 'levels'>;

/** The value in words: a category's name, else the number with its unit. */
export function valueText(value: number, indicator: Pick<Indicator, 'unit' | 'categories'>): string {
  if (indicator.categories) return indicator.categories[Math.round(value)] ?? `kategori ${value}`;
  return formatValue(value, indicator.unit);
}

function fraction(v: RegionValue, unit: string): string | null {
  if (v.numerator === undefined || v.denominator === undefined) return null;
  if (unit === '%') return `${formatCount(v.numerator)} dari ${formatCount(v.denominator)}`;
  if (unit.startsWith('Rp/')) return `Rp ${formatCount(v.numerator)} untuk ${formatCount(v.denominator)} ${unit.slice(3)}`;
  return null;
}

/** The units a roll-up counts: an indicator's deepest level ("desa/kelurahan" for coverage). */
function reportingUnit(levels: readonly string[]): string {
  const deepest = [...LEVELS].reverse().find((l) => levels.includes(l));
  return deepest ? LEVEL_NAMES[deepest].many : 'wilayah';
}

export function describeValue(v: RegionValue, indicator: Described): ValueText {
  const details: string[] = [];
  const f = fraction(v, indicator.unit);
  if (f) details.push(f);
  if (v.basis === 'rollup' && v.reporting !== undefined && v.expected !== undefined) {
    details.push(`dari ${formatCount(v.reporting)}/${formatCount(v.expected)} ${reportingUnit(indicator.levels)} melapor`);
  }
  return {
    value: valueText(v.value, indicator),
    details,
    demo: v.demo,
    source: v.demo ? null : v.source ? `Sumber: ${v.source}` : null,
    note: v.note ?? null,
  };
}
