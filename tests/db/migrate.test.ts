import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client.ts';
import { migrate } from '../../server/db/migrate.ts';
import { DATABASE_KINDS, freshDatabase } from '../support/databases.ts';

describe.each(DATABASE_KINDS)('migrations on %s', (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDatabase(kind);
  });
  afterAll(() => db?.close());

  it('creates the schema once and is a no-op the second time', async () => {
    expect(await migrate(db)).toEqual([]);
    const tables = await db.sql<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['indicator', 'observation', 'region', 'schema_migration']));
  });

  it('reports its kind', () => {
    expect(db.kind).toBe(kind);
  });
});
