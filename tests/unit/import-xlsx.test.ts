import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseImport, type ImportContext, type ImportResult, type ImportRow } from '../../server/import/index.ts';
import { fixtureIndex, INDICATORS, PERIODS, row } from './import-fixture.ts';

const regions = fixtureIndex();

type Sheet = { name: string; rows: ExcelJS.CellValue[][]; hidden?: boolean };

/** An .xlsx file built with exceljs, sheet by sheet; row i of `rows` lands on sheet row i + 1. */
async function workbook(...sheets: Sheet[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = book.addWorksheet(sheet.name, sheet.hidden ? { state: 'hidden' } : {});
    sheet.rows.forEach((values, i) => {
      values.forEach((value, j) => {
        worksheet.getCell(i + 1, j + 1).value = value;
      });
    });
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function importXlsx(bytes: Uint8Array, options: Partial<ImportContext> & { sheet?: string } = {}): Promise<ImportResult> {
  const { sheet, ...context } = options;
  return parseImport({ bytes, filename: 'capaian.xlsx', ...(sheet ? { sheet } : {}) }, { regions, indicators: INDICATORS, periods: PERIODS, ...context });
}

function rowsOf(result: ImportResult): ImportRow[] {
  if (!result.ok) throw new Error(`expected rows, got problems:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.rows;
}

function problemsOf(result: ImportResult): string[] {
  if (result.ok) throw new Error(`expected problems, got ${result.rows.length} rows`);
  return result.problems.map(formatProblem);
}


describe('parseImport: XLSX', () => {
  it('reads long format: numeric cells, cached formula results, rich text, sheet row numbers', async () => {
    const bytes = await workbook({
      name: 'Capaian',
      rows: [
        ['Capaian indikator konvergensi, Kabupaten Kupang'],
        [],
        ['Kode', 'Indikator', 'Tahun', 'Pembilang', 'Penyebut'],
        ['53.01.06.2015', 'IH-1', 2024, 30, { formula: 'SUM(10,110)', result: 120 }],
        [{ richText: [{ text: '53.01.' }, { text: '06.2016', font: { bold: true } }] }, 'IH-1', 2024, 7, 7],
        [],
        [5301062017, 'BD-3', '2024', { formula: 'F1*2', result: 1 }, 4],
      ],
    });
    const result = await importXlsx(bytes);
    expect(rowsOf(result)).toEqual([
      row(4, '53.01.06.2015', 'IH-1', 25, { numerator: 30, denominator: 120 }),
      row(5, '53.01.06.2016', 'IH-1', 100, { numerator: 7, denominator: 7 }),
      row(7, '53.01.06.2017', 'BD-3', 25, { numerator: 1, denominator: 4 }),
    ]);
    expect(result.ok && [result.format, result.sheet]).toEqual(['long', 'Capaian']);
  });

  it('reads wide format, with codes Excel turned into numbers (53.1 is 53.10)', async () => {
    const bytes = await workbook({
      name: 'Data',
      rows: [
        ['kode', 'periode', 'prevalensi_stunting'],
        [53.01, 2024, 26.5],
        [53.1, 2024, '31,2'],
        [53, 2023, 37.9],
      ],
    });
    expect(rowsOf(await importXlsx(bytes))).toEqual([
      row(2, '53.01', 'prevalensi_stunting', 26.5),
      row(3, '53.10', 'prevalensi_stunting', 31.2),
      { ...row(4, '53', 'prevalensi_stunting', 37.9), period: '2023' },
    ]);
  });

  it('reads the first visible sheet, or the one named', async () => {
    const data = { name: 'Data', rows: [['kode', 'periode', 'IH-1'], ['53.01.06.2015', 2024, 10]] };
    const other = { name: 'Data 2023', rows: [['kode', 'periode', 'IH-1'], ['53.01.06.2015', 2023, 20]] };
    const hidden = { name: 'Referensi', hidden: true, rows: [['kode', 'periode', 'IH-1'], ['53.01.06.2015', 2022, 30]] };
    const bytes = await workbook(hidden, data, other);

    const first = await importXlsx(bytes);
    expect(rowsOf(first)).toEqual([row(2, '53.01.06.2015', 'IH-1', 10)]);
    expect(first.ok && first.sheet).toBe('Data');

    const named = await importXlsx(bytes, { sheet: 'Data 2023' });
    expect(rowsOf(named)).toEqual([{ ...row(2, '53.01.06.2015', 'IH-1', 20), period: '2023' }]);
    expect(named.ok && named.sheet).toBe('Data 2023');

    expect(problemsOf(await importXlsx(bytes, { sheet: 'Data 2025' }))).toEqual(['baris 1: lembar "Data 2025" tidak ada di workbook (lembar yang ada: Referensi, Data, Data 2023)']);
  });

  const AS_VALUES = '(ganti rumus dengan hasilnya: Salin, lalu Tempel Spesial > Nilai)';
  const cases: { name: string; cells: ExcelJS.CellValue[]; problems: string[] }[] = [
    { name: 'formula without a saved result', cells: ['53.01.06.2015', 'IH-1', 2024, { formula: 'B7*100' }], problems: [`baris 2, kolom nilai: sel berisi rumus tanpa hasil tersimpan ${AS_VALUES}`] },
    { name: 'formula that evaluated to an error', cells: ['53.01.06.2015', 'IH-1', 2024, { formula: 'A1/0', result: { error: '#DIV/0!' } }], problems: [`baris 2, kolom nilai: rumus menghasilkan galat #DIV/0! ${AS_VALUES}`] },
    { name: 'an error cell', cells: ['53.01.06.2015', 'IH-1', 2024, { error: '#N/A' }], problems: [`baris 2, kolom nilai: sel berisi galat Excel #N/A ${AS_VALUES}`] },
    { name: 'formula typed as text', cells: ['53.01.06.2015', 'IH-1', 2024, '=SUM(D2:D9)'], problems: [`baris 2, kolom nilai: "=SUM(D2:D9)" berisi rumus, bukan nilai ${AS_VALUES}`] },
    { name: 'a negative number typed as text', cells: ['53.01.06.2015', 'IH-1', 2024, '-5'], problems: ['baris 2, kolom nilai: nilai -5 negatif (nilai tidak boleh kurang dari 0)'] },
    { name: 'a negative number', cells: ['53.01.06.2015', 'IH-1', 2024, -0.5], problems: ['baris 2, kolom nilai: nilai -0,5 negatif (nilai tidak boleh kurang dari 0)'] },
    { name: 'a date where the year belongs', cells: ['53.01.06.2015', 'IH-1', new Date(Date.UTC(2024, 0, 1)), 5], problems: ['baris 2, kolom periode: periode "2024-01-01" bukan tahun (tulis tahun empat angka, mis. 2024)'] },
    { name: 'a year with decimals', cells: ['53.01.06.2015', 'IH-1', 2024.5, 5], problems: ['baris 2, kolom periode: periode "2024.5" bukan tahun (tulis tahun empat angka, mis. 2024)'] },
    { name: 'a code Excel cannot have meant', cells: [53.011, 'IH-1', 2024, 5], problems: ['baris 2, kolom kode: "53.011" bukan kode wilayah Kemendagri (tulis seperti 53, 53.01, 53.01.01 atau 53.01.01.2001; titik boleh dihilangkan)'] },
  ];
  it.each(cases)('reports $name', async ({ cells, problems }) => {
    const bytes = await workbook({ name: 'Data', rows: [['kode', 'indikator', 'periode', 'nilai'], cells] });
    expect(problemsOf(await importXlsx(bytes))).toEqual(problems);
  });
});
