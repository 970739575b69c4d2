import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client.ts';
import { shippedApp } from '../support/app.ts';

let app: Awaited<ReturnType<typeof shippedApp>>['app'];
let db: Database;
beforeAll(async () => {
  ({ app, db } = await shippedApp());
});
afterAll(() => db?.close());

interface Profile {
  kode: string;
  indicators: { id: string; value: number | null; demo: boolean; basis: string | null; rank: number | null; parent_value: number | null; trend: { period: string; value: number | null }[] }[];
}

describe('GET /api/regions/ID?period=', () => {
  it('profiles Indonesia: the national figure and trend of every indicator reported per province', async () => {
    const response = await app.request('/api/regions/ID?period=2022');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Profile;
    expect(body.kode).toBe('ID');
    const prevalence = body.indicators.find((i) => i.id === 'prevalensi_stunting');
    expect(typeof prevalence?.value).toBe('number');
    // Indonesia has no siblings to be ranked among and no parent.
    expect(prevalence).toMatchObject({ rank: null, parent_value: null });
    expect(prevalence?.trend.map((p) => p.period)).toEqual(['2021', '2022', '2023', '2024']);
    expect(prevalence?.trend.filter((p) => p.value !== null).length).toBeGreaterThanOrEqual(3);
    // A coverage indicator rolls the demonstration data of the provinces up to the country.
    const coverage = body.indicators.find((i) => i.id === 'IH-1');
    expect(typeof coverage?.value).toBe('number');
    expect(coverage?.demo).toBe(true);
  });

  it('agrees with the national value of /api/values', async () => {
    const profile = (await (await app.request('/api/regions/ID?period=2022')).json()) as Profile;
    const provinces = (await (await app.request('/api/values?indicator=prevalensi_stunting&period=2022&level=provinsi')).json()) as {
      values: Record<string, { value: number }>;
    };
    const national = profile.indicators.find((i) => i.id === 'prevalensi_stunting')?.value as number;
    const values = Object.values(provinces.values).map((v) => v.value);
    // The national figure lies within the provinces' range, whether published or rolled up.
    expect(national).toBeGreaterThanOrEqual(Math.min(...values));
    expect(national).toBeLessThanOrEqual(Math.max(...values));
  });
});
