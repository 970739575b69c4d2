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
  const serverUrl = inject('postgresUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await connectPostgres(url.toString());
  return {
    ...db,
    async close() {
      await db.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
