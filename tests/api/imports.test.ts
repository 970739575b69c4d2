import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client.ts';
import { shippedApp } from '../support/app.ts';

const TOKEN = 'test-token-0123456789abcdef';
let app: Awaited<ReturnType<typeof shippedApp>>['app'];
let db: Database;
beforeAll(async () => {
  ({ app, db } = await shippedApp({ adminToken: TOKEN }));
});
afterAll(() => db?.close());

function upload(text: string, query = '', token: string | null = TOKEN) {
  const form = new FormData();
  form.append('file', new File([text], 'capaian.csv', { type: 'text/csv' }));
  return app.request(`/api/imports${query}`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
}
const GOOD = 'kode,indikator,periode,pembilang,penyebut\n51.71.01.1001,IH-1,2024,9,10\n';

describe('POST /api/imports', () => {
  it('refuses without the import token', async () => {
    expect((await upload(GOOD, '', null)).status).toBe(401);
    expect((await upload(GOOD, '', 'wrong-token-0123456789abcd')).status).toBe(401);
  });

  it('answers a file with problems with 422 listing each one, and writes nothing', async () => {
    const response = await upload('kode,indikator,periode,nilai\n51.71.01.1001,IH-1,2024,abc\n99.99,IH-1,2024,5\n');
    expect(response.status).toBe(422);
    const body = (await response.json()) as { problems: { line: number; reason: string }[] };
    expect(body.problems.map((p) => p.line).sort()).toEqual([2, 3]);
    const values = (await (await app.request('/api/values?indicator=IH-1&period=2024&level=desa&parent=51.71.01')).json()) as { values: Record<string, { demo?: boolean }> };
    expect(values.values['51.71.01.1001']?.demo).toBe(true);
  });

  it('shows a dry run, then imports, and the map values change from demonstration to real', async () => {
    const path = '/api/values?indicator=IH-1&period=2024&level=desa&parent=51.71.01';
    const etagBefore = (await app.request(path)).headers.get('etag') ?? '';
    expect((await app.request(path, { headers: { 'if-none-match': etagBefore } })).status).toBe(304);
    const dry = await upload(GOOD, '?dry_run=1');
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ dryRun: true, summary: { inserted: 1, batchId: null } });
    const done = await upload(GOOD);
    expect(done.status).toBe(201);
    const { summary } = (await done.json()) as { summary: { batchId: number } };
    const after = await app.request(path, { headers: { 'if-none-match': etagBefore } });
    expect(after.status).toBe(200);
    const values = (await after.json()) as { values: Record<string, { value: number; demo?: boolean }> };
    expect(values.values['51.71.01.1001']).toMatchObject({ value: 90 });
    expect(values.values['51.71.01.1001']?.demo).toBeUndefined();

    const list = (await (await app.request('/api/imports', { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { batches: { id: number; filename: string }[] };
    expect(list.batches[0]).toMatchObject({ id: summary.batchId, filename: 'capaian.csv' });
    const rollback = await app.request(`/api/imports/${summary.batchId}/rollback`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(rollback.status).toBe(200);
    const again = await app.request(`/api/imports/${summary.batchId}/rollback`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(again.status).toBe(409);
  });

  it('answers a request without a file with 400', async () => {
    const response = await app.request('/api/imports', { method: 'POST', body: 'kode,nilai', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(400);
  });
});
