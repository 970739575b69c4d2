import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './client.ts';

const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');

/** Applies, in file-name order and each in its own transaction, the migrations not yet applied. */
export async function migrate({ sql }: Database): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`;
  const applied = new Set((await sql<{ name: string }[]>`SELECT name FROM schema_migration`).map((row) => row.name));
  const pending = readdirSync(MIGRATIONS_DIR)
    .filter((name) => name.endsWith('.sql') && !applied.has(name))
    .sort();
  for (const name of pending) {
    const text = readFileSync(join(MIGRATIONS_DIR, name), 'utf8');
    await sql.begin(async (tx) => {
      // The one unparameterised statement in the server: migration files from this repository, never input.
      await tx.unsafe(text);
      await tx`INSERT INTO schema_migration (name) VALUES (${name})`;
    });
  }
  return pending;
}
