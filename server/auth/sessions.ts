import { randomBytes } from 'node:crypto';
import type postgres from 'postgres';
import { recordAudit } from '../db/audit.ts';
import type { Database } from '../db/client.ts';
import { clearFailures, lockedUntil, purgeStaleCounters, recordFailure } from '../db/login-throttle.ts';
import { insertSession, purgeOldSessions, revokeSession, revokeUserSessions, type SessionKind, type SessionRecord } from '../db/sessions.ts';
import { findUser, findUserByEmail, rehashPassword, updateUser, type UserRecord, type UserWithHash } from '../db/users.ts';
import type { Caller } from './guard.ts';
import type { AuthOptions } from './options.ts';
import { hashPassword, needsRehash, verifyPassword } from './password.ts';
import { csrfToken, newApiToken, newSessionToken, tokenHash } from './tokens.ts';

/**
 * Logging in and out, API tokens and password changes. Failed attempts count per account and per
 * client address in the database (server/db/login-throttle.ts); unknown addresses are counted and
 * locked exactly like real ones, and take as long, so no answer tells whether an account exists.
 */
export type ThrottledOutcome = { ok: false; reason: 'throttled'; until: Date };

export type LoginOutcome =
  | { ok: true; user: UserRecord; token: string; csrfToken: string; session: SessionRecord }
  | { ok: false; reason: 'invalid' }
  | ThrottledOutcome;

export type PasswordChangeOutcome = { ok: true; revokedSessions: number } | { ok: false; reason: 'wrong' } | ThrottledOutcome;

const DAY = 24 * 3600 * 1000;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();
/** The failed-login counter of an account, by email so that unknown addresses have one too. */
export const accountThrottleKey = (email: string) => `account:${email}`;

export function createSessions(db: Database, options: AuthOptions) {
  // Logins for unknown addresses verify against this, so they cost what a real one costs.
  let dummyHash: Promise<string> | undefined;
  const dummy = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));
  const keys = (email: string, ip: string | null) => ({ account: accountThrottleKey(email), ip: `ip:${ip ?? 'unknown'}` });

  /** Counts a failed password for the account (and the address), with audit entries; locked when the limit is reached. */
  async function recordFailedPassword(
    sql: postgres.TransactionSql,
    attempt: { email: string; user: UserWithHash | undefined; ip: string | null; action: string },
    now: Date,
  ): Promise<Date | null> {
    const key = keys(attempt.email, attempt.ip);
    const account = await recordFailure(sql, key.account, options.throttle.account, now);
    const address = await recordFailure(sql, key.ip, options.throttle.ip, now);
    const base = {
      at: now,
      userId: attempt.user?.id ?? null,
      actor: attempt.email,
      target: attempt.user ? `user:${attempt.user.id}` : `email:${attempt.email}`,
      scope: attempt.user?.region_kode ?? null,
      ip: attempt.ip,
      before: null,
    };
    await recordAudit(sql, { ...base, action: attempt.action, after: { failures: account.failures } });
    if (account.lockedNow) await recordAudit(sql, { ...base, action: 'auth.lockout', after: { failures: account.failures, locked_until: account.lockedUntil?.toISOString() ?? null } });
    if (address.lockedNow) {
      await recordAudit(sql, { ...base, action: 'auth.ip_lockout', target: `ip:${attempt.ip ?? 'unknown'}`, after: { failures: address.failures, locked_until: address.lockedUntil?.toISOString() ?? null } });
    }
    const until = [account.lockedUntil, address.lockedUntil].filter((date): date is Date => date !== null).sort((a, b) => b.getTime() - a.getTime())[0];
    return until ?? null;
  }

  async function login(attempt: { email: string; password: string; ip: string | null; userAgent: string | null }): Promise<LoginOutcome> {
    const now = options.now();
    const email = normalizeEmail(attempt.email);
    const key = keys(email, attempt.ip);
    const locked = await lockedUntil(db, [key.account, key.ip], now);
    if (locked) return { ok: false, reason: 'throttled', until: locked };

    const user = await findUserByEmail(db.sql, email);
    const matches = await verifyPassword(attempt.password, user?.password_hash ?? (await dummy()));
    if (!user || !matches) {
      const until = await db.sql.begin((sql) => recordFailedPassword(sql, { email, user, ip: attempt.ip, action: 'auth.login_failed' }, now));
      return until ? { ok: false, reason: 'throttled', until } : { ok: false, reason: 'invalid' };
    }

    const token = newSessionToken();
    const upgraded = needsRehash(user.password_hash) ? await hashPassword(attempt.password) : null;
    const session = await db.sql.begin(async (sql) => {
      await clearFailures(sql, key.account);
      if (upgraded) await rehashPassword(sql, user.id, upgraded);
      const created = await insertSession(sql, {
        tokenSha256: tokenHash(token),
        userId: user.id,
        kind: 'session',
        name: null,
        now,
        expiresAt: new Date(now.getTime() + options.session.absoluteMs),
        ip: attempt.ip,
        userAgent: attempt.userAgent,
      });
      await purgeOldSessions(sql, now);
      await purgeStaleCounters(sql, now, DAY);
      await recordAudit(sql, {
        at: now,
        userId: user.id,
        actor: user.email,
        action: 'auth.login',
        target: `user:${user.id}`,
        scope: user.region_kode,
        before: null,
        after: { session: created.id, password_rehashed: upgraded !== null },
        ip: attempt.ip,
      });
      return created;
    });
    const { password_hash: _hash, ...record } = user;
    return { ok: true, user: record, token, csrfToken: csrfToken(token), session };
  }

  /** Ends the caller's session (or revokes the API token it came with). */
  async function logout(caller: Caller): Promise<void> {
    const now = options.now();
    await db.sql.begin(async (sql) => {
      await revokeSession(sql, caller.session.id, caller.user.id, caller.session.kind, now);
      await recordAudit(sql, {
        at: now,
        userId: caller.user.id,
        actor: caller.user.email,
        action: 'auth.logout',
        target: `user:${caller.user.id}`,
        scope: caller.user.region_kode,
        before: { session: caller.session.id },
        after: null,
        ip: caller.ip,
      });
    });
  }

  /** A new API token for the caller, with the caller's role and scope; the token is shown only now. */
  async function createApiToken(caller: Caller, request: { name: string; days: number }): Promise<{ token: string; record: SessionRecord }> {
    const now = options.now();
    const token = newApiToken();
    const record = await db.sql.begin(async (sql) => {
      const created = await insertSession(sql, {
        tokenSha256: tokenHash(token),
        userId: caller.user.id,
        kind: 'api',
        name: request.name,
        now,
        expiresAt: new Date(now.getTime() + request.days * DAY),
        ip: caller.ip,
        userAgent: null,
      });
      await recordAudit(sql, {
        at: now,
        userId: caller.user.id,
        actor: caller.user.email,
        action: 'auth.token_create',
        target: `token:${created.id}`,
        scope: caller.user.region_kode,
        before: null,
        after: { id: created.id, name: request.name, expires_at: created.expires_at.toISOString() },
        ip: caller.ip,
      });
      return created;
    });
    return { token, record };
  }

  /** Revokes one of the caller's own sessions or API tokens; false when there is no such live one. */
  async function revoke(caller: Caller, kind: SessionKind, id: number): Promise<boolean> {
    const now = options.now();
    return db.sql.begin(async (sql) => {
      const revoked = await revokeSession(sql, id, caller.user.id, kind, now);
      if (!revoked) return false;
      await recordAudit(sql, {
        at: now,
        userId: caller.user.id,
        actor: caller.user.email,
        action: kind === 'api' ? 'auth.token_revoke' : 'auth.session_revoke',
        target: `${kind === 'api' ? 'token' : 'session'}:${id}`,
        scope: caller.user.region_kode,
        before: { id, name: revoked.name, expires_at: revoked.expires_at.toISOString() },
        after: null,
        ip: caller.ip,
      });
      return true;
    });
  }

  /**
   * The caller changes their own password, proving the current one (wrong guesses count toward the
   * account's lockout). The caller's other browser sessions end; API tokens stay (they are listed
   * and revoked on their own).
   */
  async function changePassword(caller: Caller, current: string, next: string): Promise<PasswordChangeOutcome> {
    const now = options.now();
    const key = keys(caller.user.email, caller.ip);
    const locked = await lockedUntil(db, [key.account], now);
    if (locked) return { ok: false, reason: 'throttled', until: locked };
    const user = await findUser(db.sql, caller.user.id);
    if (!user || !(await verifyPassword(current, user.password_hash))) {
      const until = await db.sql.begin((sql) => recordFailedPassword(sql, { email: caller.user.email, user, ip: caller.ip, action: 'auth.password_failed' }, now));
      return until ? { ok: false, reason: 'throttled', until } : { ok: false, reason: 'wrong' };
    }
    const hash = await hashPassword(next);
    return db.sql.begin(async (sql) => {
      const updated = await updateUser(sql, user.id, { password_hash: hash }, now);
      const revokedSessions = await revokeUserSessions(sql, user.id, now, {
        kinds: ['session'],
        ...(caller.via === 'cookie' ? { exceptId: caller.session.id } : {}),
      });
      await clearFailures(sql, key.account);
      await recordAudit(sql, {
        at: now,
        userId: user.id,
        actor: user.email,
        action: 'user.password',
        target: `user:${user.id}`,
        scope: user.region_kode,
        before: { password_changed_at: user.password_changed_at.toISOString() },
        after: { password_changed_at: updated.password_changed_at.toISOString(), sessions_revoked: revokedSessions },
        ip: caller.ip,
      });
      return { ok: true as const, revokedSessions };
    });
  }

  return { login, logout, createApiToken, revoke, changePassword };
}

export type Sessions = ReturnType<typeof createSessions>;
