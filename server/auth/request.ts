import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { isIP } from 'node:net';
import { Problem } from '../problem.ts';
import type { AuthOptions } from './options.ts';

/**
 * What the auth code needs to know about a request: the client's address, whether it came over
 * https, whether it came from our own pages (Origin), and the session cookie.
 */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
export const SESSION_COOKIE = 'peta_session';

/** The client address: the proxy's last X-Forwarded-For entry when it is trusted, else the socket's. */
export function clientIp(c: Context, options: Pick<AuthOptions, 'trustProxy'>): string | null {
  if (options.trustProxy) {
    const last = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    // Only an address: the value becomes a throttle key and an audit field.
    if (last && isIP(last)) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    // app.request() in tests has no socket
    return null;
  }
}

/** The origin the client used: scheme and host, as a trusted proxy reports them or as the request says. */
export function requestOrigin(c: Context, options: Pick<AuthOptions, 'trustProxy'>): URL {
  const url = new URL(c.req.url);
  if (options.trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
    if (proto === 'https' || proto === 'http') url.protocol = `${proto}:`;
    if (host) url.host = host;
  }
  return url;
}

export function secureCookies(c: Context, options: Pick<AuthOptions, 'trustProxy' | 'cookieSecure'>): boolean {
  if (options.cookieSecure !== 'auto') return options.cookieSecure === 'always';
  const origin = requestOrigin(c, options);
  return origin.protocol === 'https:' || !LOOPBACK.has(origin.hostname);
}

export function readSessionCookie(c: Context, options: Pick<AuthOptions, 'trustProxy' | 'cookieSecure'>): string | undefined {
  // Only the name of the current mode: a plain-named cookie on an https site could have been planted
  // by a sibling subdomain, which a __Host- cookie cannot be.
  return secureCookies(c, options) ? getCookie(c, SESSION_COOKIE, 'host') : getCookie(c, SESSION_COOKIE);
}

export function writeSessionCookie(c: Context, options: Pick<AuthOptions, 'trustProxy' | 'cookieSecure'>, token: string, maxAgeSeconds: number) {
  const secure = secureCookies(c, options);
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    // Strict: another site's link or form never carries the session. The map itself needs no login,
    // and the pages' own requests are same-site, so nothing is lost.
    sameSite: 'Strict',
    secure,
    maxAge: maxAgeSeconds,
    ...(secure ? { prefix: 'host' as const } : {}),
  });
}

export function clearSessionCookie(c: Context, options: Pick<AuthOptions, 'trustProxy' | 'cookieSecure'>) {
  const secure = secureCookies(c, options);
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure, ...(secure ? { prefix: 'host' as const } : {}) });
}

/**
 * Refuses a request that a page on another origin made the browser send: its Origin header names
 * another site (or "null"), or, without Origin, Sec-Fetch-Site says cross-site. Requests with
 * neither (curl, scripts) pass here and must show the CSRF token instead.
 */
export function checkOrigin(c: Context, options: Pick<AuthOptions, 'trustProxy' | 'publicOrigin'>): void {
  const origin = c.req.header('origin');
  if (origin !== undefined) {
    const allowed = new Set([requestOrigin(c, options).origin]);
    if (options.publicOrigin) allowed.add(new URL(options.publicOrigin).origin);
    if (!allowed.has(origin)) {
      throw new Problem(403, 'Asal permintaan ditolak', `requests that change data must come from this site's own pages; Origin ${origin} is not ${[...allowed].join(' or ')}`);
    }
    return;
  }
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw new Problem(403, 'Asal permintaan ditolak', `requests that change data must come from this site's own pages (Sec-Fetch-Site: ${site})`);
  }
}

/** Answers about accounts are private to their caller: no cache may keep them. */
export function noStore(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('cache-control', 'no-store');
  };
}
