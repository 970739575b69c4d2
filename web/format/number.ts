import { locale, t } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/messages/index.ts';

// Numbers are written the way the page's language writes them: in Indonesian (the default) with a
// decimal comma and a dot for thousands (35,3%; 1.234), in English 35.3% and 1,234.
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(digits: 'one' | 'upToOne' | 'whole'): Intl.NumberFormat {
  const key = `${locale()}:${digits}`;
  let format = formatters.get(key);
  if (!format) {
    const options: Intl.NumberFormatOptions =
      digits === 'one'
        ? { minimumFractionDigits: 1, maximumFractionDigits: 1 }
        : { maximumFractionDigits: digits === 'whole' ? 0 : 1 };
    format = new Intl.NumberFormat(locale(), options);
    formatters.set(key, format);
  }
  return format;
}
const oneDecimal = { format: (x: number) => numberFormat('one').format(x) };
const upToOneDecimal = { format: (x: number) => numberFormat('upToOne').format(x) };
const whole = { format: (x: number) => numberFormat('whole').format(x) };

/** Unit words of the catalogue ("skor", "kasus", "anak") in the page's language; others as they are. */
export function unitWord(word: string): string {
  const key = UNIT_WORDS.get(word);
  return key ? t(key) : word;
}

const UNIT_WORDS = new Map<string, MessageKey>([
  ['skor', 'unit.skor'],
  ['kasus', 'unit.kasus'],
  ['anak', 'unit.anak'],
]);

/**
 * A measured value with its unit: 35.3 and '%' give "35,3%"; money is whole rupiah with the "Rp"
 * in front ("Rp 11.219.607.346", "Rp 753.007/anak"); a score is "skor 72"; other units follow
 * after a space ("1.234,5 kasus"). In English: "35.3%", "Rp 753,007/child", "score 72", "1,234.5 cases".
 */
export function formatValue(value: number, unit: string): string {
  if (unit === '%' || unit === '') return `${oneDecimal.format(value)}${unit}`;
  if (unit === 'Rp') return `Rp ${whole.format(value)}`;
  if (unit.startsWith('Rp/')) return `Rp ${whole.format(value)}/${unitWord(unit.slice(3))}`;
  if (unit === 'skor') return `${unitWord('skor')} ${upToOneDecimal.format(value)}`;
  return `${upToOneDecimal.format(value)} ${unitWord(unit)}`;
}

/** A target or other round figure with its unit, without padding zeros: "14%", "skor 80". */
export function formatTarget(value: number, unit: string): string {
  if (unit === '%') return `${upToOneDecimal.format(value)}%`;
  return formatValue(value, unit);
}

/** A whole count: 1234 gives "1.234". */
export function formatCount(value: number): string {
  return whole.format(value);
}

/** A class break in the legend: 14 gives "14", 12.5 gives "12,5". */
export function formatBreak(value: number): string {
  return upToOneDecimal.format(value);
}

const SCALES = [
  [1e12, 'scale.triliun'],
  [1e9, 'scale.miliar'],
  [1e6, 'scale.juta'],
  [1e3, 'scale.ribu'],
] as const satisfies readonly (readonly [number, MessageKey])[];

/** Money in the legend, short: 8_300_000_000 gives "Rp 8,3 miliar" ("Rp 8.3 billion"), 590_000 "Rp 590 ribu". */
export function formatRupiahShort(value: number): string {
  const scale = SCALES.find(([size]) => Math.abs(value) >= size);
  if (!scale) return `Rp ${upToOneDecimal.format(value)}`;
  return `Rp ${upToOneDecimal.format(value / scale[0])} ${t(scale[1])}`;
}

/** How legend breaks are written for a unit. */
export function breakFormatFor(unit: string): (value: number) => string {
  return unit === 'Rp' || unit.startsWith('Rp/') ? formatRupiahShort : formatBreak;
}
