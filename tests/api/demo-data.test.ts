import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client.ts';
import { shippedApp } from '../support/app.ts';

/**
 * The demonstration convergence data must tell one consistent story, as real data would: the share
 * of aksi done matches the aksi statuses, the category matches the score, and participation follows
 * the real counts (345 of 514 kab/kota in 2021, all 514 in 2024).
 */

let app: Awaited<ReturnType<typeof shippedApp>>['app'];
let db: Database;
beforeAll(async () => {
  ({ app, db } = await shippedApp());
});
afterAll(() => db?.close());

type Values = Record<string, { value: number; numerator?: number; denominator?: number; demo?: boolean }>;

async function kabkotaValues(indicator: string, period: string): Promise<Values> {
  const response = await app.request(`/api/values?indicator=${indicator}&period=${period}&level=kabkota`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { values: Values }).values;
}

describe('demonstration convergence data', () => {
  it.each([
    ['2021', 345],
    ['2024', 514],
  ])('has %s participation of %i kab/kota', async (period, participants) => {
    expect(Object.keys(await kabkotaValues('skor_kinerja', period))).toHaveLength(participants);
  });

  it('counts as done exactly the aksi whose status is Selesai', async () => {
    const statuses = await Promise.all(Array.from({ length: 8 }, (_, i) => kabkotaValues(`aksi_${i + 1}`, '2023')));
    const done = await kabkotaValues('aksi_selesai', '2023');
    expect(Object.keys(done).length).toBeGreaterThan(400);
    for (const [kode, share] of Object.entries(done)) {
      const selesai = statuses.filter((byKode) => byKode[kode]?.value === 2).length;
      expect({ kode, numerator: share.numerator, denominator: share.denominator }).toEqual({ kode, numerator: selesai, denominator: 8 });
      expect(share.demo).toBe(true);
    }
  });

  it('uses the six aksi of 2025', async () => {
    const done = await kabkotaValues('aksi_selesai', '2025');
    expect(new Set(Object.values(done).map((v) => v.denominator))).toEqual(new Set([6]));
  });

  it('classes each kab/kota by its score', async () => {
    const [scores, categories] = await Promise.all([kabkotaValues('skor_kinerja', '2024'), kabkotaValues('kategori_kinerja', '2024')]);
    for (const [kode, { value }] of Object.entries(scores)) {
      expect(categories[kode]?.value).toBe(value >= 80 ? 2 : value >= 65 ? 1 : 0);
    }
  });
});
