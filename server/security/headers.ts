import type { MiddlewareHandler } from 'hono';
import { createHash } from 'node:crypto';

/**
 * Security headers on every response of the Hono app (the tile fast path sets its own, see
 * http-server.ts). The front end loads only its own files: MapLibre's worker is a file of ours
 * (or a blob: when it builds one itself), and it draws images from data: and blob: URLs. Styles
 * set through the DOM (Preact's `style`, MapLibre's positioning) are not inline styles to CSP.
 */
export const CONTENT_SECURITY_POLICY: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'worker-src': "'self' blob:",
  'child-src': "'self' blob:",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

/**
 * Paths that any site may show in a frame (the embeddable map); everything else may be framed by no
 * one, against clickjacking. A path matches itself and everything under it.
 */
export const FRAMEABLE_PATHS = ['/embed'];

export function isFrameable(path: string): boolean {
  return FRAMEABLE_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * The policy for a path. A server-rendered page with an inline <style> or <script> passes their
 * exact (constant) texts: they are allowed by hash, so nothing injected beside them runs.
 */
export function contentSecurityPolicy(path: string, inline: { styles?: string[]; scripts?: string[] } = {}): string {
  const hashes = (texts: string[] = []) => texts.map((text) => ` 'sha256-${createHash('sha256').update(text).digest('base64')}'`).join('');
  const policy = {
    ...CONTENT_SECURITY_POLICY,
    'script-src': `${CONTENT_SECURITY_POLICY['script-src']}${hashes(inline.scripts)}`,
    'style-src': `${CONTENT_SECURITY_POLICY['style-src']}${hashes(inline.styles)}`,
    'frame-ancestors': isFrameable(path) ? '*' : "'none'",
  };
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources}`)
    .join('; ');
}

export function securityHeaders(): MiddlewareHandler {
  // The two policies without inline parts, built once rather than per request.
  const framed = contentSecurityPolicy(FRAMEABLE_PATHS[0] ?? '/embed');
  const closed = contentSecurityPolicy('/');
  return async (c, next) => {
    await next();
    const frameable = isFrameable(c.req.path);
    // c.header() first: it copies a finished response, whose headers may be immutable, once.
    // A route that set its own policy (a page with hashed inline parts) keeps it.
    c.header('content-security-policy', c.res.headers.get('content-security-policy') ?? (frameable ? framed : closed));
    const headers = c.res.headers;
    headers.set('x-content-type-options', 'nosniff');
    headers.set('referrer-policy', 'strict-origin-when-cross-origin');
    // frame-ancestors is the standard; X-Frame-Options is for browsers that predate it.
    if (frameable) headers.delete('x-frame-options');
    else headers.set('x-frame-options', 'DENY');
  };
}
