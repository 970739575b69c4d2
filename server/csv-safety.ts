import { stringify } from 'csv-stringify/sync';

/**
 * CSV that is safe to open in a spreadsheet. A text cell starting with =, +, -, @, a tab or a carriage
 * return would run as a formula in Excel, LibreOffice or Google Sheets (CSV injection, OWASP), and so
 * may their full-width forms (＝＋－＠), which some spreadsheets read as the ASCII ones; such cells
 * get a leading apostrophe, which spreadsheets show as plain text. Numbers are left alone, so a
 * negative value stays a number. This is the only CSV or XLSX the server writes (GET /api/values.csv).
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutraliseFormula(cell: unknown): unknown {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function toSafeCsv(rows: Record<string, unknown>[]): string {
  const safe = rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, cell]) => [key, neutraliseFormula(cell)])));
  return stringify(safe, { header: true, columns: rows[0] ? Object.keys(rows[0]) : [] });
}
