import { createApp } from './app.ts';
import { closeGracefully, createHttpServer } from './http-server.ts';
import { readConfig } from './config.ts';
import { isDatabaseUnavailable, openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { loadShippedData } from './db/shipped-data.ts';
import { openTileStore } from './tiles/tile-store.ts';
import { geometryFromGeodata } from './ogc/geometry-store.ts';
import { neighboursFromGeodata } from './analysis/neighbours.ts';
import { readCatalogue } from './catalogue.ts';
import { ensureDemoData } from './db/demo.ts';
import { loadRegionTree } from './values/region-tree.ts';
import { readSuccessions } from './values/succession.ts';
import { LIMITS } from './security/limits.ts';
import { setTimeout as sleep } from 'node:timers/promises';

/** Starts the server: database, migrations, shipped data, tiles, then HTTP. */
/** Advisory lock taken while one instance migrates and loads the shipped data (arbitrary number). */
const STARTUP_LOCK = 74_012_025;
const config = readConfig();
const started = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${line}`);

const db = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
log(db.kind === 'pglite' ? `database: embedded PGlite in ${config.PGLITE_DIR}` : 'database: PostgreSQL (DATABASE_URL)');
const catalogue = readCatalogue(config.DATA_DIR);
await whenDatabaseAnswers(() =>
  oneInstanceAtATime(async () => {
    const applied = await migrate(db);
    if (applied.length > 0) log(`migrations applied: ${applied.join(', ')}`);
    const shipped = await loadShippedData(db, { geodataDir: config.GEODATA_DIR, dataDir: config.DATA_DIR }, log);
    log(shipped.changed ? 'shipped data loaded' : 'shipped data already up to date');
    const demo = await ensureDemoData(db, catalogue, log);
    log(demo.changed ? 'demonstration data generated' : 'demonstration data already up to date');
  }),
);
const regionTree = await loadRegionTree(db);
const tiles = openTileStore(config.GEODATA_DIR);
log(`tiles: ${[...tiles.keys()].join(', ') || 'none'}`);

const neighbours = neighboursFromGeodata(config.GEODATA_DIR);
const app = createApp({
  db,
  tiles,
  // read on the first /ogc request, not here
  geometry: geometryFromGeodata(config.GEODATA_DIR),
  neighbours,
  regionTree,
  catalogue,
  successions: readSuccessions(config.DATA_DIR),
  auth: { cookieSecure: config.COOKIE_SECURE, trustProxy: config.TRUST_PROXY, publicOrigin: config.PUBLIC_ORIGIN },
  webRoot: config.WEB_ROOT,
});
const server = createHttpServer(app, tiles);
server.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  // Test harnesses wait for exactly this line.
  console.log(`listening on http://${config.HOST}:${port}`);
  // The kecamatan neighbours (for /api/clusters) take a few seconds to derive from the boundaries:
  // derived once, soon after start, so that the first cluster map does not wait for them.
  setTimeout(() => {
    neighbours.load('kecamatan').then(
      () => log('kecamatan neighbours ready'),
      (error: unknown) => log(`kecamatan neighbours not derived: ${error instanceof Error ? error.message : String(error)}`),
    );
  }, 5_000).unref();
});

/**
 * PostgreSQL may still be starting (a machine or a set of containers coming up together): the first
 * query is retried for up to a minute. Later outages need nothing: postgres.js reconnects by itself.
 */
async function whenDatabaseAnswers<T>(first: () => Promise<T>, patienceMs = 60_000): Promise<T> {
  const giveUpAt = Date.now() + patienceMs;
  for (;;) {
    try {
      return await first();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() > giveUpAt) throw error;
      log(`database not reachable yet (${error instanceof Error ? error.message : String(error)}); retrying in 2 s`);
      await sleep(2_000);
    }
  }
}

/**
 * Several instances on one PostgreSQL may start at once (a deploy): a session advisory lock lets one
 * at a time migrate and load the shipped data; the next finds it done. The embedded database has a
 * single process by construction (and one connection, which the lock would hold).
 */
async function oneInstanceAtATime(work: () => Promise<void>): Promise<void> {
  if (db.kind !== 'postgresql') return work();
  const holder = await db.sql.reserve();
  try {
    await holder`SELECT pg_advisory_lock(${STARTUP_LOCK})`;
    await work();
  } finally {
    await holder`SELECT pg_advisory_unlock(${STARTUP_LOCK})`.catch(() => {});
    holder.release();
  }
}

/**
 * Graceful shutdown (SIGTERM from an orchestrator, Ctrl-C): stop accepting connections, let the
 * requests in flight finish (cut after LIMITS.shutdownMs), then close the database; the embedded one
 * can be damaged if the process just dies. A second signal cuts the requests still running.
 */
let stopping = false;
async function shutdown(reason: string, exitCode = 0) {
  if (stopping) {
    log(`${reason} again: cutting the requests still in flight`);
    server.closeAllConnections();
    return;
  }
  stopping = true;
  log(`${reason}: shutting down, finishing the requests in flight (at most ${LIMITS.shutdownMs / 1000} s)`);
  const { forced } = await closeGracefully(server, LIMITS.shutdownMs);
  if (forced) log('requests still running at the deadline were cut');
  await db.close();
  log('database closed');
  process.exit(exitCode);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
server.once('error', (error: NodeJS.ErrnoException) => {
  const reason = error.code === 'EADDRINUSE' ? `port ${config.PORT} on ${config.HOST} is in use (set PORT to another port)` : String(error);
  void shutdown(`cannot listen: ${reason}`, 1);
});
