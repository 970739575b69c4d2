import type postgres from 'postgres';
import type { Database } from './client.ts';

/**
 * The audit log (migration 006): one row per write, recorded in the transaction of the write so that
 * a change without its entry, or an entry without its change, cannot exist.
 */
export interface AuditEntry {
  at: Date;
  userId: number | null;
  /** the user's email, or who ran a command-line tool */
  actor: string;
  /** e.g. import, import.rollback, indicator.target, user.create, auth.login, auth.lockout */
  action: string;
  /** what was changed: "batch:12", "indicator:IH-1", "user:3" */
  target: string | null;
  /** the region the entry concerns (null: national, or an unknown account) */
  scope: string | null;
  before: postgres.JSONValue | null;
  after: postgres.JSONValue | null;
  ip: string | null;
}

export interface AuditRecord {
  id: number;
  at: Date;
  user_id: number | null;
  actor: string;
  action: string;
  target: string | null;
  scope: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export async function recordAudit(sql: postgres.TransactionSql, entry: AuditEntry): Promise<void> {
  await sql`
    INSERT INTO audit_log (at, user_id, actor, action, target, scope, before, after, ip)
    VALUES (${entry.at}, ${entry.userId}, ${entry.actor}, ${entry.action}, ${entry.target}, ${entry.scope},
            ${entry.before === null ? null : sql.json(entry.before)}, ${entry.after === null ? null : sql.json(entry.after)}, ${entry.ip})`;
}

export interface AuditFilter {
  userId?: number;
  /** an action, or a prefix ending in "*" ("auth.*") */
  action?: string;
  target?: string;
  from?: Date;
  to?: Date;
  /** only entries about this region or below it (province supervisors) */
  within?: string;
  /** entries older than this id: the cursor of the next page */
  beforeId?: number;
  limit: number;
}

/** Newest first; keyset paging on id so that a page does not shift while entries are added. */
export async function listAudit({ sql }: Database, filter: AuditFilter): Promise<AuditRecord[]> {
  const action = filter.action;
  return sql<AuditRecord[]>`
    SELECT id, at, user_id, actor, action, target, scope, before, after, ip FROM audit_log
    WHERE true
      ${filter.userId === undefined ? sql`` : sql`AND user_id = ${filter.userId}`}
      ${action === undefined ? sql`` : action.endsWith('*') ? sql`AND starts_with(action, ${action.slice(0, -1)})` : sql`AND action = ${action}`}
      ${filter.target === undefined ? sql`` : sql`AND target = ${filter.target}`}
      ${filter.from === undefined ? sql`` : sql`AND at >= ${filter.from}`}
      ${filter.to === undefined ? sql`` : sql`AND at < ${filter.to}`}
      ${filter.within === undefined ? sql`` : sql`AND (scope = ${filter.within} OR starts_with(scope, ${`${filter.within}.`}))`}
      ${filter.beforeId === undefined ? sql`` : sql`AND id < ${filter.beforeId}`}
    ORDER BY id DESC
    LIMIT ${filter.limit}`;
}
