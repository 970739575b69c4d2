import { startEmbedded, type Database } from '../../server/db/client.ts';
import { migrate } from '../../server/db/migrate.ts';
import { loadShippedData } from '../../server/db/shipped-data.ts';
import { createApp } from '../../server/app.ts';
import { openTileStore } from '../../server/tiles/tile-store.ts';
import { readCatalogue } from '../../server/catalogue.ts';
import { ensureDemoData } from '../../server/db/demo.ts';
import { loadRegionTree } from '../../server/values/region-tree.ts';
import { readSuccessions } from '../../server/values/succession.ts';

/** The real application on an in-memory embedded database loaded with the shipped data. */
export async function shippedApp(): Promise<{ app: ReturnType<typeof createApp>; db: Database }> {
  const db = await startEmbedded('memory://');
  await migrate(db);
  await loadShippedData(db, { geodataDir: 'geodata', dataDir: 'data' });
  await ensureDemoData(db, readCatalogue('data'));
  const regionTree = await loadRegionTree(db);
  return { app: createApp({ db, tiles: openTileStore('geodata'), regionTree, successions: readSuccessions('data') }), db };
}
