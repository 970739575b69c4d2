/**
 * One sheet of an XLSX workbook as a table, read with exceljs. Formula cells count with the result
 * Excel saved for them; a formula without a saved result, or one that evaluated to an error such as
 * #DIV/0!, is a fault the report points at.
 */
import ExcelJS from 'exceljs';
import type { Cell, TableReading, TableRow } from './table.ts';

export async function readWorkbook(bytes: Uint8Array, options: { sheet?: string; maxRows: number }): Promise<TableReading> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer extends ArrayBuffer`; a copy into a fresh ArrayBuffer satisfies it
    // and JSZip underneath reads ArrayBuffers directly.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (error) {
    const detail = error instanceof Error ? `: ${error.message}` : '';
    return { ok: false, reason: `berkas XLSX tidak dapat dibuka${detail}`, suggestion: 'buka di Excel lalu simpan ulang sebagai .xlsx atau CSV UTF-8' };
  }
  const names = workbook.worksheets.map((sheet) => sheet.name);
  const worksheet = options.sheet === undefined ? workbook.worksheets.find((sheet) => sheet.state === 'visible') : workbook.getWorksheet(options.sheet);
  if (!worksheet) {
    const reason = options.sheet === undefined ? 'workbook tidak berisi lembar (sheet) yang terlihat' : `lembar "${options.sheet}" tidak ada di workbook`;
    return { ok: false, reason, suggestion: names.length > 0 ? `lembar yang ada: ${names.join(', ')}` : undefined };
  }

  const rows: TableRow[] = [];
  let truncated = false;
  worksheet.eachRow((row, line) => {
    if (rows.length > options.maxRows) {
      truncated = true;
      return;
    }
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = readCell(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    if (cells.some((cell) => cell !== null)) rows.push({ line, cells });
  });
  return { ok: true, table: { rows, decimalMark: ',', truncated, sheet: worksheet.name } };
}

function readCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'boolean') return String(value).toUpperCase();
  // A date where a year was expected: show it as the user sees it, then it fails as "not a year".
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('error' in value) return { fault: `sel berisi galat Excel ${value.error}`, shown: value.error };
  if ('richText' in value) return readCell(value.richText.map((run) => run.text).join(''));
  if ('hyperlink' in value) return readCell(value.text);
  const formula = 'formula' in value ? value.formula : value.sharedFormula;
  if (value.result === undefined) return { fault: 'sel berisi rumus tanpa hasil tersimpan', shown: `=${formula}` };
  if (typeof value.result === 'object' && 'error' in value.result) return { fault: `rumus menghasilkan galat ${value.result.error}`, shown: `=${formula}` };
  return readCell(value.result);
}
