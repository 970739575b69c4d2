import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { userView } from '../auth/accounts.ts';
import type { AuthEnv, Guard } from '../auth/guard.ts';
import type { AuthOptions } from '../auth/options.ts';
import { NEW_PASSWORD } from '../auth/password.ts';
import { checkOrigin, clearSessionCookie, clientIp, noStore, writeSessionCookie } from '../auth/request.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { Database } from '../db/client.ts';
import { listSessions, type SessionKind, type SessionRecord } from '../db/sessions.ts';
import { notFound, Problem } from '../problem.ts';
import { plainText, ROW_ID, validate } from '../validate.ts';

/**
 * Logging in and out, the current session, the caller's own sessions and API tokens, and changing
 * one's own password. POST /login answers with the CSRF token that cookie-authenticated writes must
 * send in X-CSRF-Token; GET /session gives it again to a page that reloads.
 */
export interface AuthRouteOptions {
  db: Database;
  guard: Guard;
  sessions: Sessions;
  options: AuthOptions;
}

export const LOGIN_BODY = z.object({
  email: z.string().trim().max(320).pipe(z.email('email: an email address, e.g. operator@kab.go.id')),
  password: z.string().min(1, 'password is required').max(1024),
});

export const PASSWORD_BODY = z.object({
  current_password: z.string().min(1).max(1024),
  new_password: NEW_PASSWORD,
});

export const TOKEN_BODY = z.object({
  name: plainText(100).pipe(z.string().min(1, 'name: say what the token is for')),
  expires_in_days: z.int().min(1).optional(),
});

export const SESSION_PARAM = z.object({ id: ROW_ID });

/** 429 with Retry-After: when to try again, the same for unknown and real accounts. */
function tooManyAttempts(c: Context, until: Date, now: Date): Problem {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  c.header('retry-after', String(seconds));
  return new Problem(
    429,
    'Terlalu banyak percobaan',
    `too many failed attempts for this account or from this address; try again in ${Math.ceil(seconds / 60)} minute(s), after ${until.toISOString()}`,
    { retry_after: seconds, retry_at: until.toISOString() },
  );
}

const sessionView = (session: SessionRecord, currentId: number | null) => ({
  id: session.id,
  ...(session.kind === 'api' ? { name: session.name } : {}),
  created_at: session.created_at.toISOString(),
  expires_at: session.expires_at.toISOString(),
  last_seen_at: session.last_seen_at.toISOString(),
  ip: session.ip,
  ...(session.kind === 'session' ? { user_agent: session.user_agent, current: session.id === currentId } : {}),
});

export function authRoutes({ db, guard, sessions, options }: AuthRouteOptions) {
  const listOwn = (kind: SessionKind) => async (c: Context<AuthEnv>) => {
    const { caller } = c.var;
    const rows = await listSessions(db, caller.user.id, kind, options.now());
    return c.json({ [kind === 'api' ? 'tokens' : 'sessions']: rows.map((row) => sessionView(row, caller.via === 'cookie' ? caller.session.id : null)) });
  };
  const revokeOwn = (kind: SessionKind) => async (c: Context<AuthEnv, string, { out: { param: z.infer<typeof SESSION_PARAM> } }>) => {
    const { id } = c.req.valid('param');
    if (!(await sessions.revoke(c.var.caller, kind, id))) throw notFound(`you have no live ${kind === 'api' ? 'API token' : 'session'} ${id}`);
    return c.body(null, 204);
  };

  return new Hono<AuthEnv>()
    .use('*', noStore())
    .post('/login', validate('json', LOGIN_BODY), async (c) => {
      // A login form on another site could log the victim into the attacker's account.
      checkOrigin(c, options);
      const body = c.req.valid('json');
      const outcome = await sessions.login({ email: body.email, password: body.password, ip: clientIp(c, options), userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null });
      if (!outcome.ok) {
        if (outcome.reason === 'throttled') throw tooManyAttempts(c, outcome.until, options.now());
        throw new Problem(401, 'Gagal masuk', 'the email or the password is wrong');
      }
      writeSessionCookie(c, options, outcome.token, Math.floor(options.session.absoluteMs / 1000));
      return c.json({ user: userView(outcome.user), csrfToken: outcome.csrfToken, expiresAt: outcome.session.expires_at.toISOString() });
    })
    .get('/session', async (c) => {
      const caller = await guard.identify(c);
      if (!caller) return c.json({ user: null });
      return c.json({ user: userView(caller.user), via: caller.via, csrfToken: caller.csrfToken, expiresAt: caller.session.expires_at.toISOString() });
    })
    .post('/logout', guard.required(), async (c) => {
      await sessions.logout(c.var.caller);
      if (c.var.caller.via === 'cookie') clearSessionCookie(c, options);
      return c.body(null, 204);
    })
    .put('/password', guard.required(), validate('json', PASSWORD_BODY), async (c) => {
      const { caller } = c.var;
      const body = c.req.valid('json');
      if (body.new_password.trim().toLowerCase() === caller.user.email) throw new Problem(400, 'Permintaan tidak valid', 'new_password: do not use your email address as your password');
      const outcome = await sessions.changePassword(caller, body.current_password, body.new_password);
      if (!outcome.ok) {
        if (outcome.reason === 'throttled') throw tooManyAttempts(c, outcome.until, options.now());
        throw new Problem(403, 'Kata sandi salah', 'current_password is not your current password');
      }
      return c.json({ changed: true, sessionsRevoked: outcome.revokedSessions });
    })
    .get('/sessions', guard.required(), listOwn('session'))
    .delete('/sessions/:id', guard.required(), validate('param', SESSION_PARAM), revokeOwn('session'))
    .get('/tokens', guard.required(), listOwn('api'))
    .post('/tokens', guard.required(), validate('json', TOKEN_BODY), async (c) => {
      const body = c.req.valid('json');
      const days = body.expires_in_days ?? options.apiToken.defaultDays;
      if (days > options.apiToken.maxDays) throw new Problem(400, 'Permintaan tidak valid', `expires_in_days: at most ${options.apiToken.maxDays} days`);
      const { token, record } = await sessions.createApiToken(c.var.caller, { name: body.name, days });
      // The token itself is shown only now; the server keeps only its hash.
      return c.json({ token, ...sessionView(record, null) }, 201);
    })
    .delete('/tokens/:id', guard.required(), validate('param', SESSION_PARAM), revokeOwn('api'));
}
