import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createApp } from '../../server/app.ts';
import type { AuthSettings } from '../../server/auth/options.ts';
import { startEmbedded, type Database } from '../../server/db/client.ts';
import { readCatalogue } from '../../server/catalogue.ts';
import { openTileStore } from '../../server/tiles/tile-store.ts';
import { geometryFromGeodata } from '../../server/ogc/geometry-store.ts';
import { neighboursFromGeodata } from '../../server/analysis/neighbours.ts';
import { loadRegionTree } from '../../server/values/region-tree.ts';
import { readSuccessions } from '../../server/values/succession.ts';
import { createTestUser } from './accounts.ts';

/**
 * The real application on an embedded database of its own, a copy of the one loaded with the
 * shipped and demonstration data by tests/support/shipped-database-setup.ts.
 *
 * `adminToken`: an admin account (admin@peta.test) whose API token is this value, for tests that only
 * need to be allowed to write (`importToken` is its old name, from before accounts). `auth`: account
 * settings, e.g. an injected clock. `webRoot`: serve the built front end too (dist/web).
 */
export async function shippedApp(
  options: { auth?: AuthSettings; adminToken?: string; importToken?: string; webRoot?: string } = {},
): Promise<{ app: ReturnType<typeof createApp>; db: Database }> {
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
  const adminToken = options.adminToken ?? options.importToken;
  if (adminToken) await createTestUser(db, { email: 'admin@peta.test', role: 'admin', apiToken: adminToken });
  const app = createApp({
    db,
    tiles: openTileStore('geodata'),
    geometry: geometryFromGeodata('geodata'),
    neighbours: neighboursFromGeodata('geodata'),
    regionTree,
    successions: readSuccessions('data'),
    catalogue: readCatalogue('data'),
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
  });
  return { app, db };
}
