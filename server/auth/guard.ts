import type { Context, MiddlewareHandler } from 'hono';
import type { Database } from '../db/client.ts';
import { findLiveSession, touchSession, type SessionRecord } from '../db/sessions.ts';
import type { Role, UserRecord } from '../db/users.ts';
import { Problem } from '../problem.ts';
import type { AuthOptions } from './options.ts';
import { checkOrigin, clientIp, readSessionCookie } from './request.ts';
import { NATIONAL } from './scope.ts';
import { csrfToken, sameSecret, tokenHash } from './tokens.ts';

/**
 * Who is calling: a browser session (cookie) or an API token (Authorization: Bearer). Only the routes
 * that need it ask, so public reads (values, tiles) never touch the session table.
 *
 * Cookie-authenticated writes must also pass the CSRF defences: an Origin (or Sec-Fetch-Site) that is
 * our own, and the session's CSRF token in X-CSRF-Token. Bearer calls are exempt: a browser never
 * adds an Authorization header on its own, so another site cannot forge one.
 */
export interface Caller {
  user: UserRecord;
  /** where the user may write: their region, or `ID` for admins */
  scope: string;
  via: 'cookie' | 'bearer';
  session: SessionRecord;
  ip: string | null;
  /** the CSRF token of a cookie session (null for bearer calls) */
  csrfToken: string | null;
}

export type AuthEnv = { Variables: { caller: Caller } };

/** Who did something, as the audit log and import batches record it. */
export interface Actor {
  userId: number | null;
  /** the user's email, or who ran a command-line tool */
  name: string;
  ip: string | null;
  /** where the actor may write: a region code, or `ID` */
  scope: string;
}

export const actorOf = (caller: Caller): Actor => ({ userId: caller.user.id, name: caller.user.email, ip: caller.ip, scope: caller.scope });

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function unauthorized(c: Context, detail = 'log in first (POST /api/auth/login), or send an API token as "Authorization: Bearer <token>"') {
  c.header('www-authenticate', 'Bearer realm="peta"');
  return new Problem(401, 'Perlu masuk', detail);
}

export function createGuard(db: Database, options: AuthOptions) {
  async function identify(c: Context): Promise<Caller | null> {
    const now = options.now();
    const ip = clientIp(c, options);
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      if (!token) throw unauthorized(c, 'send the API token as "Authorization: Bearer <token>"');
      const found = await findLiveSession(db, tokenHash(token), 'api', now, null);
      if (!found) throw unauthorized(c, 'the API token is unknown, revoked or expired; create a new one (POST /api/auth/tokens)');
      await touch(found.session, now);
      return { user: found.user, scope: scopeOf(found.user), via: 'bearer', session: found.session, ip, csrfToken: null };
    }
    const token = readSessionCookie(c, options);
    if (!token) return null;
    const idleSince = new Date(now.getTime() - options.session.idleMs);
    const found = await findLiveSession(db, tokenHash(token), 'session', now, idleSince);
    if (!found) return null;
    await touch(found.session, now);
    return { user: found.user, scope: scopeOf(found.user), via: 'cookie', session: found.session, ip, csrfToken: csrfToken(token) };
  }

  async function touch(session: SessionRecord, now: Date) {
    if (now.getTime() - session.last_seen_at.getTime() >= options.session.touchMs) await touchSession(db, session.id, now);
  }

  /** Middleware: the caller must be logged in (and, with `roles`, have one of them); sets `caller`. */
  function required(requirement: { roles?: readonly Role[] } = {}): MiddlewareHandler<AuthEnv> {
    return async (c, next) => {
      const caller = await identify(c);
      if (!caller) throw unauthorized(c);
      if (caller.via === 'cookie' && !SAFE_METHODS.has(c.req.method)) {
        checkOrigin(c, options);
        const given = c.req.header(CSRF_HEADER) ?? '';
        if (!caller.csrfToken || !sameSecret(given, caller.csrfToken)) {
          throw new Problem(403, 'Token CSRF tidak cocok', `send the csrfToken from POST /api/auth/login or GET /api/auth/session in the ${CSRF_HEADER} header`);
        }
      }
      if (requirement.roles && !requirement.roles.includes(caller.user.role)) {
        throw new Problem(403, 'Tidak diizinkan', `this needs the role ${requirement.roles.join(' or ')}; you are ${caller.user.role}`);
      }
      c.set('caller', caller);
      await next();
    };
  }

  return { identify, required };
}

export type Guard = ReturnType<typeof createGuard>;

export function scopeOf(user: Pick<UserRecord, 'role' | 'region_kode'>): string {
  if (user.role === 'admin') return NATIONAL;
  // Fail closed: the schema forbids a non-admin without a region, but never read that as "everywhere".
  if (user.region_kode === null) throw new Error(`a ${user.role} account without a region`);
  return user.region_kode;
}
