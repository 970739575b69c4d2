/**
 * Single cells read as what their column promises: a number, a year, an indicator id, some text.
 * A reader returns the value, or a Rejection that says in the user's words what is wrong. Success
 * allocates nothing, which matters at 2.6 million cells.
 */
import { LEVEL_LABEL } from './codes.ts';
import { closest } from './names.ts';
import { foldHeader } from './columns.ts';
import { formatNumber, parseNumber, type DecimalMark } from './numbers.ts';
import type { Cell } from './table.ts';
import type { IndicatorInfo, RegionInfo } from './types.ts';

export class Rejection {
  constructor(
    readonly reason: string,
    readonly suggestion?: string,
  ) {}
}

// Text Excel would run as a formula (also the CSV-injection vector): `=...`, `@...`, `+A1`, `-SUM(...)`.
// A plain `-5` is not one: it reads as a number and is then rejected as negative.
const FORMULA = /^(?:[=@]|[+-]\s*[A-Za-z(])/;

const AS_VALUES = 'ganti rumus dengan hasilnya: Salin, lalu Tempel Spesial > Nilai';

/** Text content of a cell, rejecting blanks, Excel errors and formulas. */
export function readText(cell: Cell, what: string): string | Rejection {
  if (cell === null) return new Rejection(`${what} kosong`);
  if (typeof cell === 'object') return new Rejection(cell.fault, AS_VALUES);
  const text = String(cell);
  if (FORMULA.test(text)) return new Rejection(`"${text}" berisi rumus, bukan ${what}`, AS_VALUES);
  return text;
}

/**
 * The largest magnitude a value may have: 2^53, beyond which a number is no longer stored exactly.
 * Ample for rupiah (the whole national budget is ~3.3 × 10^15); `1e400` (Infinity) or a 40-digit
 * number is a broken cell, not data.
 */
export const MAX_MAGNITUDE = Number.MAX_SAFE_INTEGER;

export function readNumber(cell: Cell, what: string, decimalMark: DecimalMark): number | Rejection {
  let value: number;
  if (typeof cell === 'number') value = cell;
  else {
    const text = readText(cell, what);
    if (text instanceof Rejection) return text;
    const parsed = parseNumber(text, decimalMark);
    if (parsed === null) return new Rejection(`${what} "${text}" bukan angka`, 'tulis angka saja, mis. 35,3 atau 35.3');
    value = parsed;
  }
  // Written so that NaN fails too.
  if (!(Math.abs(value) <= MAX_MAGNITUDE)) {
    const shown = String(cell);
    return new Rejection(`${what} "${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}" terlalu besar`, 'periksa sel ini: angka sebesar itu bukan data yang sah');
  }
  return value;
}

const YEAR = /^\d{4}$/;

/** A year within the allowed range, as the string rows carry ("2024"). */
export function readPeriod(cell: Cell, range: { min: number; max: number }): string | Rejection {
  const text = typeof cell === 'number' ? String(cell) : readText(cell, 'periode');
  if (text instanceof Rejection) return text;
  if (!YEAR.test(text)) return new Rejection(`periode "${text}" bukan tahun`, 'tulis tahun empat angka, mis. 2024');
  const year = Number(text);
  if (year < range.min || year > range.max) return new Rejection(`periode ${text} di luar rentang ${range.min}–${range.max}`);
  return text;
}

/** Indicator ids in cells, matched like headers: "ih-1", "IH 1" and "IH1" are IH-1. Also by full name. */
export function indicatorReader(indicators: readonly IndicatorInfo[]): (cell: Cell) => IndicatorInfo | Rejection {
  const byKey = new Map<string, IndicatorInfo>();
  for (const indicator of indicators) byKey.set(foldHeader(indicator.nama), indicator);
  for (const indicator of indicators) byKey.set(foldHeader(indicator.id), indicator);
  return (cell) => {
    const text = readText(cell, 'indikator');
    if (text instanceof Rejection) return text;
    const key = foldHeader(text);
    const found = byKey.get(key);
    if (found) return found;
    const near = closest(key, indicators, (indicator) => foldHeader(indicator.id), Math.max(1, Math.floor(key.length / 3)), 3);
    return new Rejection(`indikator "${text}" tidak dikenal`, near.length > 0 ? `mungkin maksud Anda ${near.map((indicator) => indicator.id).join(' atau ')}?` : 'pakai kode indikator dari katalog, mis. IH-1');
  };
}

/** Whether `value` can be a value of `indicator`: not negative, a percentage at most 100, a count whole. */
export function checkAmount(value: number, indicator: IndicatorInfo): Rejection | null {
  if (value < 0) return new Rejection(`nilai ${formatNumber(value)} negatif`, 'nilai tidak boleh kurang dari 0');
  if (indicator.kind === 'rate' && value > 100) return new Rejection(`persentase ${formatNumber(value)} lebih dari 100`, 'isi persentase 0–100, bukan jumlah atau per mil');
  if (indicator.kind === 'count' && !Number.isInteger(value)) return new Rejection(`${indicator.id} berupa jumlah, tetapi ${formatNumber(value)} bukan bilangan bulat`);
  return null;
}

/** "IH-1 dilaporkan di tingkat desa/kelurahan, kecamatan; 53 adalah provinsi", or null when it fits. */
export function checkLevel(region: RegionInfo, indicator: IndicatorInfo): Rejection | null {
  if (indicator.levels.includes(region.level)) return null;
  const levels = indicator.levels.map((level) => LEVEL_LABEL[level]).join(', ');
  return new Rejection(`${indicator.id} dilaporkan di tingkat ${levels}; ${region.kode} adalah ${LEVEL_LABEL[region.level]}`, 'hapus nilai ini, atau pindahkan ke wilayah di tingkat yang benar');
}
