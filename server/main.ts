import { createApp } from './app.ts';
import { createHttpServer } from './http-server.ts';
import { readConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { loadShippedData } from './db/shipped-data.ts';
import { openTileStore } from './tiles/tile-store.ts';
import { readCatalogue } from './catalogue.ts';
import { ensureDemoData } from './db/demo.ts';
import { loadRegionTree } from './values/region-tree.ts';
import { readSuccessions } from './values/succession.ts';

/** Starts the server: database, migrations, shipped data, tiles, then HTTP. */
const config = readConfig();
const started = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${line}`);

const db = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
log(db.kind === 'pglite' ? `database: embedded PGlite in ${config.PGLITE_DIR}` : 'database: PostgreSQL (DATABASE_URL)');
const applied = await migrate(db);
if (applied.length > 0) log(`migrations applied: ${applied.join(', ')}`);
const shipped = await loadShippedData(db, { geodataDir: config.GEODATA_DIR, dataDir: config.DATA_DIR }, log);
log(shipped.changed ? 'shipped data loaded' : 'shipped data already up to date');
const catalogue = readCatalogue(config.DATA_DIR);
const demo = await ensureDemoData(db, catalogue, log);
log(demo.changed ? 'demonstration data generated' : 'demonstration data already up to date');
const regionTree = await loadRegionTree(db);
const tiles = openTileStore(config.GEODATA_DIR);
log(`tiles: ${[...tiles.keys()].join(', ') || 'none'}`);

const app = createApp({
  db,
  tiles,
  regionTree,
  catalogue,
  successions: readSuccessions(config.DATA_DIR),
  importToken: config.IMPORT_TOKEN,
  webRoot: config.WEB_ROOT,
});
const server = createHttpServer(app, tiles);
server.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  // Test harnesses wait for exactly this line.
  console.log(`listening on http://${config.HOST}:${port}`);
});

// Close the database on every way out: the embedded one can be damaged if the process just dies.
async function shutdown(reason: string, exitCode = 0) {
  log(`${reason}: shutting down`);
  server.close();
  await db.close();
  process.exit(exitCode);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
server.once('error', (error: NodeJS.ErrnoException) => {
  const reason = error.code === 'EADDRINUSE' ? `port ${config.PORT} on ${config.HOST} is in use (set PORT to another port)` : String(error);
  void shutdown(`cannot listen: ${reason}`, 1);
});
