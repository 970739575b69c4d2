import type postgres from 'postgres';
import type { Database } from './client.ts';
import type { UserRecord } from './users.ts';

/** Browser sessions and API tokens (table auth_session, migration 006), looked up by token hash. */
export type SessionKind = 'session' | 'api';

export interface SessionRecord {
  id: number;
  user_id: number;
  kind: SessionKind;
  name: string | null;
  created_at: Date;
  expires_at: Date;
  last_seen_at: Date;
  ip: string | null;
  user_agent: string | null;
}

const SESSION_COLUMNS = ['id', 'user_id', 'kind', 'name', 'created_at', 'expires_at', 'last_seen_at', 'ip', 'user_agent'];

export async function insertSession(
  sql: postgres.TransactionSql,
  session: { tokenSha256: string; userId: number; kind: SessionKind; name: string | null; now: Date; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<SessionRecord> {
  const [row] = await sql<SessionRecord[]>`
    INSERT INTO auth_session (token_sha256, user_id, kind, name, created_at, expires_at, last_seen_at, ip, user_agent)
    VALUES (${session.tokenSha256}, ${session.userId}, ${session.kind}, ${session.name}, ${session.now}, ${session.expiresAt},
            ${session.now}, ${session.ip}, ${session.userAgent})
    RETURNING ${sql(SESSION_COLUMNS)}`;
  if (!row) throw new Error('insert into auth_session returned nothing');
  return row;
}

/**
 * The live session or token with this hash, and its user: not revoked, not expired, not idle since
 * `idleSince` (null: no idle limit, as for API tokens), and the user not deleted.
 */
export async function findLiveSession(
  { sql }: Database,
  tokenSha256: string,
  kind: SessionKind,
  now: Date,
  idleSince: Date | null,
): Promise<{ session: SessionRecord; user: UserRecord } | undefined> {
  const [row] = await sql<(SessionRecord & UserColumns)[]>`
    SELECT s.id, s.user_id, s.kind, s.name, s.created_at, s.expires_at, s.last_seen_at, s.ip, s.user_agent,
           u.email AS u_email, u.name AS u_name, u.role AS u_role, u.region_kode AS u_region_kode, u.created_at AS u_created_at,
           u.updated_at AS u_updated_at, u.password_changed_at AS u_password_changed_at
    FROM auth_session s JOIN app_user u ON u.id = s.user_id
    WHERE s.token_sha256 = ${tokenSha256} AND s.kind = ${kind} AND s.revoked_at IS NULL
      AND s.expires_at > ${now} ${idleSince ? sql`AND s.last_seen_at > ${idleSince}` : sql``}
      AND u.deleted_at IS NULL`;
  if (!row) return undefined;
  const { u_email, u_name, u_role, u_region_kode, u_created_at, u_updated_at, u_password_changed_at, ...session } = row;
  const user: UserRecord = {
    id: session.user_id,
    email: u_email,
    name: u_name,
    role: u_role,
    region_kode: u_region_kode,
    created_at: u_created_at,
    updated_at: u_updated_at,
    password_changed_at: u_password_changed_at,
    deleted_at: null,
  };
  return { session, user };
}

interface UserColumns {
  u_email: string;
  u_name: string;
  u_role: UserRecord['role'];
  u_region_kode: string | null;
  u_created_at: Date;
  u_updated_at: Date;
  u_password_changed_at: Date;
}

/** Records that a session was used; callers do it at most once a minute, not on every request. */
export async function touchSession({ sql }: Database, id: number, now: Date): Promise<void> {
  await sql`UPDATE auth_session SET last_seen_at = ${now} WHERE id = ${id} AND last_seen_at < ${now}`;
}

export async function listSessions({ sql }: Database, userId: number, kind: SessionKind, now: Date): Promise<SessionRecord[]> {
  return sql<SessionRecord[]>`
    SELECT ${sql(SESSION_COLUMNS)} FROM auth_session
    WHERE user_id = ${userId} AND kind = ${kind} AND revoked_at IS NULL AND expires_at > ${now}
    ORDER BY id DESC`;
}

/** Revokes one of the user's sessions or tokens; false when it is not theirs or already gone. */
export async function revokeSession(sql: postgres.TransactionSql, id: number, userId: number, kind: SessionKind, now: Date): Promise<SessionRecord | undefined> {
  const [row] = await sql<SessionRecord[]>`
    UPDATE auth_session SET revoked_at = ${now}
    WHERE id = ${id} AND user_id = ${userId} AND kind = ${kind} AND revoked_at IS NULL AND expires_at > ${now}
    RETURNING ${sql(SESSION_COLUMNS)}`;
  return row;
}

/** Revokes the user's sessions (and, with `kinds`, tokens), except one; returns how many. */
export async function revokeUserSessions(
  sql: postgres.TransactionSql,
  userId: number,
  now: Date,
  options: { kinds: SessionKind[]; exceptId?: number },
): Promise<number> {
  const rows = await sql`
    UPDATE auth_session SET revoked_at = ${now}
    WHERE user_id = ${userId} AND kind IN ${sql(options.kinds)} AND revoked_at IS NULL AND expires_at > ${now}
      ${options.exceptId === undefined ? sql`` : sql`AND id <> ${options.exceptId}`}
    RETURNING id`;
  return rows.length;
}

/** Forgets sessions that ended more than a month ago, so the table stays small. */
export async function purgeOldSessions(sql: postgres.TransactionSql, now: Date): Promise<void> {
  const monthAgo = new Date(now.getTime() - 30 * 24 * 3600 * 1000);
  await sql`DELETE FROM auth_session WHERE expires_at < ${monthAgo} OR revoked_at < ${monthAgo}`;
}
