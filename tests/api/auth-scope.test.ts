import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client.ts';
import { createTestUser, login, TEST_PASSWORD } from '../support/accounts.ts';
import { shippedApp } from '../support/app.ts';

/**
 * Roles and region scope on every write route (imports, rollbacks, target edits, accounts), and the
 * audit entries those writes leave. Accounts: a national admin, the supervisor of Bali (51), the
 * operator of Kota Denpasar (51.71), and nobody (anonymous).
 */
const ADMIN_TOKEN = 'peta_scope-test-admin-token-0123456789abcdefgh';
let app: Awaited<ReturnType<typeof shippedApp>>['app'];
let db: Database;
const tokens: Record<'admin' | 'provinsi' | 'kabkota', string> = { admin: ADMIN_TOKEN, provinsi: '', kabkota: '' };
const ids: Record<'admin' | 'provinsi' | 'kabkota', number> = { admin: 0, provinsi: 0, kabkota: 0 };
type Who = keyof typeof tokens | 'anonymous';
const WHO: Who[] = ['anonymous', 'kabkota', 'provinsi', 'admin'];

beforeAll(async () => {
  ({ app, db } = await shippedApp({ adminToken: ADMIN_TOKEN, auth: { trustProxy: true } }));
  const bali = await createTestUser(db, { email: 'supervisor@bali.test', role: 'provinsi', region: '51' });
  const denpasar = await createTestUser(db, { email: 'operator@denpasar.test', role: 'kabkota', region: '51.71' });
  tokens.provinsi = bali.token;
  tokens.kabkota = denpasar.token;
  ids.provinsi = bali.user.id;
  ids.kabkota = denpasar.user.id;
  ids.admin = (await db.sql<{ id: number }[]>`SELECT id FROM app_user WHERE email = 'admin@peta.test'`)[0]?.id ?? 0;
});
afterAll(() => db?.close());

const auth = (who: Who): Record<string, string> => (who === 'anonymous' ? {} : { authorization: `Bearer ${tokens[who]}` });
const count = async (table: 'import_batch' | 'audit_log' | 'observation') => (await db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM ${db.sql(table)}`)[0]?.n ?? 0;

// Each file gets its own indicator and period, so that no batch overwrites another's values.
let fileNumber = 0;
function csv(codes: string[]): string {
  fileNumber += 1;
  const indicator = ['IH-1', 'IH-3', 'IH-4', 'IH-5', 'BD-1', 'BD-2'][fileNumber % 6];
  const period = 2019 + Math.floor(fileNumber / 6);
  return `kode,indikator,periode,pembilang,penyebut\n${codes.map((kode, i) => `${kode},${indicator},${period},${(i % 9) + 1},10`).join('\n')}\n`;
}
const IN_DENPASAR = ['51.71.01.1001', '51.71.01.1002', '51.71.02.1003'];
// line 3 lies in Kabupaten Badung (51.03), outside Denpasar but inside Bali
const PARTLY_OUTSIDE_DENPASAR = ['51.71.01.1003', '51.03.01.1001', '51.71.01.1004'];
const IN_NTB = ['52.01.01.1001', '52.01.01.1004'];

function upload(who: Who, text: string, query = '', headers: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', new File([text], 'capaian.csv', { type: 'text/csv' }));
  return app.request(`/api/imports${query}`, { method: 'POST', body: form, headers: { ...auth(who), ...headers } });
}

async function expectRefusedWhole(response: Response, expected: { status: number; rows?: { line?: number; kode: string }[]; outside?: number }, before: { batches: number; audit: number; observations: number }) {
  expect(response.status).toBe(expected.status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as { rows?: unknown[]; outside?: number; detail: string };
  if (expected.rows) expect(body.rows).toEqual(expected.rows);
  if (expected.outside !== undefined) expect(body.outside).toBe(expected.outside);
  expect(await count('import_batch')).toBe(before.batches);
  expect(await count('audit_log')).toBe(before.audit);
  expect(await count('observation')).toBe(before.observations);
}
const snapshot = async () => ({ batches: await count('import_batch'), audit: await count('audit_log'), observations: await count('observation') });

describe('imports: role x region', () => {
  const matrix: [Who, 'in' | 'partly' | 'out', number][] = [
    ['anonymous', 'in', 401],
    ['kabkota', 'in', 201],
    ['kabkota', 'partly', 403],
    ['kabkota', 'out', 403],
    ['provinsi', 'in', 201],
    ['provinsi', 'partly', 201],
    ['provinsi', 'out', 403],
    ['admin', 'in', 201],
    ['admin', 'partly', 201],
    ['admin', 'out', 201],
  ];
  it.each(matrix)('%s importing a file %s of Denpasar answers %i; a refused file writes nothing', async (who, where, status) => {
    const codes = where === 'in' ? IN_DENPASAR : where === 'partly' ? PARTLY_OUTSIDE_DENPASAR : IN_NTB;
    const before = await snapshot();
    const response = await upload(who, csv(codes));
    if (status !== 201) {
      const rows = status === 403 ? (where === 'partly' ? [{ line: 3, kode: '51.03.01.1001' }] : IN_NTB.map((kode, i) => ({ line: i + 2, kode }))) : undefined;
      await expectRefusedWhole(response, { status, ...(rows ? { rows, outside: rows.length } : {}) }, before);
      return;
    }
    expect(response.status).toBe(201);
    const { summary } = (await response.json()) as { summary: { batchId: number; inserted: number } };
    expect(summary.inserted).toBe(3 - (where === 'out' ? 1 : 0));
    const [batch] = await db.sql<{ user_id: number; region_scope: string; created_by: string }[]>`SELECT user_id, region_scope, created_by FROM import_batch WHERE id = ${summary.batchId}`;
    expect(batch).toEqual({
      user_id: ids[who as 'admin'],
      region_scope: where === 'in' ? '51.71' : where === 'partly' ? '51' : '52.01.01',
      created_by: who === 'admin' ? 'admin@peta.test' : who === 'provinsi' ? 'supervisor@bali.test' : 'operator@denpasar.test',
    });
    const [entry] = await db.sql<{ user_id: number; action: string; scope: string; before: unknown; after: Record<string, unknown> }[]>`
      SELECT user_id, action, scope, before, after FROM audit_log WHERE target = ${`batch:${summary.batchId}`}`;
    expect(entry).toMatchObject({ user_id: ids[who as 'admin'], action: 'import', scope: batch?.region_scope, before: null });
    expect(entry?.after).toMatchObject({ batch_id: summary.batchId, filename: 'capaian.csv', region_scope: batch?.region_scope, rows: codes.length, inserted: codes.length, updated: 0 });
    expect(entry?.after.sample).toEqual(expect.arrayContaining([expect.objectContaining({ kode: codes[0], before: null })]));
  });

  it('refuses a dry run outside the region too', async () => {
    const before = await snapshot();
    await expectRefusedWhole(await upload('kabkota', csv(PARTLY_OUTSIDE_DENPASAR), '?dry_run=1'), { status: 403, rows: [{ line: 3, kode: '51.03.01.1001' }] }, before);
    expect((await upload('kabkota', csv(IN_DENPASAR), '?dry_run=1')).status).toBe(200);
  });

  it('names at most 20 offending rows, and counts them all', async () => {
    const codes = (await db.sql<{ kode: string }[]>`SELECT kode FROM region WHERE level = 'desa' AND starts_with(kode, '52.01.') ORDER BY kode LIMIT 25`).map((row) => row.kode);
    expect(codes).toHaveLength(25);
    const response = await upload('provinsi', csv(codes));
    expect(response.status).toBe(403);
    const body = (await response.json()) as { rows: unknown[]; outside: number; scope: string };
    expect(body.rows).toHaveLength(20);
    expect(body.outside).toBe(codes.length);
    expect(body.scope).toBe('51');
  });

  it('imports from the browser with the session cookie and the CSRF token', async () => {
    const session = await login(app, 'operator@denpasar.test', TEST_PASSWORD, '198.51.100.200');
    const { cookie } = session;
    expect((await upload('anonymous', csv(IN_DENPASAR), '', { cookie })).status).toBe(403);
    expect((await upload('anonymous', csv(IN_DENPASAR), '', session.writeHeaders)).status).toBe(201);
  });
});

describe('rollbacks: role x region', () => {
  const batches: Record<'denpasar' | 'bali' | 'ntb', number> = { denpasar: 0, bali: 0, ntb: 0 };
  beforeAll(async () => {
    for (const [key, codes] of [['denpasar', IN_DENPASAR], ['bali', PARTLY_OUTSIDE_DENPASAR], ['ntb', IN_NTB]] as const) {
      const response = await upload('admin', csv(codes));
      batches[key] = ((await response.json()) as { summary: { batchId: number } }).summary.batchId;
    }
  });
  const rollback = (who: Who, id: number) => app.request(`/api/imports/${id}/rollback`, { method: 'POST', headers: auth(who) });

  it('lets each account roll back only batches whose every value lies in its region', async () => {
    let before = await snapshot();
    await expectRefusedWhole(await rollback('anonymous', batches.denpasar), { status: 401 }, before);
    await expectRefusedWhole(await rollback('kabkota', batches.bali), { status: 403, rows: [{ kode: '51.03.01.1001' }], outside: 1 }, before);
    await expectRefusedWhole(await rollback('kabkota', batches.ntb), { status: 403, outside: 2 }, before);
    await expectRefusedWhole(await rollback('provinsi', batches.ntb), { status: 403, outside: 2 }, before);

    expect((await rollback('kabkota', batches.denpasar)).status).toBe(200);
    expect((await rollback('provinsi', batches.bali)).status).toBe(200);
    expect((await rollback('admin', batches.ntb)).status).toBe(200);
    before = await snapshot();
    await expectRefusedWhole(await rollback('admin', batches.ntb), { status: 409 }, before);

    const entries = await db.sql<{ user_id: number; target: string; scope: string; before: Record<string, unknown>; after: Record<string, unknown> }[]>`
      SELECT user_id, target, scope, before, after FROM audit_log WHERE action = 'import.rollback' ORDER BY id`;
    expect(entries.map((entry) => [entry.user_id, entry.target, entry.scope])).toEqual([
      [ids.kabkota, `batch:${batches.denpasar}`, '51.71'],
      [ids.provinsi, `batch:${batches.bali}`, '51'],
      [ids.admin, `batch:${batches.ntb}`, '52.01.01'],
    ]);
    expect(entries[0]?.before).toMatchObject({ batch_id: batches.denpasar, rows: 3, rolled_back: false });
    expect(entries[0]?.after).toEqual({ batch_id: batches.denpasar, rolled_back: true });
  });

  it('lists to each account the batches of its region', async () => {
    const listed = async (who: Who) => ((await (await app.request('/api/imports', { headers: auth(who) })).json()) as { batches: { id: number }[] }).batches.map((batch) => batch.id);
    expect(await listed('kabkota')).toContain(batches.denpasar);
    expect(await listed('kabkota')).not.toContain(batches.bali);
    expect(await listed('provinsi')).toEqual(expect.arrayContaining([batches.denpasar, batches.bali]));
    expect(await listed('provinsi')).not.toContain(batches.ntb);
    expect(await listed('admin')).toEqual(expect.arrayContaining([batches.denpasar, batches.bali, batches.ntb]));
    expect((await app.request('/api/imports')).status).toBe(401);
  });
});

describe('national targets', () => {
  const put = (who: Who, id: string, body: unknown) =>
    app.request(`/api/indicators/${id}/target`, { method: 'PUT', headers: { 'content-type': 'application/json', ...auth(who) }, body: JSON.stringify(body) });

  it.each([
    ['anonymous', 401],
    ['kabkota', 403],
    ['provinsi', 403],
  ] as const)('refuses %s (%i) and changes nothing', async (who, status) => {
    const before = await snapshot();
    const response = await put(who, 'IH-2', { target: 95, target_year: 2029, target_source: 'uji' });
    expect(response.status).toBe(status);
    expect(await count('audit_log')).toBe(before.audit);
    const [row] = await db.sql<{ target: number }[]>`SELECT target FROM indicator WHERE id = 'IH-2'`;
    expect(row?.target).toBe(80);
  });

  it('lets an admin set the target, audited with before and after, and the API shows it at once', async () => {
    const response = await put('admin', 'IH-2', { target: 90, target_year: 2029, target_source: 'RPJMN 2025-2029' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: 'IH-2', target: 90, target_year: 2029, target_source: 'RPJMN 2025-2029', edited_by: ids.admin });
    const indicators = (await (await app.request('/api/indicators')).json()) as { indicators: { id: string; target: number }[] };
    expect(indicators.indicators.find((indicator) => indicator.id === 'IH-2')?.target).toBe(90);
    const [entry] = await db.sql<{ user_id: number; before: unknown; after: unknown }[]>`SELECT user_id, before, after FROM audit_log WHERE action = 'indicator.target' AND target = 'indicator:IH-2'`;
    expect(entry).toEqual({
      user_id: ids.admin,
      before: { target: 80, target_year: 2024, target_source: expect.stringContaining('sonora.id') },
      after: { target: 90, target_year: 2029, target_source: 'RPJMN 2025-2029' },
    });
  });

  it('answers bad targets with 400 and unknown indicators with 404', async () => {
    for (const body of [{ target: 'abc' }, { target: -1 }, {}, { target: 10, colour: 'red' }, { target: 10, target_year: 20 }]) {
      expect((await put('admin', 'IH-2', body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await put('admin', 'no-such-indicator', { target: 10 })).status).toBe(404);
  });
});

describe('accounts: admins only', () => {
  const call = (who: Who, method: string, path: string, body?: unknown) =>
    app.request(path, { method, headers: { ...auth(who), ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const newUser = { email: 'Operator@Badung.test', name: 'Operator Badung', role: 'kabkota', region: '51.03', password: 'sandi operator badung' };

  it.each([
    ['anonymous', 401],
    ['kabkota', 403],
    ['provinsi', 403],
  ] as const)('refuses %s (%i) on every account route, writing nothing', async (who, status) => {
    const before = await snapshot();
    expect((await call(who, 'GET', '/api/users')).status).toBe(status);
    expect((await call(who, 'POST', '/api/users', newUser)).status).toBe(status);
    expect((await call(who, 'PATCH', `/api/users/${ids.kabkota}`, { name: 'x' })).status).toBe(status);
    expect((await call(who, 'DELETE', `/api/users/${ids.kabkota}`)).status).toBe(status);
    expect(await count('audit_log')).toBe(before.audit);
  });

  it('creates, changes, resets and deletes an account, each audited with before and after', async () => {
    const created = await call('admin', 'POST', '/api/users', newUser);
    expect(created.status).toBe(201);
    const user = (await created.json()) as { id: number; email: string; region: string };
    expect(user).toMatchObject({ email: 'operator@badung.test', region: '51.03' });
    expect((await call('admin', 'POST', '/api/users', { ...newUser, email: 'OPERATOR@badung.test' })).status).toBe(409);

    const session = await login(app, 'operator@badung.test', 'sandi operator badung', '198.51.100.210');
    const renamed = await call('admin', 'PATCH', `/api/users/${user.id}`, { name: 'Operator Kabupaten Badung' });
    expect(await renamed.json()).toMatchObject({ name: 'Operator Kabupaten Badung', role: 'kabkota', region: '51.03' });
    // still logged in after a rename; not after a password reset
    expect((await app.request('/api/imports', { headers: { cookie: session.cookie } })).status).toBe(200);
    expect((await call('admin', 'PATCH', `/api/users/${user.id}`, { password: 'sandi baru dari admin' })).status).toBe(200);
    expect((await app.request('/api/imports', { headers: { cookie: session.cookie } })).status).toBe(401);
    const promoted = await call('admin', 'PATCH', `/api/users/${user.id}`, { role: 'provinsi', region: '51' });
    expect(await promoted.json()).toMatchObject({ role: 'provinsi', region: '51' });

    const deleted = await call('admin', 'DELETE', `/api/users/${user.id}`);
    expect(deleted.status).toBe(200);
    expect(((await deleted.json()) as { deleted_at: string | null }).deleted_at).not.toBeNull();
    expect((await call('admin', 'DELETE', `/api/users/${user.id}`)).status).toBe(404);
    const again = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.211' }, body: JSON.stringify({ email: 'operator@badung.test', password: 'sandi baru dari admin' }) });
    expect(again.status).toBe(401);
    const listed = (await (await call('admin', 'GET', '/api/users')).json()) as { users: { email: string }[] };
    expect(listed.users.map((u) => u.email)).not.toContain('operator@badung.test');
    const withDeleted = (await (await call('admin', 'GET', '/api/users?include_deleted=1')).json()) as { users: { email: string }[] };
    expect(withDeleted.users.map((u) => u.email)).toContain('operator@badung.test');

    const entries = await db.sql<{ action: string; user_id: number; before: Record<string, unknown> | null; after: Record<string, unknown> }[]>`
      SELECT action, user_id, before, after FROM audit_log WHERE target = ${`user:${user.id}`} AND action LIKE 'user.%' ORDER BY id`;
    expect(entries.map((entry) => entry.action)).toEqual(['user.create', 'user.update', 'user.update', 'user.update', 'user.delete']);
    expect(entries.every((entry) => entry.user_id === ids.admin)).toBe(true);
    expect(entries[0]).toMatchObject({ before: null, after: { email: 'operator@badung.test', role: 'kabkota', region: '51.03', deleted: false } });
    expect(entries[1]).toMatchObject({ before: { name: 'Operator Badung' }, after: { name: 'Operator Kabupaten Badung' } });
    expect(entries[2]?.after).toMatchObject({ password_reset: true, sessions_revoked: 1 });
    expect(entries[3]).toMatchObject({ before: { role: 'kabkota', region: '51.03' }, after: { role: 'provinsi', region: '51' } });
    expect(entries[4]).toMatchObject({ before: { deleted: false }, after: { deleted: true } });
    expect(JSON.stringify(entries)).not.toContain('scrypt');
  });

  it('checks that the region fits the role, and keeps the last admin', async () => {
    const base = { name: 'x', password: 'a long enough password' };
    for (const body of [
      { ...base, email: 'a@x.test', role: 'provinsi', region: '51.71' },
      { ...base, email: 'b@x.test', role: 'kabkota', region: '51' },
      { ...base, email: 'c@x.test', role: 'kabkota' },
      { ...base, email: 'd@x.test', role: 'admin', region: '51' },
      { ...base, email: 'e@x.test', role: 'kabkota', region: '99.99' },
      { ...base, email: 'f@x.test', role: 'kabkota', region: '51.71', password: 'short' },
      { ...base, email: 'not an email', role: 'admin' },
      { ...base, email: 'g@x.test', role: 'superuser' },
      { ...base, email: 'h@x.test', role: 'admin', name: 'nul\u0000byte' },
      { ...base, email: 'i@x.test', role: 'admin', name: '   ' },
    ]) {
      const response = await call('admin', 'POST', '/api/users', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect((await call('admin', 'PATCH', `/api/users/${ids.admin}`, { role: 'provinsi', region: '51' })).status).toBe(409);
    expect((await call('admin', 'DELETE', `/api/users/${ids.admin}`)).status).toBe(409);
    expect((await call('admin', 'PATCH', `/api/users/${ids.kabkota}`, {})).status).toBe(400);
    expect((await call('admin', 'PATCH', '/api/users/999999', { name: 'x' })).status).toBe(404);
    expect((await call('admin', 'PATCH', '/api/users/abc', { name: 'x' })).status).toBe(400);
    expect((await call('admin', 'PATCH', '/api/users/99999999999999999999', { name: 'x' })).status).toBe(400);
    expect((await call('admin', 'POST', '/api/imports/99999999999999999999/rollback')).status).toBe(400);
  });
});

describe('GET /api/audit', () => {
  type Entry = { id: number; action: string; user_id: number | null; scope: string | null; target: string | null };
  const read = async (who: Who, query = '') => {
    const response = await app.request(`/api/audit${query}`, { headers: auth(who) });
    return { status: response.status, body: (response.status === 200 ? await response.json() : null) as { entries: Entry[]; next: string | null } | null };
  };

  it('is for admins (everything) and province supervisors (their province); not for operators or the public', async () => {
    expect((await read('anonymous')).status).toBe(401);
    expect((await read('kabkota')).status).toBe(403);
    const all = (await read('admin', '?limit=500')).body?.entries ?? [];
    expect(all.some((entry) => entry.action === 'indicator.target')).toBe(true);
    expect(all.some((entry) => entry.scope?.startsWith('52'))).toBe(true);
    const bali = (await read('provinsi', '?limit=500')).body?.entries ?? [];
    expect(bali.length).toBeGreaterThan(0);
    expect(bali.every((entry) => entry.scope === '51' || entry.scope?.startsWith('51.'))).toBe(true);
    expect(bali.some((entry) => entry.action === 'import' && entry.user_id === ids.kabkota)).toBe(true);
    expect((await read('provinsi', '?region=52')).status).toBe(403);
    expect((await read('provinsi', '?region=51.71')).body?.entries.every((entry) => entry.scope?.startsWith('51.71'))).toBe(true);
  });

  it('filters by user, action, target and time, and pages newest first', async () => {
    const mine = (await read('admin', `?user=${ids.kabkota}`)).body?.entries ?? [];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((entry) => entry.user_id === ids.kabkota)).toBe(true);
    const imports = (await read('admin', '?action=import')).body?.entries ?? [];
    expect(imports.length).toBeGreaterThan(3);
    expect(imports.every((entry) => entry.action === 'import')).toBe(true);
    const users = (await read('admin', '?action=user.*')).body?.entries ?? [];
    expect(new Set(users.map((entry) => entry.action))).toEqual(new Set(['user.create', 'user.update', 'user.delete']));
    const one = (await read('admin', `?target=${encodeURIComponent(imports[0]?.target ?? '')}`)).body?.entries ?? [];
    expect(one.map((entry) => entry.id)).toContain(imports[0]?.id);
    expect((await read('admin', '?from=2999-01-01')).body?.entries).toEqual([]);
    expect(((await read('admin', '?to=2000-01-01T00:00:00Z')).body?.entries ?? []).length).toBe(0);
    expect(((await read('admin', `?from=${new Date(Date.now() - 3600_000).toISOString()}`)).body?.entries ?? []).length).toBeGreaterThan(0);

    const first = (await read('admin', '?action=import&limit=2')).body;
    expect(first?.entries).toHaveLength(2);
    expect(first?.next).toMatch(/^\/api\/audit\?action=import&limit=2&before=\d+$/);
    const second = await (await app.request(first?.next ?? '', { headers: auth('admin') })).json() as { entries: Entry[] };
    expect(second.entries[0]?.id).toBeLessThan(first?.entries[1]?.id ?? 0);
    expect([...(first?.entries ?? []), ...second.entries].map((entry) => entry.id)).toEqual(imports.slice(0, 4).map((entry) => entry.id));

    for (const query of ['?from=yesterday', '?limit=0', '?limit=9999', '?user=abc', '?user=1e30', '?action=DROP TABLE', '?region=5', '?target=%00', '?from=2025-02-30']) {
      expect((await read('admin', query)).status, query).toBe(400);
    }
  });
});
