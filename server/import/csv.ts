/**
 * CSV text as a table. Indonesian Excel writes `;` between fields and a decimal comma; English Excel
 * and most exporting systems write `,` and a decimal dot. The separator is read off the header line.
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { TableReading, TableRow } from './table.ts';

const CANDIDATE_DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof CANDIDATE_DELIMITERS)[number];

export function readCsv(text: string, maxRows: number): TableReading {
  const delimiter = detectDelimiter(text);
  // Header plus `maxRows` data lines; anything beyond is only looked at to say the file is too long.
  const lastLine = maxRows + 1;
  const read = isPlain(text) ? splitPlain(text, delimiter, lastLine) : parseQuoted(text, delimiter, lastLine);
  if (!Array.isArray(read)) return read;
  return {
    ok: true,
    table: { rows: read.filter((row) => row.cells.some((cell) => cell !== null)), decimalMark: delimiter === ',' ? '.' : ',', truncated: hasTextAfterLine(text, lastLine) },
  };
}

/**
 * Text without quotes and with \n or \r\n line ends, which is what e-PPGBM, SIPD and Excel export for
 * numbers and codes. For such text CSV parsing is exactly splitting lines and fields, which is ten times
 * faster than csv-parse's general machine (~0.2 s instead of ~2 s for a 14 MB national file);
 * anything else goes through csv-parse. import-csv.test.ts checks both paths agree.
 */
export function isPlain(text: string): boolean {
  return !text.includes('"') && !LONE_CARRIAGE_RETURN.test(text);
}

const LONE_CARRIAGE_RETURN = /\r(?!\n)/;

export function splitPlain(text: string, delimiter: Delimiter, lastLine: number): TableRow[] {
  const rows: TableRow[] = [];
  for (let line = 1, start = 0; start < text.length && line <= lastLine; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (stop > start) rows.push({ line, cells: text.slice(start, stop).split(delimiter).map(readCell) });
    start = end + 1;
  }
  return rows;
}

export function parseQuoted(text: string, delimiter: Delimiter, lastLine: number): TableRow[] | TableReading {
  const rows: TableRow[] = [];
  let lastRecordEnd = 0;
  try {
    parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      to_line: lastLine,
      on_record: (record: string[], context) => {
        rows.push({ line: context.lines - newlinesIn(record), cells: record.map(readCell) });
        lastRecordEnd = context.lines;
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // csv-parse reports an unclosed quote where it gave up (the end of the file); it opened in the record after the last good one.
    const line = error.code === 'CSV_QUOTE_NOT_CLOSED' ? lastRecordEnd + 1 : typeof error['lines'] === 'number' ? error['lines'] : undefined;
    const what = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'tanda kutip (") dibuka di baris ini tetapi tidak ditutup' : error.message;
    return { ok: false, reason: `berkas CSV tidak dapat dibaca: ${what}`, suggestion: 'periksa tanda kutip pada baris itu, atau simpan ulang dari Excel', ...(line ? { line } : {}) };
  }
  return rows;
}

function readCell(raw: string): string | null {
  const text = raw.trim();
  return text === '' ? null : text;
}

function newlinesIn(record: string[]): number {
  let count = 0;
  for (const field of record) {
    for (let at = field.indexOf('\n'); at >= 0; at = field.indexOf('\n', at + 1)) count++;
  }
  return count;
}

/** The candidate that appears most often outside quotes on the first non-empty line. */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  let seenContent = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (seenContent) break;
    } else if (!quoted && char !== ' ') {
      seenContent = true;
      counts.set(char, (counts.get(char) ?? 0) + 1);
    }
  }
  let best: Delimiter = ',';
  for (const candidate of CANDIDATE_DELIMITERS) if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  return best;
}

/** Whether anything but blank lines follows line `line` (1-based), i.e. `to_line` cut the file short. */
function hasTextAfterLine(text: string, line: number): boolean {
  let at = -1;
  for (let seen = 0; seen < line; seen++) {
    at = text.indexOf('\n', at + 1);
    if (at < 0) return false;
  }
  return text.slice(at + 1).trim() !== '';
}
