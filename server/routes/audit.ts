import { Hono } from 'hono';
import { z } from 'zod';
import type { AuthEnv, Guard } from '../auth/guard.ts';
import { noStore } from '../auth/request.ts';
import { contains, NATIONAL } from '../auth/scope.ts';
import { listAudit } from '../db/audit.ts';
import type { Database } from '../db/client.ts';
import { Problem } from '../problem.ts';
import { KEMENDAGRI_CODE_PATTERN } from '../region-code.ts';
import { plainText, ROW_ID, validate } from '../validate.ts';

/**
 * The audit log, newest first. Admins read everything; province supervisors read the entries about
 * their province and what lies in it (imports, rollbacks, accounts and logins there). Kab/kota
 * operators do not read it: what they did is in GET /api/imports.
 */
const INSTANT = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'a date (2025-01-31) or a date and time with offset (2025-01-31T08:00:00+07:00)' })
  .transform((text) => new Date(text));

export const AUDIT_QUERY = z.object({
  user: ROW_ID.optional(),
  action: z
    .string()
    .regex(/^[a-z_.]+\*?$/, 'action: an action such as import, import.rollback, indicator.target, user.update, auth.login, or a prefix with * (auth.*)')
    .optional(),
  target: plainText(200).optional(),
  region: z.string().regex(KEMENDAGRI_CODE_PATTERN, 'region: a dotted Kemendagri code').optional(),
  from: INSTANT.optional(),
  to: INSTANT.optional(),
  before: ROW_ID.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function auditRoutes({ db, guard }: { db: Database; guard: Guard }) {
  return new Hono<AuthEnv>().use('*', noStore()).get('/', guard.required({ roles: ['admin', 'provinsi'] }), validate('query', AUDIT_QUERY), async (c) => {
    const query = c.req.valid('query');
    const { scope } = c.var.caller;
    if (query.region !== undefined && scope !== NATIONAL && !contains(scope, query.region)) {
      throw new Problem(403, 'Di luar wilayah Anda', `region ${query.region} is outside ${scope}; you read the audit log of ${scope} and below`);
    }
    const within = query.region ?? (scope === NATIONAL ? undefined : scope);
    const entries = await listAudit(db, {
      limit: query.limit,
      ...(query.user === undefined ? {} : { userId: query.user }),
      ...(query.action === undefined ? {} : { action: query.action }),
      ...(query.target === undefined ? {} : { target: query.target }),
      ...(query.from === undefined ? {} : { from: query.from }),
      ...(query.to === undefined ? {} : { to: query.to }),
      ...(within === undefined ? {} : { within }),
      ...(query.before === undefined ? {} : { beforeId: query.before }),
    });
    const last = entries.at(-1);
    let next: string | null = null;
    if (entries.length === query.limit && last) {
      const url = new URL(c.req.url);
      url.searchParams.set('before', String(last.id));
      next = `${url.pathname}${url.search}`;
    }
    return c.json({ entries: entries.map((entry) => ({ ...entry, at: entry.at.toISOString() })), next });
  });
}
