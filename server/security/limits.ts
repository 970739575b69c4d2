import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Server } from 'node:http';
import { Problem } from '../problem.ts';

/** Every size and time limit of the server, in one place. */
export const LIMITS = {
  /** JSON and form bodies (sign-in, settings): far more than any of them needs. */
  bodyBytes: 1024 * 1024,
  /**
   * File uploads to /api/imports: the largest legitimate file is the national desa file of the 30
   * rate indicators, ~77 MB as long-format CSV (bench/import.ts); the parser's own cap is 3 million
   * values (server/import/types.ts), ~92 MB.
   */
  importBytes: 100 * 1024 * 1024,
  /** A read request that takes longer gets a 503; the database is then too slow or away. */
  handlerMs: 20_000,
  /** Time for the request line and headers (slow-loris protection). */
  headersMs: 20_000,
  /** Time for a whole request to arrive, uploads included: 100 MB needs ~3 Mbit/s. */
  requestMs: 300_000,
  /** Idle keep-alive connections are closed after this. */
  keepAliveMs: 5_000,
  /** On SIGTERM, requests in flight get this long to finish before their connections are cut. */
  shutdownMs: 20_000,
} as const;

/** Paths whose requests may carry a file, and how large. */
const UPLOAD_PATHS: [prefix: string, maxBytes: number][] = [['/api/imports', LIMITS.importBytes]];

/** Paths exempt from the handler timeout: writes that cannot be cut off halfway and take minutes. */
const LONG_RUNNING_PATHS = ['/api/imports'];

const tooLarge = (maxBytes: number) => () => {
  throw new Problem(413, 'Terlalu besar', `request bodies here are limited to ${formatBytes(maxBytes)}`);
};

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** hono/body-limit with the limit of the path: uploads on the import paths, small bodies elsewhere. */
export function bodyLimits(): MiddlewareHandler {
  const uploads = UPLOAD_PATHS.map(([prefix, maxBytes]) => ({ prefix, limit: bodyLimit({ maxSize: maxBytes, onError: tooLarge(maxBytes) }) }));
  const small = bodyLimit({ maxSize: LIMITS.bodyBytes, onError: tooLarge(LIMITS.bodyBytes) });
  return (c, next) => {
    const upload = uploads.find(({ prefix }) => c.req.path === prefix || c.req.path.startsWith(`${prefix}/`));
    return (upload?.limit ?? small)(c, next);
  };
}

/**
 * A handler that has not answered within `LIMITS.handlerMs` is answered with a 503 problem (with
 * Retry-After) instead of holding the client until its own timeout. Imports are exempt: a client
 * told "failed" while the import goes on and commits would be worse than waiting.
 */
export function handlerTimeout(ms: number = LIMITS.handlerMs): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && LONG_RUNNING_PATHS.some((prefix) => c.req.path.startsWith(prefix))) return next();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        console.error(`[timeout] ${c.req.method} ${c.req.path}: no answer within ${ms / 1000} s, answered 503`);
        reject(new Problem(503, 'Layanan sibuk', `the server could not answer within ${ms / 1000} s; try again shortly`));
      }, ms);
    });
    try {
      await Promise.race([next(), expired]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Node's own connection timeouts: a client gets 20 s (Node's default: 60 s) to send its headers. */
export function applyServerTimeouts(server: Server): void {
  server.headersTimeout = LIMITS.headersMs;
  server.requestTimeout = LIMITS.requestMs;
  server.keepAliveTimeout = LIMITS.keepAliveMs;
}
