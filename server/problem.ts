import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HTTPException } from 'hono/http-exception';
import { isDatabaseUnavailable, isUnstorableText } from './db/client.ts';

/**
 * Errors as RFC 9457 problem details. Route code throws a Problem; `problemHandler` turns it, and any
 * other error, into an application/problem+json response. Only genuine server faults become a 500.
 */
export class Problem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly title: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

export const notFound = (detail: string, extra?: Record<string, unknown>) => new Problem(404, 'Tidak ditemukan', detail, extra);
export const badRequest = (detail: string, extra?: Record<string, unknown>) => new Problem(400, 'Permintaan tidak valid', detail, extra);

/** Seconds a client is asked to wait before retrying a 503. */
const RETRY_AFTER_SECONDS = 5;

export function problemResponse(c: Context, problem: Problem) {
  if (problem.status === 503) c.header('retry-after', String(RETRY_AFTER_SECONDS));
  return c.body(
    JSON.stringify({ type: 'about:blank', title: problem.title, status: problem.status, detail: problem.detail, instance: c.req.path, ...problem.extra }),
    problem.status,
    { 'content-type': 'application/problem+json; charset=utf-8' },
  );
}

/** The message of a failed zod parse, one line per parameter: "period: expected a four-digit year". */
export function describeIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): { detail: string; errors: { parameter: string; message: string }[] } {
  const errors = error.issues.map((issue) => ({ parameter: issue.path.map(String).join('.') || '(request)', message: issue.message }));
  return { detail: errors.map((e) => `${e.parameter}: ${e.message}`).join('; '), errors };
}

export function problemHandler(error: Error, c: Context) {
  if (error instanceof Problem) return problemResponse(c, error);
  if (error instanceof HTTPException) {
    return problemResponse(c, new Problem(error.status, error.status === 413 ? 'Terlalu besar' : 'Permintaan tidak valid', error.message || 'request rejected'));
  }
  if (isUnstorableText(error)) return problemResponse(c, badRequest('the request contains a character that cannot be stored (such as NUL); remove it'));
  // The database away (restart, failover, network): a 503 the client can retry; postgres.js reconnects by itself.
  if (isDatabaseUnavailable(error)) {
    console.error(`[unavailable] ${c.req.method} ${c.req.path}: database: ${error.message}`);
    return problemResponse(c, new Problem(503, 'Layanan tidak tersedia', 'the database cannot be reached right now; try again in a few seconds'));
  }
  console.error(`[error] ${c.req.method} ${c.req.path}`, error);
  return problemResponse(c, new Problem(500, 'Kesalahan server', 'An unexpected error occurred; it has been logged.'));
}
