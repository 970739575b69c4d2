import type postgres from 'postgres';
import { recordAudit } from '../db/audit.ts';
import type { Database } from '../db/client.ts';
import { clearFailures } from '../db/login-throttle.ts';
import { revokeUserSessions } from '../db/sessions.ts';
import { findUser, findUserByEmail, insertUser, lockActiveAdmins, markUserDeleted, regionLevel, updateUser, type Role, type UserRecord } from '../db/users.ts';
import { badRequest, notFound, Problem } from '../problem.ts';
import type { Actor } from './guard.ts';
import type { AuthOptions } from './options.ts';
import { hashPassword } from './password.ts';
import { accountThrottleKey, normalizeEmail } from './sessions.ts';

/**
 * Managing accounts (admins only, checked by the routes): create, change, delete. Each change is
 * written with its audit entry in one transaction. Deleting keeps the row (the audit log and import
 * batches name it) but ends its sessions and tokens, and the address can be given to a new account.
 */
export interface UserView {
  id: number;
  email: string;
  name: string;
  role: Role;
  region: string | null;
  created_at: string;
  updated_at: string;
  password_changed_at: string;
  deleted_at: string | null;
}

export function userView(user: UserRecord): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    region: user.region_kode,
    created_at: user.created_at.toISOString(),
    updated_at: user.updated_at.toISOString(),
    password_changed_at: user.password_changed_at.toISOString(),
    deleted_at: user.deleted_at?.toISOString() ?? null,
  };
}

/** What the audit log keeps of an account: never the password hash. */
const snapshot = (user: UserRecord) => ({ email: user.email, name: user.name, role: user.role, region: user.region_kode, deleted: user.deleted_at !== null });

/** The level a role's region must have. */
const ROLE_LEVEL: Record<Exclude<Role, 'admin'>, string> = { provinsi: 'provinsi', kabkota: 'kabkota' };

async function checkRoleRegion(sql: postgres.TransactionSql, role: Role, region: string | null): Promise<void> {
  if (role === 'admin') {
    if (region !== null) throw badRequest('region: an admin works nationally; leave region out (or null) for role admin');
    return;
  }
  if (region === null) throw badRequest(`region: role ${role} needs the Kemendagri code of its ${ROLE_LEVEL[role]}, e.g. ${role === 'provinsi' ? '51' : '51.71'}`);
  const found = await regionLevel(sql, region);
  if (!found) throw badRequest(`region: ${region} is not a region in the Kemendagri code list`);
  if (found.level !== ROLE_LEVEL[role]) throw badRequest(`region: ${region} (${found.nama}) is a ${found.level}, but role ${role} needs a ${ROLE_LEVEL[role]}`);
}

const emailTaken = (email: string) => new Problem(409, 'Email sudah dipakai', `another account already uses ${email}`);
const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  region: string | null;
  password: string;
}

export interface UserPatch {
  email?: string;
  name?: string;
  role?: Role;
  region?: string | null;
  /** an admin resets the password: the user's sessions and tokens end */
  password?: string;
}

export function createAccounts(db: Database, options: Pick<AuthOptions, 'now'>) {
  async function create(actor: Actor, input: NewUser): Promise<UserRecord> {
    const now = options.now();
    const email = normalizeEmail(input.email);
    const passwordHash = await hashPassword(input.password);
    try {
      return await db.sql.begin(async (sql) => {
        await checkRoleRegion(sql, input.role, input.region);
        if (await findUserByEmail(sql, email)) throw emailTaken(email);
        const user = await insertUser(sql, { email, name: input.name, role: input.role, region_kode: input.region, password_hash: passwordHash }, now);
        await recordAudit(sql, { at: now, userId: actor.userId, actor: actor.name, action: 'user.create', target: `user:${user.id}`, scope: user.region_kode, before: null, after: snapshot(user), ip: actor.ip });
        return user;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken(email);
      throw error;
    }
  }

  async function update(actor: Actor, id: number, patch: UserPatch): Promise<UserRecord> {
    const now = options.now();
    const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
    try {
      return await db.sql.begin(async (sql) => {
        const admins = await lockActiveAdmins(sql);
        const before = await findUser(sql, id, { forUpdate: true });
        if (!before || before.deleted_at) throw notFound(`no user ${id}`);
        const role = patch.role ?? before.role;
        // A new role without a region means "no region" (admin) or is refused by the check below.
        const region = patch.region !== undefined ? patch.region : patch.role !== undefined && patch.role !== before.role ? null : before.region_kode;
        await checkRoleRegion(sql, role, region);
        if (before.role === 'admin' && role !== 'admin' && admins.length <= 1) {
          throw new Problem(409, 'Admin terakhir', 'this is the only admin left; make another admin first');
        }
        const email = patch.email === undefined ? undefined : normalizeEmail(patch.email);
        if (email !== undefined && email !== before.email && (await findUserByEmail(sql, email))) throw emailTaken(email);
        const after = await updateUser(
          sql,
          id,
          {
            role,
            region_kode: region,
            ...(patch.name === undefined ? {} : { name: patch.name }),
            ...(email === undefined ? {} : { email }),
            ...(passwordHash === undefined ? {} : { password_hash: passwordHash }),
          },
          now,
        );
        const revoked = passwordHash === undefined ? 0 : await revokeUserSessions(sql, id, now, { kinds: ['session', 'api'] });
        // A reset is how an admin lets a locked-out user back in at once.
        if (passwordHash !== undefined) await clearFailures(sql, accountThrottleKey(after.email));
        await recordAudit(sql, {
          at: now,
          userId: actor.userId,
          actor: actor.name,
          action: 'user.update',
          target: `user:${id}`,
          scope: after.region_kode ?? before.region_kode,
          before: snapshot(before),
          after: { ...snapshot(after), ...(passwordHash === undefined ? {} : { password_reset: true, sessions_revoked: revoked }) },
          ip: actor.ip,
        });
        return after;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken(patch.email ?? '');
      throw error;
    }
  }

  async function remove(actor: Actor, id: number): Promise<UserRecord> {
    const now = options.now();
    return db.sql.begin(async (sql) => {
      const admins = await lockActiveAdmins(sql);
      const before = await findUser(sql, id, { forUpdate: true });
      if (!before || before.deleted_at) throw notFound(`no user ${id}`);
      if (id === actor.userId) throw new Problem(409, 'Tidak dapat menghapus diri sendiri', 'ask another admin to delete your account');
      if (before.role === 'admin' && admins.length <= 1) throw new Problem(409, 'Admin terakhir', 'this is the only admin left; make another admin first');
      const after = await markUserDeleted(sql, id, now);
      const revoked = await revokeUserSessions(sql, id, now, { kinds: ['session', 'api'] });
      await recordAudit(sql, {
        at: now,
        userId: actor.userId,
        actor: actor.name,
        action: 'user.delete',
        target: `user:${id}`,
        scope: before.region_kode,
        before: snapshot(before),
        after: { ...snapshot(after), sessions_revoked: revoked },
        ip: actor.ip,
      });
      return after;
    });
  }

  return { create, update, remove };
}

export type Accounts = ReturnType<typeof createAccounts>;
