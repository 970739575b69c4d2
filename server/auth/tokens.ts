import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Session and API tokens: 256 random bits, handed to the client once and stored only as their sha256
 * (a fast hash is enough for random tokens; nothing can be guessed from it). API tokens carry a prefix
 * so that secret scanners and people recognise them.
 */
export const API_TOKEN_PREFIX = 'peta_';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The CSRF token of a session, derived from the session token (which the page cannot read: the cookie
 * is HttpOnly) rather than stored. A page on another origin can make the browser send the cookie but
 * cannot learn this value, which writes must echo in the X-CSRF-Token header.
 */
export function csrfToken(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('peta csrf v1').digest('base64url');
}

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
