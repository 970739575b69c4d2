import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

/**
 * Password hashing with scrypt, the memory-hard function built into Node (no dependency, no native
 * build, maintained with OpenSSL). Stored as `scrypt$N$r$p$salt$hash` (salt and hash in base64), so
 * the parameters travel with each hash: raising them later upgrades every account at its next login
 * (`needsRehash`), and old hashes keep verifying.
 *
 * N = 2^16, r = 8, p = 1 uses 64 MiB and about 0.15-0.3 s on a shared 2-core machine: above the
 * N = 2^15 floor, and at 128 x N x r bytes the memory a GPU or ASIC attacker must pay per guess. OWASP
 * prefers N = 2^17 (128 MiB, ~0.6 s here), which lets a burst of logins exhaust a small server; the
 * login throttle (server/auth/throttle.ts) bounds online guessing anyway.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const PASSWORD_HASH_PARAMS: ScryptParams = { N: 2 ** 16, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Long enough for a passphrase, short enough that hashing it is no denial of service. */
export const PASSWORD_LENGTH = { min: 12, max: 256 };

function derive(password: string, salt: Buffer, params: ScryptParams, length: number): Promise<Buffer> {
  // Node refuses more than 32 MiB unless told; allow what the parameters need, with headroom.
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFKC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashPassword(password: string, params: ScryptParams = PASSWORD_HASH_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface ParsedHash extends ScryptParams {
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (!N || !r || !p || !Number.isInteger(Math.log2(N)) || N > 2 ** 20 || r > 32 || p > 16) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const key = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length < 8 || key.length < 16) return null;
  return { N, r, p, salt, key };
}

/** True when the password matches; a malformed stored hash never matches. Constant-time comparison. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/** True when the hash was made with weaker parameters than today's: rehash it at the next login. */
export function needsRehash(stored: string, params: ScryptParams = PASSWORD_HASH_PARAMS): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.N < params.N || parsed.r < params.r || parsed.p < params.p || parsed.key.length < KEY_BYTES;
}

/** A password an account may be given: checked at every boundary that sets one. */
export const NEW_PASSWORD = z
  .string()
  .min(PASSWORD_LENGTH.min, `a password needs at least ${PASSWORD_LENGTH.min} characters; a few words make a good one`)
  .max(PASSWORD_LENGTH.max, `a password may have at most ${PASSWORD_LENGTH.max} characters`);
