import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { readCatalogue } from '../../server/catalogue.ts';
import { startEmbedded } from '../../server/db/client.ts';
import { ensureDemoData } from '../../server/db/demo.ts';
import { migrate } from '../../server/db/migrate.ts';
import { loadShippedData } from '../../server/db/shipped-data.ts';

/**
 * Loads the shipped data (and the demonstration data) into an embedded database once per test run;
 * each test file then opens a copy of it (tests/support/app.ts) instead of spending half a minute
 * loading 91,600 regions itself.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    shippedPgliteDir: string;
  }
}

export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'peta-shipped-'));
  const dataDir = join(root, 'pglite');
  const db = await startEmbedded(dataDir);
  await migrate(db);
  await loadShippedData(db, { geodataDir: 'geodata', dataDir: 'data' });
  await ensureDemoData(db, readCatalogue('data'));
  await db.close();
  project.provide('shippedPgliteDir', dataDir);
  return () => rmSync(root, { recursive: true, force: true });
}
