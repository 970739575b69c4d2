import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aksiSummarySchema, aksiTableSchema } from '../../shared/api/aksi.ts';
import type { Database } from '../../server/db/client.ts';
import { shippedApp } from '../support/app.ts';

let app: Awaited<ReturnType<typeof shippedApp>>['app'];
let db: Database;
beforeAll(async () => {
  ({ app, db } = await shippedApp());
});
afterAll(() => db?.close());

async function json(path: string) {
  const response = await app.request(path);
  expect(response.status, path).toBe(200);
  return response.json();
}

/** Kab/kota per category index, counted from /api/values like any client would. */
async function countValues(indicator: string, period: string, parent?: string): Promise<number[]> {
  const body = (await json(`/api/values?indicator=${indicator}&period=${period}&level=kabkota${parent ? `&parent=${parent}` : ''}`)) as {
    values: Record<string, { value: number }>;
  };
  const counts = [0, 0, 0];
  for (const v of Object.values(body.values)) counts[Math.round(v.value)] = (counts[Math.round(v.value)] ?? 0) + 1;
  return counts;
}

describe('GET /api/aksi/summary', () => {
  it('counts the kab/kota taking part: 345 of 514 in 2021, all 514 in 2024 (the real Kemendagri figures)', async () => {
    const summary = aksiSummarySchema.parse(await json('/api/aksi/summary'));
    expect(summary.total).toBe(514);
    const year = (period: string) => summary.years.find((y) => y.period === period);
    expect(year('2021')?.participating).toBe(345);
    expect(year('2024')?.participating).toBe(514);
    expect(year('2021')?.demo).toBe(true);
    expect(year('2021')?.aksi.map((a) => a.id)).toEqual(['aksi_1', 'aksi_2', 'aksi_3', 'aksi_4', 'aksi_5', 'aksi_6', 'aksi_7', 'aksi_8']);
    // every participant has a status for every aksi and a category
    for (const y of summary.years) {
      for (const a of y.aksi) expect(a.counts.reduce((s, n) => s + n, 0)).toBe(y.participating);
      expect(y.categories.reduce((s, n) => s + n, 0)).toBe(y.participating);
    }
  });

  it('gives per aksi the same counts as counting /api/values', async () => {
    const summary = aksiSummarySchema.parse(await json('/api/aksi/summary'));
    for (const [period, id] of [['2021', 'aksi_1'], ['2023', 'aksi_5'], ['2024', 'aksi_8']] as const) {
      const fromSummary = summary.years.find((y) => y.period === period)?.aksi.find((a) => a.id === id)?.counts;
      expect(fromSummary, `${id} ${period}`).toEqual(await countValues(id, period));
    }
    expect(summary.years.find((y) => y.period === '2022')?.categories).toEqual(await countValues('kategori_kinerja', '2022'));
  });
});

describe('GET /api/aksi', () => {
  it('lists the kab/kota of a province with each aksi status, the number done, score and category', async () => {
    const table = aksiTableSchema.parse(await json('/api/aksi?period=2024&parent=53'));
    expect(table.parent).toBe('53');
    expect(table.demo).toBe(true);
    expect(table.rows).toHaveLength(22);
    expect(table.rows.every((r) => r.kode.startsWith('53.') && r.provinsi === '53' && r.provinsi_nama === 'Nusa Tenggara Timur')).toBe(true);
    const values = (await json('/api/values?indicator=aksi_2&period=2024&level=kabkota&parent=53')) as { values: Record<string, { value: number }> };
    const column = table.aksi.findIndex((a) => a.id === 'aksi_2');
    for (const row of table.rows) {
      expect(row.status[column]).toBe(values.values[row.kode]?.value ?? null);
      expect(row.selesai).toBe(row.status.filter((s) => s === 2).length);
    }
    const scores = (await json('/api/values?indicator=skor_kinerja&period=2024&level=kabkota&parent=53')) as { values: Record<string, { value: number }> };
    const first = table.rows[0];
    expect(first?.skor).toBe(scores.values[first?.kode ?? '']?.value);
  });

  it('leaves the statuses of kab/kota that did not take part null, and covers all of Indonesia without a parent', async () => {
    const table = aksiTableSchema.parse(await json('/api/aksi?period=2021'));
    expect(table.rows).toHaveLength(514);
    expect(table.rows.filter((r) => r.selesai !== null)).toHaveLength(345);
    const absent = table.rows.find((r) => r.selesai === null);
    expect(absent?.status.every((s) => s === null)).toBe(true);
    expect(absent?.kategori).toBeNull();
  });

  it('says what to fix for a bad period or parent', async () => {
    expect((await app.request('/api/aksi?period=24')).status).toBe(400);
    expect((await app.request('/api/aksi?period=2024&parent=53.01')).status).toBe(400);
    expect((await app.request('/api/aksi?period=2024&parent=99')).status).toBe(404);
    const noAksi = await app.request('/api/aksi?period=2019');
    expect(noAksi.status).toBe(400);
    expect(((await noAksi.json()) as { detail: string }).detail).toMatch(/periods with aksi: 2021/);
  });
});
