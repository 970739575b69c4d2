import type { Language } from '../state/view.ts';
import { MAX_CLASSES } from './palettes.ts';

/**
 * Class breaks typed by a person: "10; 14,5; 20" in Indonesian (decimal comma, dot for thousands),
 * "10; 14.5; 20" or "10, 14.5, 20" in English. Breaks are separated by semicolons, line breaks, spaces
 * or a comma followed by a space; a number may carry a scale word ("8,3 miliar", "590 ribu", "2 juta")
 * or a % sign. Pure: the answer is the breaks, sorted and without repeats, or the first problem, as a
 * message key (web/i18n/messages/legend.ts) with what to show in it.
 */

export const MAX_BREAKS = MAX_CLASSES - 1;

export type BreaksProblem =
  | { key: 'legend.manual.empty' }
  | { key: 'legend.manual.notNumber'; params: { text: string } }
  | { key: 'legend.manual.useSemicolons'; params: { text: string } }
  | { key: 'legend.manual.tooMany'; params: { max: number; count: number } };

export type ParsedBreaks =
  | { ok: true; breaks: number[]; /** true when the breaks were reordered or a repeat was dropped */ tidied: boolean }
  | { ok: false; problem: BreaksProblem };

const SCALE_WORDS: Record<string, number> = {
  ribu: 1e3,
  rb: 1e3,
  k: 1e3,
  thousand: 1e3,
  juta: 1e6,
  jt: 1e6,
  million: 1e6,
  mn: 1e6,
  miliar: 1e9,
  milyar: 1e9,
  billion: 1e9,
  bn: 1e9,
  triliun: 1e12,
  trillion: 1e12,
};

const NUMBER_WITH_SCALE = /^([+-]?[\d.,]*\d)\s*([a-z]+)?\s*%?$/i;

/** One number as a person writes it in `lang`; null when it is not one. */
export function parseLocalNumber(text: string, lang: Language): number | null {
  // "Rp 8 miliar", "−5" (a typographic minus, as the legend writes it), "14 %".
  const s = text.trim().replace(/^rp\.?\s*/i, '').replace(/[−–]/g, '-').replace(/\s+/g, ' ');
  const match = NUMBER_WITH_SCALE.exec(s);
  if (!match) return null;
  const [, digits = '', word] = match;
  let scale = 1;
  if (word !== undefined) {
    const found = SCALE_WORDS[word.toLowerCase()];
    if (found === undefined) return null;
    scale = found;
  }
  let plain: string | null = null;
  if (/^[+-]?\d+$/.test(digits)) plain = digits;
  else if (lang === 'id') {
    // 1.234.567,5 | 14,5 | 14.5 (a decimal point is read too, as people paste English numbers)
    if (/^[+-]?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/.test(digits)) plain = digits.replace(/\./g, '').replace(',', '.');
    else if (/^[+-]?\d+,\d+$/.test(digits)) plain = digits.replace(',', '.');
    else if (/^[+-]?\d*\.\d+$/.test(digits)) plain = digits;
  } else {
    // 1,234,567.5 | 14.5 | 14,5 (a decimal comma is read too)
    if (/^[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(digits)) plain = digits.replace(/,/g, '');
    else if (/^[+-]?\d*\.\d+$/.test(digits)) plain = digits;
    else if (/^[+-]?\d+,\d+$/.test(digits)) plain = digits.replace(',', '.');
  }
  if (plain === null) return null;
  const value = Number(plain) * scale;
  return Number.isFinite(value) ? Number(value.toPrecision(12)) : null;
}

/** Splits "10; 14,5 20, 30" into its numbers' texts, keeping "8,3 miliar" together. */
function pieces(text: string): string[] {
  return text
    .split(/[;\n]|,(?=\s)|\s+(?=[+\-−]?\d)/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

export function parseBreaks(text: string, lang: Language): ParsedBreaks {
  const parts = pieces(text);
  if (parts.length === 0) return { ok: false, problem: { key: 'legend.manual.empty' } };
  const numbers: number[] = [];
  for (const part of parts) {
    const value = parseLocalNumber(part, lang);
    if (value === null) {
      // "10,20,30": commas between numbers, where a comma is also the decimal sign.
      const commaList = /^[+-]?\d+(,[+-]?\d+){2,}$/.test(part);
      return {
        ok: false,
        problem: commaList ? { key: 'legend.manual.useSemicolons', params: { text: part } } : { key: 'legend.manual.notNumber', params: { text: part } },
      };
    }
    numbers.push(value);
  }
  const breaks = [...new Set(numbers)].sort((a, b) => a - b);
  if (breaks.length > MAX_BREAKS) {
    return { ok: false, problem: { key: 'legend.manual.tooMany', params: { max: MAX_BREAKS, count: breaks.length } } };
  }
  const tidied = breaks.length !== numbers.length || breaks.some((b, i) => b !== numbers[i]);
  return { ok: true, breaks, tidied };
}

/** Breaks as a person would type them back: "10; 14,5; 20" in Indonesian, "10; 14.5; 20" in English. */
export function breaksToText(breaks: readonly number[], lang: Language): string {
  const format = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 6 });
  return breaks.map((b) => format.format(b)).join('; ');
}
