import { Hono } from 'hono';
import { z } from 'zod';
import { userView, type Accounts } from '../auth/accounts.ts';
import { actorOf, type AuthEnv, type Guard } from '../auth/guard.ts';
import { NEW_PASSWORD } from '../auth/password.ts';
import { noStore } from '../auth/request.ts';
import type { Database } from '../db/client.ts';
import { findUser, listUsers, ROLES } from '../db/users.ts';
import { notFound } from '../problem.ts';
import { KEMENDAGRI_CODE_PATTERN } from '../region-code.ts';
import { plainText, ROW_ID, validate } from '../validate.ts';

/**
 * Accounts, managed by national admins: list, read, create, change (name, email, role and region,
 * or a new password, which ends the user's sessions and tokens), delete. Every change is audited.
 */
export interface UserRouteOptions {
  db: Database;
  guard: Guard;
  accounts: Accounts;
}

const EMAIL = z.string().trim().max(320).pipe(z.email('email: an email address, e.g. operator@kab.go.id'));
const NAME = plainText(200).pipe(z.string().min(1, 'name: the person\'s name'));
const REGION = z.string().regex(KEMENDAGRI_CODE_PATTERN, 'region: the dotted Kemendagri code of a provinsi (51) or kab/kota (51.71)').nullable();

export const USER_BODY = z.object({
  email: EMAIL,
  name: NAME,
  role: z.enum(ROLES),
  /** a provinsi for role provinsi, a kab/kota for role kabkota; none for admin */
  region: REGION.optional(),
  password: NEW_PASSWORD,
});

export const USER_PATCH = z
  .strictObject({ email: EMAIL.optional(), name: NAME.optional(), role: z.enum(ROLES).optional(), region: REGION.optional(), password: NEW_PASSWORD.optional() })
  .refine((patch) => Object.keys(patch).length > 0, 'send at least one of email, name, role, region, password');

export const USER_PARAM = z.object({ id: ROW_ID });
export const USERS_QUERY = z.object({
  include_deleted: z.enum(['0', '1', 'true', 'false']).optional().transform((flag) => flag === '1' || flag === 'true'),
});

export function userRoutes({ db, guard, accounts }: UserRouteOptions) {
  return new Hono<AuthEnv>()
    .use('*', noStore())
    .use('*', guard.required({ roles: ['admin'] }))
    .get('/', validate('query', USERS_QUERY), async (c) => {
      const users = await listUsers(db, { includeDeleted: c.req.valid('query').include_deleted });
      return c.json({ users: users.map(userView) });
    })
    .get('/:id', validate('param', USER_PARAM), async (c) => {
      const { id } = c.req.valid('param');
      const user = await findUser(db.sql, id);
      if (!user) throw notFound(`no user ${id}`);
      const { password_hash: _hash, ...record } = user;
      return c.json(userView(record));
    })
    .post('/', validate('json', USER_BODY), async (c) => {
      const body = c.req.valid('json');
      const user = await accounts.create(actorOf(c.var.caller), { ...body, region: body.region ?? null });
      return c.json(userView(user), 201);
    })
    .patch('/:id', validate('param', USER_PARAM), validate('json', USER_PATCH), async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const user = await accounts.update(actorOf(c.var.caller), id, {
        ...(body.email === undefined ? {} : { email: body.email }),
        ...(body.name === undefined ? {} : { name: body.name }),
        ...(body.role === undefined ? {} : { role: body.role }),
        ...(body.region === undefined ? {} : { region: body.region }),
        ...(body.password === undefined ? {} : { password: body.password }),
      });
      return c.json(userView(user));
    })
    .delete('/:id', validate('param', USER_PARAM), async (c) => {
      const { id } = c.req.valid('param');
      const user = await accounts.remove(actorOf(c.var.caller), id);
      return c.json(userView(user));
    });
}
