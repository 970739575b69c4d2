import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseImport, type ImportContext, type ImportResult } from '../../server/import/index.ts';
import { fixtureIndex, fixtureRegions, INDICATORS, PERIODS } from './import-fixture.ts';

/**
 * Property-based tests of the import parser (server/import/): whatever bytes arrive, it answers with
 * rows or with problems, never with an exception; and any valid file it is given comes back as
 * exactly the rows that were written into it.
 */
const context: ImportContext = { regions: fixtureIndex(), indicators: INDICATORS, periods: PERIODS };
const DESA = fixtureRegions().filter((region) => region.level === 'desa').map((region) => region.kode);
const RATES_FOR_DESA = INDICATORS.filter((indicator) => indicator.kind === 'rate' && indicator.levels.includes('desa')).map((indicator) => indicator.id);

const parse = (bytes: Uint8Array, filename: string) => parseImport({ bytes, filename }, context);

/** The report is one of the two shapes, and a failed one says what is wrong. */
function expectWellFormed(result: ImportResult) {
  if (result.ok) {
    expect(Array.isArray(result.rows)).toBe(true);
    expect(result.rows.length).toBeGreaterThan(0);
    for (const row of result.rows) expect(Number.isFinite(row.value ?? 0)).toBe(true);
  } else {
    expect(result.problems.length + result.omitted).toBeGreaterThan(0);
    for (const problem of result.problems) {
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.reason.length).toBeGreaterThan(0);
    }
  }
}

describe('parseImport on arbitrary input', () => {
  it('answers any bytes, as CSV or as XLSX, with rows or problems', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom('data.csv', 'data.xlsx', 'data.txt'), async (bytes, filename) => {
        expectWellFormed(await parse(bytes, filename));
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  it('answers bytes that start like a workbook (a zip) with rows or problems', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 1024 }), async (tail) => {
        expectWellFormed(await parse(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail]), 'data.xlsx'));
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  // Text shaped like the files operators send, with every kind of damage mixed in.
  const cell = fc.oneof(
    fc.constantFrom(...DESA.slice(0, 20), '53', '53.01', '32.01.06', 'ID', '', ' ', '"', '""', '=1+1', '@A1', '-SUM(A1)', '\t', 'IH-1', 'BL-5', 'status_desa', 'Sukamaju', 'Oesao'),
    fc.constantFrom('2018', '2024', '2026', '1e400', '9'.repeat(40), 'NaN', '-1', '35,3', '35.3', '1.234,5', '1,234.5', '100%', '0', '101'),
    fc.string({ maxLength: 12 }),
    fc.double().map(String),
  );
  const header = fc.constantFrom('kode,indikator,periode,nilai', 'kode;indikator;periode;pembilang;penyebut', 'code,indicator,year,numerator,denominator', 'kode,IH-1,IH-2', 'nama,indikator,periode,nilai', 'x,y,z', '');
  const csvText = fc
    .tuple(header, fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 30 }), fc.constantFrom(',', ';', '\t'), fc.constantFrom('\n', '\r\n', '\r'))
    .map(([head, rows, delimiter, newline]) => [head, ...rows.map((cells) => cells.join(delimiter))].join(newline));

  it('answers CSV-shaped text of any damage with rows or problems', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, async (text) => {
        expectWellFormed(await parse(new TextEncoder().encode(text), 'data.csv'));
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});

/** Valid rows: distinct desa and indicator pairs, a year in range, a count out of a positive total. */
const validRows = fc.uniqueArray(
  fc.record({
    kode: fc.constantFrom(...DESA),
    indicator: fc.constantFrom(...RATES_FOR_DESA),
    period: fc.integer({ min: PERIODS.min, max: PERIODS.max }),
    denominator: fc.integer({ min: 1, max: 100_000 }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  { minLength: 1, maxLength: 40, selector: (row) => `${row.kode}|${row.indicator}|${row.period}` },
).map((rows) => rows.map(({ share, ...row }) => ({ ...row, numerator: Math.floor(share * row.denominator) })));

describe('parseImport round trip', () => {
  it('reads back exactly the rows written to a CSV file, in either regional convention', async () => {
    await fc.assert(
      fc.asyncProperty(validRows, fc.constantFrom(',', ';'), fc.boolean(), async (rows, delimiter, withDots) => {
        const lines = [['kode', 'indikator', 'periode', 'pembilang', 'penyebut'].join(delimiter)];
        for (const row of rows) lines.push([withDots ? row.kode : row.kode.replaceAll('.', ''), row.indicator, row.period, row.numerator, row.denominator].join(delimiter));
        const result = await parse(new TextEncoder().encode(`${lines.join('\n')}\n`), 'capaian.csv');
        if (!result.ok) throw new Error(`valid file refused: ${JSON.stringify(result.problems.slice(0, 3))}`);
        expect(result.rows.map(({ kode, indicator, period, numerator, denominator }) => ({ kode, indicator, period: Number(period), numerator, denominator }))).toEqual(
          rows.map(({ kode, indicator, period, numerator, denominator }) => ({ kode, indicator, period, numerator, denominator })),
        );
        for (const [i, row] of result.rows.entries()) expect(row.value).toBeCloseTo((100 * (rows[i]?.numerator ?? 0)) / (rows[i]?.denominator ?? 1), 9);
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it('reads back exactly the values written to an XLSX workbook', async () => {
    await fc.assert(
      fc.asyncProperty(validRows, async (rows) => {
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('Capaian');
        sheet.addRow(['kode', 'indikator', 'periode', 'nilai']);
        for (const row of rows) sheet.addRow([row.kode, row.indicator, row.period, Math.round((1000 * row.numerator) / row.denominator) / 10]);
        const result = await parse(new Uint8Array(await book.xlsx.writeBuffer()), 'capaian.xlsx');
        if (!result.ok) throw new Error(`valid workbook refused: ${JSON.stringify(result.problems.slice(0, 3))}`);
        expect(result.rows.map(({ kode, indicator, period, value }) => [kode, indicator, Number(period), value])).toEqual(
          rows.map((row) => [row.kode, row.indicator, row.period, Math.round((1000 * row.numerator) / row.denominator) / 10]),
        );
      }),
      { numRuns: 12 },
    );
  }, 60_000);
});
