import type { Database } from '../../server/db/client.ts';
import { hashPassword } from '../../server/auth/password.ts';
import { tokenHash } from '../../server/auth/tokens.ts';
import { newApiToken } from '../../server/auth/tokens.ts';
import { insertSession } from '../../server/db/sessions.ts';
import { insertUser, type Role, type UserRecord } from '../../server/db/users.ts';

/**
 * Accounts for tests, written straight into the database. Passwords are hashed with small scrypt
 * parameters (fast; the server upgrades them at the first login), and each account can be given an
 * API token of a chosen value.
 */
export const TEST_PASSWORD = 'kata sandi uji yang panjang';
export const FAST_HASH = { N: 2 ** 12, r: 8, p: 1 };

export async function createTestUser(
  db: Database,
  account: { email: string; role: Role; region?: string | null; name?: string; password?: string; apiToken?: string },
): Promise<{ user: UserRecord; token: string; password: string }> {
  const password = account.password ?? TEST_PASSWORD;
  const passwordHash = await hashPassword(password, FAST_HASH);
  const token = account.apiToken ?? newApiToken();
  const now = new Date();
  const user = await db.sql.begin(async (sql) => {
    const created = await insertUser(sql, { email: account.email, name: account.name ?? account.email, role: account.role, region_kode: account.region ?? null, password_hash: passwordHash }, now);
    await insertSession(sql, {
      tokenSha256: tokenHash(token),
      userId: created.id,
      kind: 'api',
      name: 'test',
      now,
      expiresAt: new Date(now.getTime() + 365 * 24 * 3600 * 1000),
      ip: null,
      userAgent: null,
    });
    return created;
  });
  return { user, token, password };
}

type RequestApp = { request(input: string, init?: RequestInit): Response | Promise<Response> };

/** The `name=value` of the session cookie a response sets (empty when it sets none). */
export function sessionCookie(response: Response): string {
  const header = response.headers.getSetCookie().find((cookie) => /^(__Host-)?peta_session=/.test(cookie));
  return header?.split(';')[0] ?? '';
}

export interface BrowserSession {
  cookie: string;
  csrf: string;
  /** headers a page of the site sends on a write: the cookie, the CSRF token and its own Origin */
  writeHeaders: Record<string, string>;
}

/** Logs in over the API as a browser would, from a client address of its own. */
export async function login(app: RequestApp, email: string, password: string, ip = '198.51.100.1'): Promise<BrowserSession> {
  const response = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login of ${email} answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { csrfToken: string };
  const cookie = sessionCookie(response);
  return { cookie, csrf: body.csrfToken, writeHeaders: { cookie, 'x-csrf-token': body.csrfToken, origin: 'http://localhost', 'x-forwarded-for': ip } };
}
