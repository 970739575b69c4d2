import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client.ts';
import { shippedApp } from '../support/app.ts';

/** GET /api/indicators says when data was last imported, for the panel's "Data terakhir diimpor" line. */
const TOKEN = 'test-token-last-import-0123456789';
let app: Awaited<ReturnType<typeof shippedApp>>['app'];
let db: Database;
beforeAll(async () => {
  ({ app, db } = await shippedApp({ importToken: TOKEN }));
});
afterAll(() => db?.close());

const lastImport = async () => ((await (await app.request('/api/indicators')).json()) as { last_import: string | null }).last_import;
const auth = { authorization: `Bearer ${TOKEN}` };

describe('last_import in GET /api/indicators', () => {
  it('is null with only the shipped data, the time of the batch after an import, and null again after its rollback', async () => {
    expect(await lastImport()).toBeNull();

    const form = new FormData();
    form.append('file', new File(['kode,indikator,periode,pembilang,penyebut\n51.71.01.1001,IH-1,2024,9,10\n'], 'capaian.csv', { type: 'text/csv' }));
    const before = Date.now();
    const done = await app.request('/api/imports', { method: 'POST', body: form, headers: auth });
    expect(done.status).toBe(201);
    const { summary } = (await done.json()) as { summary: { batchId: number } };

    const stamp = await lastImport();
    expect(stamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    // The database's clock and the test's agree to within a few seconds.
    expect(Math.abs(Date.parse(stamp as string) - before)).toBeLessThan(60_000);

    expect((await app.request(`/api/imports/${summary.batchId}/rollback`, { method: 'POST', headers: auth })).status).toBe(200);
    expect(await lastImport()).toBeNull();
  });
});
