/**
 * parseImport: an uploaded CSV or XLSX file of indicator values, checked against the region list,
 * the indicator catalogue and the allowed years, as one report. Pure: no database, no clock.
 *
 *   const regions = createRegionIndex(await listRegions(sql));   // once, shared between imports
 *   const result = await parseImport({ bytes, filename: 'capaian.csv' }, { regions, indicators, periods: { min: 2018, max: 2025 } });
 *   if (!result.ok) return c.json({ problems: result.problems.map(formatProblem) }, 422);
 *   await saveValues(sql, result.rows);
 */
import { z } from 'zod';
import { readLayout } from './columns.ts';
import { formatNumber } from './numbers.ts';
import { ProblemList } from './problems.ts';
import { readRows } from './rows.ts';
import { readTable } from './table.ts';
import { IMPORT_INPUT, IMPORT_LIMITS, INDICATOR_INFO, PERIOD_RANGE, type ImportContext, type ImportInput, type ImportResult } from './types.ts';
import { readPeriod, Rejection } from './values.ts';

export { createRegionIndex, type RegionIndex, type NameLookup } from './region-index.ts';
export { formatProblem } from './problems.ts';
export { parseNumber } from './numbers.ts';
export { readCode } from './codes.ts';
export type { ImportContext, ImportInput, ImportProblem, ImportResult, ImportRow, IndicatorInfo, RegionInfo, ImportLimits } from './types.ts';

const SETTINGS = z.object({
  indicators: z.array(INDICATOR_INFO).min(1),
  periods: PERIOD_RANGE,
  period: z.number().int().optional(),
  limits: IMPORT_LIMITS,
});

export async function parseImport(input: ImportInput, context: ImportContext): Promise<ImportResult> {
  const { bytes, filename, sheet } = IMPORT_INPUT.parse(input);
  const settings = SETTINGS.parse({ indicators: context.indicators, periods: context.periods, period: context.period, limits: context.limits ?? {} });
  const { maxValues, maxProblems } = settings.limits;
  const problems = new ProblemList(maxProblems);
  const fail = (rowCount: number): ImportResult => ({ ok: false, problems: problems.sorted(), rowCount, omitted: problems.omitted });

  let period: string | null = null;
  if (settings.period !== undefined) {
    const chosen = readPeriod(settings.period, settings.periods);
    if (chosen instanceof Rejection) problems.add({ line: 1, column: 'periode', value: String(settings.period), reason: `periode yang dipilih: ${chosen.reason}` });
    else period = chosen;
  }

  const reading = await readTable(bytes, filename, { sheet, maxRows: maxValues });
  if (!reading.ok) {
    problems.add({ line: reading.line ?? 1, column: '', value: filename, reason: reading.reason, ...(reading.suggestion ? { suggestion: reading.suggestion } : {}) });
    return fail(0);
  }
  const { table } = reading;
  const layout = readLayout(table, settings.indicators, settings.period !== undefined);
  const dataRows = Math.max(0, table.rows.length - 1 - (layout.ok ? layout.layout.headerAt : 0));
  if (!layout.ok) {
    for (const problem of layout.problems) problems.add(problem);
    return fail(dataRows);
  }
  const { format, indicators } = layout.layout;
  if (dataRows === 0) {
    problems.add({ line: table.rows[layout.layout.headerAt]?.line ?? 1, column: '', value: '', reason: 'berkas hanya berisi judul kolom, tanpa baris data' });
    return fail(0);
  }
  const values = format === 'wide' ? dataRows * indicators.length : dataRows;
  if (table.truncated || values > maxValues) {
    const size = table.truncated ? `lebih dari ${formatNumber(maxValues)}` : formatNumber(values);
    problems.add({ line: 1, column: '', value: '', reason: `berkas berisi ${size} nilai; batasnya ${formatNumber(maxValues)} nilai per unggahan`, suggestion: 'bagi menjadi beberapa berkas, mis. satu per provinsi atau per tahun' });
    return fail(dataRows);
  }

  const rows = readRows(table, layout.layout, { regions: context.regions, indicators: settings.indicators, periods: settings.periods, period, decimalMark: table.decimalMark, problems });
  if (problems.total > 0) return fail(dataRows);
  return { ok: true, rows, format, ...(table.sheet ? { sheet: table.sheet } : {}) };
}
