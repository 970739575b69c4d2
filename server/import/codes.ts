/**
 * Kemendagri region codes as they arrive in files: dotted (`53.01.01.2001`), undotted (`5301012001`,
 * as e-PPGBM and SIPD export them) or as an Excel number that lost its trailing zero (`53.1` for 53.10).
 */
import type { Level } from './types.ts';

const DOTTED = /^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/;
const DIGITS = /^\d+$/;
// Undotted codes are 2, 4, 6 or 10 digits long; no other length splits unambiguously.
const SEGMENT_ENDS: ReadonlyMap<number, readonly number[]> = new Map([
  [2, [2]],
  [4, [2, 4]],
  [6, [2, 4, 6]],
  [10, [2, 4, 6, 10]],
]);
const WHITESPACE = /\s+/g;

/** The dotted code written in a cell, or null when the text cannot be a Kemendagri code. */
export function readCode(cell: string | number): string | null {
  if (typeof cell === 'number') return readNumericCode(cell);
  const text = cell.replace(WHITESPACE, '');
  if (DOTTED.test(text)) return text;
  const ends = SEGMENT_ENDS.get(text.length);
  if (!ends || !DIGITS.test(text)) return null;
  return ends.map((end, i) => text.slice(i === 0 ? 0 : ends[i - 1], end)).join('.');
}

/** Excel keeps `53.01` as the number 53.01 and `53.10` as 53.1: a kabupaten/kota code has two decimals. */
function readNumericCode(value: number): string | null {
  if (!Number.isFinite(value) || value < 0) return null;
  if (Number.isInteger(value)) return readCode(String(value));
  const [whole, fraction = ''] = String(value).split('.');
  if (whole === undefined || fraction.length > 2) return null;
  return readCode(`${whole}.${fraction.padEnd(2, '0')}`);
}

const LEVEL_BY_LENGTH: ReadonlyMap<number, Level> = new Map([
  [2, 'provinsi'],
  [5, 'kabkota'],
  [8, 'kecamatan'],
  [13, 'desa'],
]);

/** The level a well-formed dotted code belongs to, from its shape alone. */
export function levelOfCode(kode: string): Level | undefined {
  return LEVEL_BY_LENGTH.get(kode.length);
}

/** `53`, `53.01`, `53.01.01` for `53.01.01.2001`: the code and every ancestor, outermost first. */
export function codeLineage(kode: string): string[] {
  const lineage: string[] = [];
  for (let at = kode.indexOf('.'); at >= 0; at = kode.indexOf('.', at + 1)) lineage.push(kode.slice(0, at));
  lineage.push(kode);
  return lineage;
}

/** How a level is named in messages: "bukan kabupaten/kota". */
export const LEVEL_LABEL: Readonly<Record<Level, string>> = {
  provinsi: 'provinsi',
  kabkota: 'kabupaten/kota',
  kecamatan: 'kecamatan',
  desa: 'desa/kelurahan',
};
