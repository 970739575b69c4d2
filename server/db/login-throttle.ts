import type postgres from 'postgres';
import type { Database } from './client.ts';

/**
 * Failed-login counters (table login_throttle, migration 006). Each key counts failures in a window
 * that starts at its first failure; reaching the limit locks the key. The counting is one atomic
 * upsert, so server instances sharing the database count together.
 */
export interface ThrottleRule {
  /** failures within the window that lock the key */
  limit: number;
  windowMs: number;
  lockMs: number;
}

/** The latest time until which any of the keys is locked, or null when none is. */
export async function lockedUntil({ sql }: Database, keys: string[], now: Date): Promise<Date | null> {
  const [row] = await sql<{ until: Date | null }[]>`
    SELECT max(locked_until) AS until FROM login_throttle WHERE key IN ${sql(keys)} AND locked_until > ${now}`;
  return row?.until ?? null;
}

/** Counts one failure; `locked` is set when this failure reached the limit. */
export async function recordFailure(
  sql: postgres.TransactionSql,
  key: string,
  rule: ThrottleRule,
  now: Date,
): Promise<{ failures: number; lockedUntil: Date | null; lockedNow: boolean }> {
  const lockEnd = new Date(now.getTime() + rule.lockMs);
  const windowCutoff = new Date(now.getTime() - rule.windowMs);
  // A window that is over, or a lock that has run out, starts counting afresh.
  const fresh = sql`(t.window_start <= ${windowCutoff} OR t.locked_until <= ${now})`;
  const [row] = await sql<{ failures: number; locked_until: Date | null }[]>`
    INSERT INTO login_throttle AS t (key, failures, window_start, locked_until)
    VALUES (${key}, 1, ${now}, ${rule.limit <= 1 ? lockEnd : null})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN ${fresh} THEN 1 ELSE t.failures + 1 END,
      window_start = CASE WHEN ${fresh} THEN ${now}::timestamptz ELSE t.window_start END,
      locked_until = CASE WHEN (CASE WHEN ${fresh} THEN 1 ELSE t.failures + 1 END) >= ${rule.limit} THEN ${lockEnd}::timestamptz ELSE NULL END
    RETURNING failures, locked_until`;
  const failures = row?.failures ?? 1;
  return { failures, lockedUntil: row?.locked_until ?? null, lockedNow: failures === rule.limit };
}

export async function clearFailures(sql: postgres.TransactionSql, key: string): Promise<void> {
  await sql`DELETE FROM login_throttle WHERE key = ${key}`;
}

/** Forgets counters whose window and lock are both long over. */
export async function purgeStaleCounters(sql: postgres.TransactionSql, now: Date, olderThanMs: number): Promise<void> {
  const cutoff = new Date(now.getTime() - olderThanMs);
  await sql`DELETE FROM login_throttle WHERE window_start < ${cutoff} AND (locked_until IS NULL OR locked_until < ${cutoff})`;
}
