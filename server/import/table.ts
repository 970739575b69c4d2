/**
 * An uploaded file as a grid of cells with the line numbers the user sees, whatever it was: CSV
 * (UTF-8, `,` `;` or tab separated) or the first (or a named) sheet of an XLSX workbook. Files that
 * are neither are turned away here with a message that says how to save them properly.
 */
import { readCsv } from './csv.ts';
import type { DecimalMark } from './numbers.ts';
import { readWorkbook } from './workbook.ts';

/** A cell whose content cannot be used as it is, e.g. an Excel error or a formula without a saved result. */
export interface CellFault {
  fault: string;
  /** What the cell showed, for the report. */
  shown: string;
}

export type Cell = string | number | null | CellFault;

export interface TableRow {
  line: number;
  cells: Cell[];
}

export interface Table {
  /** Non-empty rows only, in file order; the header is among the first few. */
  rows: TableRow[];
  /** How a lone `,` or `.` in a number like `1.234` is read (see numbers.ts). */
  decimalMark: DecimalMark;
  /** True when reading stopped at `maxRows`: the file has more rows than allowed. */
  truncated: boolean;
  sheet?: string;
}

export type TableReading = { ok: true; table: Table } | { ok: false; reason: string; suggestion?: string; /** where the reader gave up, when known */ line?: number };

export interface TableOptions {
  sheet?: string;
  /** Stop reading after this many rows; the caller reports the file as too large. */
  maxRows: number;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const SAVE_AS = 'simpan ulang dari Excel sebagai "CSV UTF-8 (Comma delimited)" atau sebagai .xlsx';

export async function readTable(bytes: Uint8Array, filename: string, options: TableOptions): Promise<TableReading> {
  if (bytes.length === 0) return { ok: false, reason: 'berkas kosong' };
  if (startsWith(bytes, ZIP)) return readWorkbook(bytes, options);
  if (startsWith(bytes, OLE)) return { ok: false, reason: 'berkas ini format Excel lama (.xls) yang tidak didukung', suggestion: SAVE_AS };
  if (filename.toLowerCase().endsWith('.xlsx')) return { ok: false, reason: `berkas bernama ${filename} tetapi isinya bukan workbook XLSX (mungkin rusak atau salah ekstensi)`, suggestion: SAVE_AS };
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { ok: false, reason: 'berkas berkodekan UTF-16 ("Unicode Text"), bukan UTF-8', suggestion: SAVE_AS };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'berkas bukan teks UTF-8 (mungkin berkas biner, atau CSV berkode Windows-1252/ANSI)', suggestion: SAVE_AS };
  }
  // Text with NUL characters is UTF-16 without a byte-order mark or a binary file that happens to decode.
  if (text.includes('\u0000')) return { ok: false, reason: 'berkas berisi data biner, bukan teks CSV', suggestion: SAVE_AS };
  if (text.trim() === '' || text.trim() === '\ufeff') return { ok: false, reason: 'berkas kosong' };
  return readCsv(text, options.maxRows);
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** The text of a cell as the user would see it, for the `value` of a problem. */
export function showCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return cell.shown;
  return String(cell);
}

/** A1-style column letters: 0 is A, 26 is AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
