import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/**
 * CORS for the public read API only: any site may GET the values, regions, search, tiles and OGC
 * collections (they are open data, read without credentials). Routes that write or that need an
 * account get no CORS headers at all, so a browser on another origin cannot read their answers,
 * and no preflight lets it send anything but GET and HEAD.
 */
export const PUBLIC_READ_PREFIXES = ['/api', '/tiles', '/ogc'];

/** Under /api, the parts that are not public reading: imports and everything about accounts. */
export const PRIVATE_API_PREFIXES = ['/api/imports', '/api/auth', '/api/users', '/api/audit', '/api/session', '/api/sessions', '/api/me'];

const PUBLIC_METHODS = ['GET', 'HEAD', 'OPTIONS'];

const underAny = (path: string, prefixes: string[]) => prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}.`));

export function isPublicRead(method: string, path: string): boolean {
  return PUBLIC_METHODS.includes(method) && underAny(path, PUBLIC_READ_PREFIXES) && !underAny(path, PRIVATE_API_PREFIXES);
}

export function publicCors(): MiddlewareHandler {
  const open = cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], exposeHeaders: ['ETag', 'Content-Disposition', 'Retry-After'], maxAge: 86_400 });
  return (c, next) => (isPublicRead(c.req.method, c.req.path) ? open(c, next) : next());
}
