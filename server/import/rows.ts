/**
 * Every data row checked and turned into ImportRows: one per row in long format, one per indicator
 * cell in wide format. Every problem is reported, row by row; nothing stops at the first.
 */
import type { Column, Layout } from './columns.ts';
import { LEVEL_LABEL } from './codes.ts';
import { formatNumber, type DecimalMark } from './numbers.ts';
import type { ProblemList } from './problems.ts';
import { regionReader, type Report } from './region-reader.ts';
import type { RegionIndex } from './region-index.ts';
import { showCell, type Cell, type Table, type TableRow } from './table.ts';
import type { ImportRow, IndicatorInfo, RegionInfo } from './types.ts';
import { checkAmount, checkLevel, indicatorReader, readNumber, readPeriod, readText, Rejection } from './values.ts';

export interface RowsContext {
  regions: RegionIndex;
  indicators: readonly IndicatorInfo[];
  periods: { min: number; max: number };
  /** The year for rows without one (no periode column, or a blank periode cell). */
  period: string | null;
  decimalMark: DecimalMark;
  problems: ProblemList;
}

// Values computed from pembilang/penyebut may differ from a rounded nilai by this much (whole-percent rounding).
const RATE_TOLERANCE = 0.5;

interface Amount {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  category?: string;
}

export function readRows(table: Table, layout: Layout, context: RowsContext): ImportRow[] {
  const { problems, decimalMark } = context;
  const { roles } = layout;
  const regionOf = regionReader(layout, context.regions);
  const indicatorOf = indicatorReader(context.indicators);
  const regionColumn: Column = roles.kode ?? layout.names.at(-1)?.column ?? { index: -1, header: 'kode' };
  const firstLine = new Map<string, number>();
  const reportedFirst = new Set<string>();
  const rows: ImportRow[] = [];
  const wideColumns = layout.indicators.map(({ indicator, column }) => ({ indicator, column, what: `nilai ${indicator.id}` }));

  for (let at = layout.headerAt + 1; at < table.rows.length; at++) {
    const row = table.rows[at]!;
    const cellAt = (column: Column | undefined): Cell => (column ? (row.cells[column.index] ?? null) : null);
    const report: Report = (column, cell, rejection) => problems.add({ line: row.line, column: column.header, value: showCell(cell), reason: rejection.reason, ...(rejection.suggestion ? { suggestion: rejection.suggestion } : {}) });
    const region = regionOf(row, report);
    const period = readRowPeriod(cellAt(roles.periode), report);

    if (layout.format === 'long') {
      const indicator = indicatorOf(cellAt(roles.indikator));
      if (indicator instanceof Rejection) report(roles.indikator ?? regionColumn, cellAt(roles.indikator), indicator);
      const known = indicator instanceof Rejection ? null : indicator;
      const amount = readAmount(cellAt, known, report);
      const misplaced = region && known ? checkLevel(region, known) : null;
      if (misplaced) report(regionColumn, cellAt(regionColumn), misplaced);
      if (!region || !known || period === null || !amount || misplaced) continue;
      if (isDuplicate(`${region.kode}|${known.id}|${period}`, row, `kode ${region.kode}, ${known.id}, periode ${period}`)) continue;
      if (problems.total === 0) rows.push(toRow(row.line, region.kode, known.id, period, amount));
    } else {
      const fresh = region !== null && period !== null && !isDuplicate(`${region.kode}|${period}`, row, `kode ${region.kode}, periode ${period}`);
      readWideValues(row, region, report, fresh && region && period !== null ? { kode: region.kode, period } : null);
    }
  }
  return rows;

  /** Whether another row already has `key`; reports both lines ("... juga ada di baris 9"). */
  function isDuplicate(key: string, row: TableRow, what: string): boolean {
    const earlier = firstLine.get(key);
    if (earlier === undefined) {
      firstLine.set(key, row.line);
      return false;
    }
    const value = showCell(row.cells[regionColumn.index] ?? null);
    const duplicate = (line: number, other: number) => problems.add({ line, column: regionColumn.header, value, reason: `baris ganda: ${what} juga ada di baris ${other}`, suggestion: 'hapus salah satu baris' });
    if (!reportedFirst.has(key)) {
      reportedFirst.add(key);
      duplicate(earlier, row.line);
    }
    duplicate(row.line, earlier);
    return true;
  }

  /** Long format: nilai, or pembilang and penyebut (a rate is then 100 x pembilang / penyebut). */
  function readAmount(cellAt: (column: Column | undefined) => Cell, indicator: IndicatorInfo | null, report: Report): Amount | null {
    let ok = true;
    const reject = (column: Column | undefined, cell: Cell, rejection: Rejection) => {
      report(column ?? regionColumn, cell, rejection);
      ok = false;
    };
    const valueCell = cellAt(roles.nilai);
    if (indicator?.kind === 'category') {
      const category = readText(valueCell, 'nilai');
      if (category instanceof Rejection) return failed(report, roles.nilai ?? regionColumn, valueCell, category);
      return { value: null, numerator: null, denominator: null, category };
    }
    const numeratorCell = cellAt(roles.pembilang);
    const denominatorCell = cellAt(roles.penyebut);
    const hasFraction = numeratorCell !== null || denominatorCell !== null;
    let value: number | null = null;
    // A row with nilai and pembilang/penyebut columns all blank is one problem ("nilai kosong"), not three.
    if (roles.nilai && (valueCell !== null || !hasFraction)) {
      const read = readNumber(valueCell, 'nilai', decimalMark);
      if (read instanceof Rejection) reject(roles.nilai, valueCell, read);
      else value = read;
    }
    let numerator: number | null = null;
    let denominator: number | null = null;
    if (roles.pembilang && roles.penyebut && (hasFraction || !roles.nilai)) {
      const readN = readNumber(numeratorCell, 'pembilang', decimalMark);
      const readD = readNumber(denominatorCell, 'penyebut', decimalMark);
      if (readN instanceof Rejection) reject(roles.pembilang, numeratorCell, readN);
      if (readD instanceof Rejection) reject(roles.penyebut, denominatorCell, readD);
      if (typeof readN === 'number' && typeof readD === 'number') {
        numerator = readN;
        denominator = readD;
        const fault = checkFraction(readN, readD, indicator, value);
        if (fault?.column === 'penyebut') reject(roles.penyebut, denominatorCell, fault.rejection);
        else if (fault) reject(roles.pembilang, numeratorCell, fault.rejection);
        else if (value === null && indicator?.kind === 'rate') value = (100 * readN) / readD;
      }
    }
    if (value !== null && indicator) {
      const fault = checkAmount(value, indicator);
      if (fault && valueCell !== null) reject(roles.nilai, valueCell, fault);
      else if (fault) reject(roles.pembilang, numeratorCell, fault);
    }
    return ok && indicator ? { value, numerator, denominator } : null;
  }

  function readRowPeriod(cell: Cell, report: Report): string | null {
    if (!roles.periode || (cell === null && context.period !== null)) return context.period;
    const period = readPeriod(cell, context.periods);
    if (typeof period === 'string') return period;
    report(roles.periode, cell, period);
    return null;
  }

  /**
   * Wide format: one value per indicator column, each pushed straight to `rows` (into `target`'s region and
   * period) while the file is still clean. Blank cells of indicators not reported at this level are skipped.
   */
  function readWideValues(row: TableRow, region: RegionInfo | null, report: Report, target: { kode: string; period: string } | null): void {
    const misplaced: IndicatorInfo[] = [];
    for (const { indicator, column, what } of wideColumns) {
      const cell = row.cells[column.index] ?? null;
      const fits = !region || indicator.levels.includes(region.level);
      if (cell === null && !fits) continue;
      if (!fits) misplaced.push(indicator);
      if (indicator.kind === 'category') {
        const category = readText(cell, what);
        if (category instanceof Rejection) report(column, cell, category);
        else if (target && problems.total === 0) rows.push({ line: row.line, kode: target.kode, indicator: indicator.id, period: target.period, value: null, numerator: null, denominator: null, category });
        continue;
      }
      const value = readNumber(cell, what, decimalMark);
      const fault = value instanceof Rejection ? value : checkAmount(value, indicator);
      if (fault) report(column, cell, fault);
      else if (target && problems.total === 0 && typeof value === 'number') rows.push({ line: row.line, kode: target.kode, indicator: indicator.id, period: target.period, value, numerator: null, denominator: null });
    }
    const [first] = misplaced;
    if (region && first) {
      const rejection = misplaced.length === 1 ? checkLevel(region, first) : new Rejection(`${misplaced.map((indicator) => indicator.id).join(', ')} tidak dilaporkan di tingkat ${LEVEL_LABEL[region.level]}; ${region.kode} adalah ${LEVEL_LABEL[region.level]}`, 'kosongkan sel-sel ini, atau pindahkan nilainya ke wilayah di tingkat yang benar');
      if (rejection) report(regionColumn, row.cells[regionColumn.index] ?? null, rejection);
    }
  }
}

/** One literal shape per kind of row keeps V8's objects monomorphic; spreading would not. */
function toRow(line: number, kode: string, indicator: string, period: string, amount: Amount): ImportRow {
  const { value, numerator, denominator, category } = amount;
  if (category === undefined) return { line, kode, indicator, period, value, numerator, denominator };
  return { line, kode, indicator, period, value, numerator, denominator, category };
}

function failed(report: Report, column: Column, cell: Cell, rejection: Rejection): null {
  report(column, cell, rejection);
  return null;
}

function checkFraction(numerator: number, denominator: number, indicator: IndicatorInfo | null, value: number | null): { column: 'pembilang' | 'penyebut'; rejection: Rejection } | null {
  if (numerator < 0) return { column: 'pembilang', rejection: new Rejection(`pembilang ${formatNumber(numerator)} negatif`, 'nilai tidak boleh kurang dari 0') };
  if (denominator < 0) return { column: 'penyebut', rejection: new Rejection(`penyebut ${formatNumber(denominator)} negatif`, 'nilai tidak boleh kurang dari 0') };
  if (!indicator) return null;
  if (indicator.kind !== 'rate') return { column: 'pembilang', rejection: new Rejection(`${indicator.id} bukan persentase, jadi tidak dihitung dari pembilang/penyebut`, 'isi kolom nilai saja untuk indikator ini') };
  if (denominator === 0) return { column: 'penyebut', rejection: new Rejection('penyebut 0: persentase tidak dapat dihitung', 'periksa jumlah sasaran; kosongkan baris bila belum ada sasaran') };
  if (numerator > denominator) return { column: 'pembilang', rejection: new Rejection(`pembilang ${formatNumber(numerator)} lebih besar dari penyebut ${formatNumber(denominator)}`, 'periksa apakah kolom pembilang dan penyebut tertukar') };
  const computed = (100 * numerator) / denominator;
  if (value !== null && Math.abs(value - computed) > RATE_TOLERANCE) {
    return { column: 'pembilang', rejection: new Rejection(`nilai ${formatNumber(value)} tidak sama dengan 100 × pembilang / penyebut = ${formatNumber(computed)}`, 'periksa nilai, pembilang dan penyebut di baris ini') };
  }
  return null;
}
