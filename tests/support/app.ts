import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createApp } from '../../server/app.ts';
import { startEmbedded, type Database } from '../../server/db/client.ts';
import { readCatalogue } from '../../server/catalogue.ts';
import { openTileStore } from '../../server/tiles/tile-store.ts';
import { loadRegionTree } from '../../server/values/region-tree.ts';
import { readSuccessions } from '../../server/values/succession.ts';

/**
 * The real application on an embedded database of its own, a copy of the one loaded with the
 * shipped and demonstration data by tests/support/shipped-database-setup.ts.
 */
export async function shippedApp(options: { importToken?: string } = {}): Promise<{ app: ReturnType<typeof createApp>; db: Database }> {
  const root = mkdtempSync(join(tmpdir(), 'peta-app-'));
  cpSync(inject('shippedPgliteDir'), join(root, 'pglite'), { recursive: true });
  const embedded = await startEmbedded(join(root, 'pglite'));
  const db: Database = {
    ...embedded,
    async close() {
      await embedded.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
  const regionTree = await loadRegionTree(db);
  return { app: createApp({ db, tiles: openTileStore('geodata'), regionTree, successions: readSuccessions('data'), catalogue: readCatalogue('data'), ...options }), db };
}
