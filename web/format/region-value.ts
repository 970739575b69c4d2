import type { Indicator, RegionValue } from '../api/client.ts';
import { t } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/messages/index.ts';
import { LEVELS, type Level } from '../state/view.ts';
import { formatCount, formatValue, unitWord } from './number.ts';
import { targetGapText } from './target-gap.ts';

/** What the tooltip says about one region's value, as plain text lines. */
export interface ValueText {
  /** "65,1%", "Rp 11.219.607.346", "Selesai". */
  readonly value: string;
  /** "529 dari 813", "8 dari 10 desa/kelurahan melapor (agregasi)". */
  readonly details: readonly string[];
  /** "peringkat 3 dari 22 kabupaten/kota"; null when the indicator cannot be ranked. */
  readonly rank: string | null;
  /** "Angka Nusa Tenggara Timur: 37,0%". */
  readonly parent: string | null;
  /** "21,3 poin di atas target 14%". */
  readonly gap: string | null;
  readonly demo: boolean;
  /** "Sumber: SSGI 2022, Kemenkes"; null for demonstration data, whose "source" is the demo notice. */
  readonly source: string | null;
  /** "periode 2022". */
  readonly period: string | null;
  readonly note: string | null;
}

/** The label demonstration data carries wherever it is shown. */
export const DEMO_NOTICE = 'DATA DEMONSTRASI — bukan data nyata';

/** DEMO_NOTICE in the page's language. */
export function demoNotice(): string {
  return t('value.demoNotice');
}

type Described = Pick<Indicator, 'unit' | 'categories' | 'levels'> & Partial<Pick<Indicator, 'direction' | 'target'>>;

const CATEGORY_KEYS = new Map<string, MessageKey>([
  ['Belum', 'category.Belum'],
  ['Proses', 'category.Proses'],
  ['Selesai', 'category.Selesai'],
]);

/** A category of the catalogue in the page's language; the kinerja categories are names and stay as they are. */
export function categoryLabel(name: string): string {
  const key = CATEGORY_KEYS.get(name);
  return key ? t(key) : name;
}

/** The value in words: a category's name, else the number with its unit. */
export function valueText(value: number, indicator: Pick<Indicator, 'unit' | 'categories'>): string {
  if (indicator.categories) {
    const name = indicator.categories[Math.round(value)];
    return name === undefined ? t('value.category', { value }) : categoryLabel(name);
  }
  return formatValue(value, indicator.unit);
}

function fraction(v: Pick<RegionValue, 'numerator' | 'denominator'>, unit: string): string | null {
  if (v.numerator === undefined || v.denominator === undefined) return null;
  const numbers = { numerator: formatCount(v.numerator), denominator: formatCount(v.denominator) };
  if (unit === '%') return t('value.fraction', numbers);
  if (unit.startsWith('Rp/')) return t('value.perUnit', { ...numbers, unit: unitWord(unit.slice(3)) });
  return null;
}

/** The units a roll-up counts: an indicator's deepest level ("desa/kelurahan" for coverage). */
function reportingUnit(levels: readonly string[]): string {
  const deepest = [...LEVELS].reverse().find((l) => levels.includes(l));
  return deepest ? t(`level.${deepest}.many`) : t('value.regions');
}

/** What else the tooltip knows about the region besides its own value. */
export interface ValueContext {
  /** Its rank among the regions shown with it, and how many were ranked. */
  readonly rank?: { readonly rank: number; readonly of: number } | null;
  /** The level of the region, to say what it is ranked among. */
  readonly level?: Level;
  /** The value of the region the shown regions are part of. */
  readonly parent?: { readonly name: string; readonly value: number } | null;
  readonly period?: string | null;
}

export function describeValue(v: RegionValue, indicator: Described, context: ValueContext = {}): ValueText {
  const details: string[] = [];
  const f = fraction(v, indicator.unit);
  if (f) details.push(f);
  if (v.basis === 'rollup' && v.reporting !== undefined && v.expected !== undefined) {
    details.push(
      t('value.reporting', {
        reporting: formatCount(v.reporting),
        expected: formatCount(v.expected),
        level: reportingUnit(indicator.levels),
      }),
    );
  }
  const { rank, level, parent, period } = context;
  return {
    value: valueText(v.value, indicator),
    details,
    rank: rank ? t('value.rank', { rank: rank.rank, of: rank.of, level: level ? t(`level.${level}.many`) : t('value.regions') }) : null,
    parent: parent ? t('value.parent', { name: parent.name, value: valueText(parent.value, indicator) }) : null,
    gap: indicator.categories ? null : targetGapText(v.value, indicator.target, indicator.direction ?? 'none', indicator.unit),
    demo: v.demo,
    source: v.demo ? null : v.source ? t('value.source', { source: v.source }) : null,
    period: period ? t('value.period', { period }) : null,
    note: v.note ?? null,
  };
}
