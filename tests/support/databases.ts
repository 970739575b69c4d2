import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { connectPostgres, startEmbedded, type Database, type DatabaseKind } from '../../server/db/client.ts';
import { migrate } from '../../server/db/migrate.ts';

/**
 * Fresh, migrated databases of both kinds for tests that must hold on the embedded default and on
 * PostgreSQL alike. Each call gives an empty database of its own.
 */
export const DATABASE_KINDS: DatabaseKind[] = ['pglite', 'postgresql'];

export async function freshDatabase(kind: DatabaseKind): Promise<Database> {
  const db = kind === 'pglite' ? await startEmbedded('memory://') : await freshPostgresDatabase();
  await migrate(db);
  return db;
}

async function freshPostgresDatabase(): Promise<Database> {
  const empty = await emptyPostgresDatabase();
  const db = await connectPostgres(empty.url);
  return {
    ...db,
    async close() {
      await db.close();
      await empty.drop();
    },
  };
}

/** A new, empty database on the tests' PostgreSQL server (not migrated): its URL, and how to drop it. */
export async function emptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = inject('postgresUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
