import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, PASSWORD_HASH_PARAMS, verifyPassword } from '../../server/auth/password.ts';
import type { Database } from '../../server/db/client.ts';
import { FAST_HASH, createTestUser, login, sessionCookie, TEST_PASSWORD } from '../support/accounts.ts';
import { shippedApp } from '../support/app.ts';

/**
 * Logging in, sessions, CSRF, lockout and password handling, through the real app on PGlite with an
 * injected clock. Each test uses accounts and client addresses of its own, so their counters do not mix.
 */
let clock = new Date();
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
const MINUTE = 60_000;
let app: Awaited<ReturnType<typeof shippedApp>>['app'];
let db: Database;
beforeAll(async () => {
  ({ app, db } = await shippedApp({ auth: { now: () => clock, trustProxy: true, throttle: { ip: { limit: 8, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE } } } }));
});
afterAll(() => db?.close());

const json = (body: unknown, headers: Record<string, string> = {}) => ({ 'content-type': 'application/json', ...headers, body: JSON.stringify(body) });
function attempt(email: string, password: string, ip: string, headers: Record<string, string> = {}) {
  const { body, ...rest } = json({ email, password }, { 'x-forwarded-for': ip, ...headers });
  return app.request('/api/auth/login', { method: 'POST', headers: rest, body });
}
const auditRows = (action: string, target?: string) =>
  db.sql<{ action: string; user_id: number | null; target: string; before: unknown; after: Record<string, unknown> | null }[]>`
    SELECT action, user_id, target, before, after FROM audit_log WHERE action = ${action} ${target ? db.sql`AND target = ${target}` : db.sql``} ORDER BY id`;

describe('password hashing', () => {
  it('verifies the right password only, and stores scrypt with its parameters', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(new RegExp(`^scrypt\\$${PASSWORD_HASH_PARAMS.N}\\$8\\$1\\$[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}$`));
    expect(PASSWORD_HASH_PARAMS.N).toBeGreaterThanOrEqual(2 ** 15);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', stored)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
    expect(needsRehash(stored)).toBe(false);
    expect(needsRehash(await hashPassword('x', FAST_HASH))).toBe(true);
  });

  it('upgrades a hash made with weaker parameters at the next login', async () => {
    const { user } = await createTestUser(db, { email: 'upgrade@peta.test', role: 'admin' });
    const before = (await db.sql<{ password_hash: string }[]>`SELECT password_hash FROM app_user WHERE id = ${user.id}`)[0]?.password_hash ?? '';
    expect(before.startsWith(`scrypt$${FAST_HASH.N}$`)).toBe(true);
    await login(app, 'upgrade@peta.test', TEST_PASSWORD, '198.51.100.10');
    const after = (await db.sql<{ password_hash: string }[]>`SELECT password_hash FROM app_user WHERE id = ${user.id}`)[0]?.password_hash ?? '';
    expect(after.startsWith(`scrypt$${PASSWORD_HASH_PARAMS.N}$8$1$`)).toBe(true);
    expect(await verifyPassword(TEST_PASSWORD, after)).toBe(true);
    const [entry] = await auditRows('auth.login', `user:${user.id}`);
    expect(entry?.after).toMatchObject({ password_rehashed: true });
    // and the upgraded hash still logs in
    expect((await attempt('UPGRADE@peta.test', TEST_PASSWORD, '198.51.100.10')).status).toBe(200);
  });
});

describe('login and sessions', () => {
  it('sets an HttpOnly, SameSite=Strict cookie, answers with the user and a CSRF token, and forgets nothing of the password', async () => {
    await createTestUser(db, { email: 'operator@denpasar.test', role: 'kabkota', region: '51.71' });
    const response = await attempt('operator@denpasar.test', TEST_PASSWORD, '198.51.100.20');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { user: { email: string; role: string; region: string }; csrfToken: string; expiresAt: string };
    expect(body.user).toMatchObject({ email: 'operator@denpasar.test', role: 'kabkota', region: '51.71' });
    expect(JSON.stringify(body)).not.toContain('scrypt');
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
    const setCookie = response.headers.get('set-cookie') ?? '';
    // plain http on a loopback address (local development): no Secure flag, so no __Host- prefix
    expect(setCookie).toMatch(/^peta_session=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const token = sessionCookie(response).split('=')[1] ?? '';
    const stored = await db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM auth_session WHERE token_sha256 = ${token}`;
    expect(stored[0]?.n).toBe(0);

    const session = await app.request('/api/auth/session', { headers: { cookie: sessionCookie(response) } });
    expect(await session.json()).toMatchObject({ user: { email: 'operator@denpasar.test' }, via: 'cookie', csrfToken: body.csrfToken });
    expect(await (await app.request('/api/auth/session')).json()).toEqual({ user: null });
  });

  it('uses a Secure __Host- cookie over https, and on any address that is not loopback', async () => {
    await createTestUser(db, { email: 'secure@peta.test', role: 'admin' });
    for (const url of ['https://peta.example.go.id/api/auth/login', 'http://10.0.0.5:8080/api/auth/login']) {
      const response = await app.request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.30' }, body: JSON.stringify({ email: 'secure@peta.test', password: TEST_PASSWORD }) });
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie')).toMatch(/^__Host-peta_session=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
    }
    // behind a trusted proxy that says https
    const proxied = await app.request('http://127.0.0.1/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.30', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'peta.example.go.id' },
      body: JSON.stringify({ email: 'secure@peta.test', password: TEST_PASSWORD }),
    });
    expect(proxied.headers.get('set-cookie')).toMatch(/^__Host-peta_session=.*; Secure;/);
  });

  it('answers a wrong password and an unknown account alike, with 401 and no cookie', async () => {
    await createTestUser(db, { email: 'known@peta.test', role: 'admin' });
    const wrong = await attempt('known@peta.test', 'not the password at all', '198.51.100.40');
    const unknown = await attempt('nobody@peta.test', 'not the password at all', '198.51.100.41');
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    const [a, b] = [(await wrong.json()) as Record<string, unknown>, (await unknown.json()) as Record<string, unknown>];
    expect({ ...a, instance: null }).toEqual({ ...b, instance: null });
  });

  it('answers bad input with 400 problems, never 500', async () => {
    const cases: RequestInit[] = [
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' },
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'not-an-email', password: 'x' }) },
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a@b.test' }) },
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([1, 2]) },
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(5000) }) },
    ];
    for (const init of cases) {
      const response = await app.request('/api/auth/login', init);
      expect(response.status, String(init.body)).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  it('ends a session after 2 hours idle, and after 12 hours in any case', async () => {
    await createTestUser(db, { email: 'expiry@peta.test', role: 'admin' });
    const idle = await login(app, 'expiry@peta.test', TEST_PASSWORD, '198.51.100.50');
    const active = await login(app, 'expiry@peta.test', TEST_PASSWORD, '198.51.100.50');
    const who = async (cookie: string) => ((await (await app.request('/api/auth/session', { headers: { cookie } })).json()) as { user: unknown }).user;
    const started = clock;
    try {
      for (let hour = 1; hour <= 11; hour += 1) {
        advance(60 * MINUTE);
        expect(await who(active.cookie), `hour ${hour}`).not.toBeNull();
      }
      expect(await who(idle.cookie)).toBeNull();
      expect((await app.request('/api/imports', { headers: { cookie: idle.cookie } })).status).toBe(401);
      advance(61 * MINUTE);
      expect(await who(active.cookie)).toBeNull();
    } finally {
      clock = new Date(started.getTime() + 13 * 60 * MINUTE);
    }
  });

  it('logs out: the cookie is cleared and the session no longer works', async () => {
    await createTestUser(db, { email: 'logout@peta.test', role: 'admin' });
    const session = await login(app, 'logout@peta.test', TEST_PASSWORD, '198.51.100.60');
    const out = await app.request('/api/auth/logout', { method: 'POST', headers: session.writeHeaders });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^peta_session=; Max-Age=0/);
    expect((await app.request('/api/imports', { headers: { cookie: session.cookie } })).status).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a cookie write without the token, with a wrong token, or from another origin', async () => {
    await createTestUser(db, { email: 'csrf@peta.test', role: 'admin' });
    const session = await login(app, 'csrf@peta.test', TEST_PASSWORD, '198.51.100.70');
    const put = (headers: Record<string, string>) =>
      app.request('/api/indicators/IH-1/target', { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ target: 90 }) });

    const noToken = await put({ cookie: session.cookie, origin: 'http://localhost' });
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as { detail: string }).detail).toMatch(/x-csrf-token/);
    expect((await put({ ...session.writeHeaders, 'x-csrf-token': 'A'.repeat(43) })).status).toBe(403);
    const evil = await put({ ...session.writeHeaders, origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(((await evil.json()) as { detail: string }).detail).toMatch(/evil\.example/);
    expect((await put({ ...session.writeHeaders, origin: 'null' })).status).toBe(403);
    const { origin: _origin, ...withoutOrigin } = session.writeHeaders;
    expect((await put({ ...withoutOrigin, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    // another session's token is no good either
    const other = await login(app, 'csrf@peta.test', TEST_PASSWORD, '198.51.100.70');
    expect((await put({ ...session.writeHeaders, 'x-csrf-token': other.csrf })).status).toBe(403);
    // nothing of the above was written
    const edits = await db.sql`SELECT 1 FROM audit_log WHERE action = 'indicator.target'`;
    expect(edits.length).toBe(0);

    // the page's own request: Origin of the site and the token
    expect((await put(session.writeHeaders)).status).toBe(200);
    // a script without Origin (curl) passes on the token alone
    expect((await put({ ...withoutOrigin, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('refuses a login posted from another origin', async () => {
    await createTestUser(db, { email: 'logincsrf@peta.test', role: 'admin' });
    const response = await attempt('logincsrf@peta.test', TEST_PASSWORD, '198.51.100.80', { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('exempts bearer API tokens, which a browser never sends on its own', async () => {
    const { token } = await createTestUser(db, { email: 'bearer@peta.test', role: 'admin' });
    const response = await app.request('/api/indicators/IH-3/target', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, origin: 'https://elsewhere.example' },
      body: JSON.stringify({ target: 50 }),
    });
    expect(response.status).toBe(200);
  });
});

describe('lockout and throttling', () => {
  it('locks an account for 15 minutes after 5 failures, with 429 and Retry-After, then lets it in again', async () => {
    const { user } = await createTestUser(db, { email: 'lockme@peta.test', role: 'kabkota', region: '51.71' });
    const started = clock;
    for (let n = 1; n <= 4; n += 1) expect((await attempt('lockme@peta.test', `wrong ${n}`, '198.51.100.90')).status).toBe(401);
    const fifth = await attempt('lockme@peta.test', 'wrong 5', '198.51.100.90');
    expect(fifth.status).toBe(429);
    expect(fifth.headers.get('retry-after')).toBe('900');
    const problem = (await fifth.json()) as { detail: string; retry_after: number };
    expect(problem.detail).toMatch(/try again in 15 minute/);
    // the right password does not help while locked, from any address
    advance(5 * MINUTE);
    const locked = await attempt('lockme@peta.test', TEST_PASSWORD, '198.51.100.91');
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('600');
    // the lock is in the database, not in this process
    const [row] = await db.sql<{ failures: number; locked_until: Date }[]>`SELECT failures, locked_until FROM login_throttle WHERE key = 'account:lockme@peta.test'`;
    expect(row?.failures).toBe(5);
    expect(row?.locked_until.getTime()).toBe(started.getTime() + 15 * MINUTE);
    const lockouts = await auditRows('auth.lockout', `user:${user.id}`);
    expect(lockouts).toHaveLength(1);
    expect((await auditRows('auth.login_failed', `user:${user.id}`)).length).toBe(5);

    advance(10 * MINUTE + 1000);
    expect((await attempt('lockme@peta.test', TEST_PASSWORD, '198.51.100.91')).status).toBe(200);
    // a success clears the count: four more failures do not lock
    for (let n = 1; n <= 4; n += 1) expect((await attempt('lockme@peta.test', `again ${n}`, '198.51.100.92')).status).toBe(401);
  });

  it('lets an admin unlock an account at once by resetting its password', async () => {
    const { user } = await createTestUser(db, { email: 'forgetful@peta.test', role: 'kabkota', region: '51.71' });
    const { token } = await createTestUser(db, { email: 'helpdesk@peta.test', role: 'admin' });
    for (let n = 1; n <= 5; n += 1) await attempt('forgetful@peta.test', `forgot ${n}`, '198.51.100.95');
    expect((await attempt('forgetful@peta.test', TEST_PASSWORD, '198.51.100.95')).status).toBe(429);
    const reset = await app.request(`/api/users/${user.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ password: 'sandi baru dari helpdesk' }),
    });
    expect(reset.status).toBe(200);
    expect((await attempt('forgetful@peta.test', 'sandi baru dari helpdesk', '198.51.100.96')).status).toBe(200);
  });

  it('locks an unknown address exactly like a real one, so lockout reveals nothing', async () => {
    const statuses = [];
    for (let n = 1; n <= 6; n += 1) statuses.push((await attempt('ghost@peta.test', `guess ${n}`, '198.51.100.100')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('throttles one client address trying many accounts', async () => {
    await createTestUser(db, { email: 'bystander@peta.test', role: 'admin' });
    const statuses = [];
    // limit 8 per address in this app (the default is 30)
    for (let n = 1; n <= 8; n += 1) statuses.push((await attempt(`spray${n}@peta.test`, 'Password123!', '203.0.113.7')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 429]);
    const blocked = await attempt('bystander@peta.test', TEST_PASSWORD, '203.0.113.7');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // the same account from elsewhere is fine
    expect((await attempt('bystander@peta.test', TEST_PASSWORD, '203.0.113.8')).status).toBe(200);
    expect(await auditRows('auth.ip_lockout', 'ip:203.0.113.7')).toHaveLength(1);
  });
});

describe('own password, sessions and API tokens', () => {
  it('changes the password with the current one; other sessions end, wrong guesses count toward lockout', async () => {
    await createTestUser(db, { email: 'changer@peta.test', role: 'provinsi', region: '51' });
    const here = await login(app, 'changer@peta.test', TEST_PASSWORD, '198.51.100.110');
    const elsewhere = await login(app, 'changer@peta.test', TEST_PASSWORD, '198.51.100.111');
    const change = (body: unknown, headers = here.writeHeaders) => app.request('/api/auth/password', { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

    expect((await change({ current_password: 'wrong', new_password: 'a brand new passphrase' })).status).toBe(403);
    expect((await change({ current_password: TEST_PASSWORD, new_password: 'short' })).status).toBe(400);
    expect((await change({ current_password: TEST_PASSWORD, new_password: 'a brand new passphrase' }, { cookie: here.cookie, 'content-type': 'application/json' })).status).toBe(403);
    const done = await change({ current_password: TEST_PASSWORD, new_password: 'a brand new passphrase' });
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ changed: true, sessionsRevoked: 1 });

    expect((await app.request('/api/imports', { headers: { cookie: here.cookie } })).status).toBe(200);
    expect((await app.request('/api/imports', { headers: { cookie: elsewhere.cookie } })).status).toBe(401);
    expect((await attempt('changer@peta.test', TEST_PASSWORD, '198.51.100.112')).status).toBe(401);
    expect((await attempt('changer@peta.test', 'a brand new passphrase', '198.51.100.112')).status).toBe(200);
    const [entry] = await auditRows('user.password');
    expect(entry?.before).toHaveProperty('password_changed_at');
    expect(entry?.after).toMatchObject({ sessions_revoked: 1 });
  });

  it('creates an API token shown once and stored hashed, lists it, and revokes it', async () => {
    await createTestUser(db, { email: 'automation@peta.test', role: 'kabkota', region: '51.71' });
    const session = await login(app, 'automation@peta.test', TEST_PASSWORD, '198.51.100.120');
    const created = await app.request('/api/auth/tokens', { method: 'POST', headers: { 'content-type': 'application/json', ...session.writeHeaders }, body: JSON.stringify({ name: 'sinkronisasi harian', expires_in_days: 30 }) });
    expect(created.status).toBe(201);
    const { token, id } = (await created.json()) as { token: string; id: number };
    expect(token).toMatch(/^peta_[\w-]{43}$/);
    expect((await db.sql`SELECT 1 FROM auth_session WHERE token_sha256 = ${token}`).length).toBe(0);

    const bearer = { authorization: `Bearer ${token}` };
    expect(await (await app.request('/api/auth/session', { headers: bearer })).json()).toMatchObject({ user: { email: 'automation@peta.test' }, via: 'bearer', csrfToken: null });
    const listed = (await (await app.request('/api/auth/tokens', { headers: { cookie: session.cookie } })).json()) as { tokens: { id: number; name: string }[] };
    // the helper gave every test account a token "test" already
    expect(listed.tokens.map((t) => t.name).sort()).toEqual(['sinkronisasi harian', 'test']);
    expect(listed.tokens).toContainEqual(expect.objectContaining({ id, name: 'sinkronisasi harian' }));
    expect(JSON.stringify(listed)).not.toContain(token);

    expect((await app.request('/api/auth/tokens', { method: 'POST', headers: { 'content-type': 'application/json', ...session.writeHeaders }, body: JSON.stringify({ name: 'x', expires_in_days: 9999 }) })).status).toBe(400);
    expect((await app.request(`/api/auth/tokens/${id}`, { method: 'DELETE', headers: session.writeHeaders })).status).toBe(204);
    expect((await app.request('/api/imports', { headers: bearer })).status).toBe(401);
    expect((await app.request(`/api/auth/tokens/${id}`, { method: 'DELETE', headers: session.writeHeaders })).status).toBe(404);
    expect((await app.request('/api/imports', { headers: { authorization: 'Bearer peta_nonsense' } })).status).toBe(401);
    expect((await app.request('/api/imports', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
  });

  it('lists the own browser sessions and revokes one', async () => {
    await createTestUser(db, { email: 'sessions@peta.test', role: 'admin' });
    const first = await login(app, 'sessions@peta.test', TEST_PASSWORD, '198.51.100.130');
    const second = await login(app, 'sessions@peta.test', TEST_PASSWORD, '198.51.100.131');
    const listed = (await (await app.request('/api/auth/sessions', { headers: { cookie: first.cookie } })).json()) as { sessions: { id: number; current: boolean; ip: string }[] };
    expect(listed.sessions).toHaveLength(2);
    const other = listed.sessions.find((session) => !session.current);
    expect(other?.ip).toBe('198.51.100.131');
    expect((await app.request(`/api/auth/sessions/${other?.id}`, { method: 'DELETE', headers: first.writeHeaders })).status).toBe(204);
    expect((await app.request('/api/imports', { headers: { cookie: second.cookie } })).status).toBe(401);
    expect((await app.request('/api/auth/sessions/abc', { method: 'DELETE', headers: first.writeHeaders })).status).toBe(400);
  });
});
