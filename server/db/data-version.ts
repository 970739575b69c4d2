import type postgres from 'postgres';
import type { Database } from './client.ts';

/** The current data version and when the data last changed (see migration 005). */
export async function readDataVersion({ sql }: Database): Promise<{ version: number; changedAt: Date }> {
  const [row] = await sql<{ version: number; changed_at: Date }[]>`SELECT version, changed_at FROM data_version`;
  return { version: row?.version ?? 0, changedAt: row?.changed_at ?? new Date(0) };
}

/** Bumps the version inside the writing transaction, so readers see the new version with the new data. */
export async function bumpDataVersion(sql: postgres.TransactionSql | postgres.Sql): Promise<void> {
  await sql`UPDATE data_version SET version = version + 1, changed_at = now()`;
}
