import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client.ts';
import { LAGGING_EXPORT_COLUMNS, laggingResponseSchema, type LaggingWire } from '../../shared/api/supervision.ts';
import { shippedApp } from '../support/app.ts';

let app: Awaited<ReturnType<typeof shippedApp>>['app'];
let db: Database;
beforeAll(async () => {
  ({ app, db } = await shippedApp());
});
afterAll(() => db?.close());

type Values = { values: Record<string, { value: number; demo?: boolean; numerator?: number }> };
const json = async <T>(path: string): Promise<T> => {
  const response = await app.request(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
};

async function lagging(kode: string, indicator: string, period: string): Promise<LaggingWire> {
  return laggingResponseSchema.parse(await json(`/api/regions/${kode}/lagging?indicator=${indicator}&period=${period}`));
}

describe('GET /api/regions/{kode}/lagging', () => {
  it('flags the kab/kota of NTT in 2021 exactly as /api/values figures say (prevalence: lower is better, target 14)', async () => {
    const report = await lagging('53', 'prevalensi_stunting', '2021');
    const now = await json<Values>('/api/values?indicator=prevalensi_stunting&period=2021&level=kabkota&parent=53');
    const province = await json<Values>('/api/values?indicator=prevalensi_stunting&period=2021&level=provinsi');
    const parent = province.values['53']?.value ?? null;
    expect(report).toMatchObject({ level: 'kabkota', direction: 'lower', target: 14, previous_period: null, parent_value: parent });
    expect(report.children).toHaveLength(22);
    expect(report.counts.children).toBe(22);
    for (const child of report.children) {
      const value = now.values[child.kode]?.value ?? null;
      const previous = null; // 2021 is the first survey
      expect(child.value).toBe(value);
      expect(child.previous_value).toBe(previous);
      const expected: string[] = [];
      if (value === null) expected.push('not_reporting');
      else {
        if (value > 14) expected.push('below_target');
        if (parent !== null && value > parent) expected.push('worse_than_parent');
        if (previous !== null && value > previous) expected.push('worse_than_previous');
      }
      expect(child.reasons.map((r) => r.flag), child.kode).toEqual(expected);
      expect(child.flags).toBe(expected.length);
    }
    // Counts per flag add up, and flagged children come first, most urgent first.
    for (const flag of ['below_target', 'worse_than_parent', 'worse_than_previous', 'not_reporting'] as const) {
      expect(report.counts[flag]).toBe(report.children.filter((c) => c.reasons.some((r) => r.flag === flag)).length);
    }
    const severities = report.children.slice(0, report.counts.flagged).map((c) => c.severity);
    expect(severities).toEqual([...severities].sort((a, b) => b - a));
    expect(report.children.slice(report.counts.flagged).every((c) => c.flags === 0)).toBe(true);
    // Reasons in words, with Indonesian decimals.
    const target = report.children.flatMap((c) => c.reasons).find((r) => r.flag === 'below_target');
    expect(target?.text).toMatch(/^di atas target 14% \(\d+,\d%\)$/);
    const worse = report.children.flatMap((c) => c.reasons).find((r) => r.flag === 'worse_than_parent');
    expect(worse?.text).toBe(`lebih buruk dari Nusa Tenggara Timur (${String(parent?.toFixed(1)).replace('.', ',')}%)`);
  });

  it('words coverage (higher is better) the other way, and marks demonstration data', async () => {
    const report = await lagging('51.71.01', 'IH-1', '2024');
    expect(report.level).toBe('desa');
    expect(report.direction).toBe('higher');
    const texts = report.children.flatMap((c) => c.reasons.map((r) => r.text));
    expect(texts.some((t) => /^lebih buruk dari Denpasar Selatan \(\d+,\d%\)$/.test(t))).toBe(true);
    expect(texts.filter((t) => t.startsWith('naik')).length).toBe(0);
    expect(report.previous_period).toBe('2023');
    const worse = report.children.find((c) => c.reasons.some((r) => r.flag === 'worse_than_previous'));
    expect(worse?.previous_value).toBeGreaterThan(worse?.value ?? Infinity);
    expect(worse?.reasons.find((r) => r.flag === 'worse_than_previous')?.text).toBe(`turun dari 2023 (${(worse?.previous_value ?? 0).toLocaleString('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%)`);
    expect(report.children.some((c) => c.demo)).toBe(true);
  });

  it('answers 400 and 404 as problem+json', async () => {
    const cases: [string, number][] = [
      ['/api/regions/53/lagging?indicator=prevalensi_stunting&period=24', 400],
      ['/api/regions/53/lagging?period=2024', 400],
      ['/api/regions/5x/lagging?indicator=prevalensi_stunting&period=2024', 400],
      ['/api/regions/53.01/lagging?indicator=prevalensi_stunting&period=2024', 400], // kecamatan have no prevalence
      ['/api/regions/51.71.01.1001/lagging?indicator=IH-1&period=2024', 400], // a desa has no children
      ['/api/regions/99/lagging?indicator=prevalensi_stunting&period=2024', 404],
      ['/api/regions/53/lagging?indicator=nope&period=2024', 404],
      ['/api/regions/53/lagging.csv?indicator=nope&period=2024', 404],
      ['/api/regions/53/lagging.xlsx?indicator=prevalensi_stunting', 400],
    ];
    for (const [path, status] of cases) {
      const response = await app.request(path);
      expect(response.status, path).toBe(status);
      expect(response.headers.get('content-type'), path).toMatch(/^application\/problem\+json/);
      expect(((await response.json()) as { detail: string }).detail.length).toBeGreaterThan(5);
    }
  });
});

describe('the lagging work-list as CSV and XLSX', () => {
  it('has the same rows as the JSON, in the same order, with the flags in words', async () => {
    const report = await lagging('53', 'prevalensi_stunting', '2021');
    const response = await app.request('/api/regions/53/lagging.csv?indicator=prevalensi_stunting&period=2021');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="tertinggal_53_prevalensi_stunting_2021.csv"/);
    const text = (await response.text()).replace(/^\uFEFF/, '');
    const rows: Record<string, string>[] = parse(text, { columns: true });
    expect(text.split('\n')[0]).toBe(LAGGING_EXPORT_COLUMNS.join(','));
    expect(rows.map((r) => r.kode)).toEqual(report.children.map((c) => c.kode));
    rows.forEach((row, i) => {
      const child = report.children[i];
      expect(row.nama).toBe(child?.nama);
      expect(row.provinsi).toBe('Nusa Tenggara Timur');
      expect(row.nilai).toBe(child?.value === null ? '' : String(child?.value));
      expect(row.nilai_sebelumnya).toBe('');
      expect(row.nilai_induk).toBe(String(report.parent_value));
      expect(row.target).toBe('14');
      expect(Number(row.jumlah_tanda)).toBe(child?.flags);
      expect(row.tanda).toBe(child?.flags ? child.reasons.map((r) => r.text).join('; ') : 'tidak tertinggal');
      expect(row.demonstrasi).toBe(child?.value === null ? '' : child?.demo ? 'ya' : 'tidak');
    });

    const xlsx = await app.request('/api/regions/53/lagging.xlsx?indicator=prevalensi_stunting&period=2021');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0];
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([...LAGGING_EXPORT_COLUMNS]);
    const column = (name: string) => LAGGING_EXPORT_COLUMNS.indexOf(name as (typeof LAGGING_EXPORT_COLUMNS)[number]) + 1;
    expect(sheet?.rowCount).toBe(rows.length + 1);
    rows.forEach((row, i) => {
      const cells = sheet?.getRow(i + 2);
      expect(cells?.getCell(column('kode')).value).toBe(row.kode);
      expect(cells?.getCell(column('tanda')).value).toBe(row.tanda);
      const value = cells?.getCell(column('nilai')).value;
      expect(value === '' || value === null ? '' : String(value)).toBe(row.nilai);
      expect(typeof cells?.getCell(column('jumlah_tanda')).value).toBe('number');
    });
  });

  it('writes no cell a spreadsheet would run as a formula, in CSV or XLSX', async () => {
    // A hostile name (this test's own copy of the database).
    const [first] = await db.sql<{ kode: string }[]>`SELECT kode FROM region WHERE parent = '51.71.01' ORDER BY kode LIMIT 1`;
    await db.sql`UPDATE region SET nama = '=HYPERLINK("http://x","klik")' WHERE kode = ${first?.kode ?? ''}`;
    const csv = (await (await app.request('/api/regions/51.71.01/lagging.csv?indicator=IH-1&period=2024')).text()).replace(/^\uFEFF/, '');
    const rows: Record<string, string>[] = parse(csv, { columns: true });
    expect(rows.find((r) => r.kode === first?.kode)?.nama).toBe(`'=HYPERLINK("http://x","klik")`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await app.request('/api/regions/51.71.01/lagging.xlsx?indicator=IH-1&period=2024')).arrayBuffer());
    const sheet = workbook.worksheets[0];
    const found: unknown[] = [];
    sheet?.eachRow((row) => row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) found.push(cell.address);
      if (typeof cell.value === 'string' && cell.value.includes('HYPERLINK')) found.push(cell.value);
    }));
    expect(found).toEqual([`'=HYPERLINK("http://x","klik")`]);
  });
});
