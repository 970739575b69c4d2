import type postgres from 'postgres';
import type { Database } from './client.ts';

/** Accounts (migration 006). Writes take the transaction that also writes their audit entry. */
export const ROLES = ['admin', 'provinsi', 'kabkota'] as const;
export type Role = (typeof ROLES)[number];

export interface UserRecord {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** the region the user writes in (with everything below it); null for admins: the whole country */
  region_kode: string | null;
  created_at: Date;
  updated_at: Date;
  password_changed_at: Date;
  deleted_at: Date | null;
}

export interface UserWithHash extends UserRecord {
  password_hash: string;
}

type Sql = postgres.Sql | postgres.TransactionSql;

const USER_COLUMNS = ['id', 'email', 'name', 'role', 'region_kode', 'created_at', 'updated_at', 'password_changed_at', 'deleted_at'];

export async function findUserByEmail(sql: Sql, email: string): Promise<UserWithHash | undefined> {
  const [row] = await sql<UserWithHash[]>`SELECT * FROM app_user WHERE email = ${email} AND deleted_at IS NULL`;
  return row;
}

export async function findUser(sql: Sql, id: number, options: { forUpdate?: boolean } = {}): Promise<UserWithHash | undefined> {
  const [row] = await sql<UserWithHash[]>`SELECT * FROM app_user WHERE id = ${id} ${options.forUpdate ? sql`FOR UPDATE` : sql``}`;
  return row;
}

export async function listUsers({ sql }: Database, options: { includeDeleted: boolean }): Promise<UserRecord[]> {
  return sql<UserRecord[]>`
    SELECT ${sql(USER_COLUMNS)} FROM app_user
    ${options.includeDeleted ? sql`` : sql`WHERE deleted_at IS NULL`}
    ORDER BY id`;
}

export async function insertUser(
  sql: postgres.TransactionSql,
  user: { email: string; name: string; role: Role; region_kode: string | null; password_hash: string },
  now: Date,
): Promise<UserRecord> {
  const [row] = await sql<UserRecord[]>`
    INSERT INTO app_user (email, name, role, region_kode, password_hash, created_at, updated_at, password_changed_at)
    VALUES (${user.email}, ${user.name}, ${user.role}, ${user.region_kode}, ${user.password_hash}, ${now}, ${now}, ${now})
    RETURNING ${sql(USER_COLUMNS)}`;
  if (!row) throw new Error('insert into app_user returned nothing');
  return row;
}

export interface UserChanges {
  name?: string;
  email?: string;
  role?: Role;
  region_kode?: string | null;
  password_hash?: string;
}

export async function updateUser(sql: postgres.TransactionSql, id: number, changes: UserChanges, now: Date): Promise<UserRecord> {
  const passwordChanged = changes.password_hash !== undefined;
  const [row] = await sql<UserRecord[]>`
    UPDATE app_user SET
      name = coalesce(${changes.name ?? null}, name),
      email = coalesce(${changes.email ?? null}, email),
      role = coalesce(${changes.role ?? null}, role),
      region_kode = ${changes.role === undefined && changes.region_kode === undefined ? sql`region_kode` : sql`${changes.region_kode ?? null}`},
      password_hash = coalesce(${changes.password_hash ?? null}, password_hash),
      password_changed_at = ${passwordChanged ? sql`${now}` : sql`password_changed_at`},
      updated_at = ${now}
    WHERE id = ${id}
    RETURNING ${sql(USER_COLUMNS)}`;
  if (!row) throw new Error(`no user ${id} to update`);
  return row;
}

export async function markUserDeleted(sql: postgres.TransactionSql, id: number, now: Date): Promise<UserRecord> {
  const [row] = await sql<UserRecord[]>`
    UPDATE app_user SET deleted_at = ${now}, updated_at = ${now} WHERE id = ${id} RETURNING ${sql(USER_COLUMNS)}`;
  if (!row) throw new Error(`no user ${id} to delete`);
  return row;
}

/** The admins still active, locked for the rest of the transaction: the last one may not go. */
export async function lockActiveAdmins(sql: postgres.TransactionSql): Promise<number[]> {
  const rows = await sql<{ id: number }[]>`SELECT id FROM app_user WHERE role = 'admin' AND deleted_at IS NULL ORDER BY id FOR UPDATE`;
  return rows.map((row) => row.id);
}

/** The level of a region, to check that a province supervisor is given a province. */
export async function regionLevel(sql: Sql, kode: string): Promise<{ level: string; nama: string } | undefined> {
  const [row] = await sql<{ level: string; nama: string }[]>`SELECT level, nama FROM region WHERE kode = ${kode}`;
  return row;
}

/** Replaces the hash of the same password with a stronger one (at login): not a password change. */
export async function rehashPassword(sql: postgres.TransactionSql, id: number, passwordHash: string): Promise<void> {
  await sql`UPDATE app_user SET password_hash = ${passwordHash} WHERE id = ${id}`;
}
