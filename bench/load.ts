/**
 * Load test (hardening): the two hot paths of the map under 100 concurrent keep-alive connections for
 * 60 s each, on loopback against the real server process on PostgreSQL:
 *   tiles   GET /tiles/{level}/{z}/{x}/{y}.mvt, the tile benchmark's seeded sample (bench/tiles/sample.ts)
 *   values  GET /api/values for 42 map views: every level, several indicators and parents
 * The goal is zero errors: no socket error, no answer slower than 5 s, no non-2xx answer. Req/s and
 * latency are recorded with the machine and its load average, which on a shared machine say as much
 * as the numbers.
 *
 * Usage: npx tsx bench/load.ts                 (about 3 minutes, plus a first server start)
 *        BENCH_SECONDS=60 BENCH_CONNECTIONS=100 set the run, BENCH_RUNS=values only one; DATABASE_URL=... uses that PostgreSQL
 *        (already loaded, or loaded on the first start) instead of a throw-away cluster.
 * Needs wrk (/usr/bin/wrk, Debian package wrk).
 * Output: progress lines and bench/results/load.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { PmtilesArchive } from '../server/tiles/pmtiles-archive.ts';
import { openTileStore } from '../server/tiles/tile-store.ts';
import { startAppServer, type AppServer } from '../tests/support/app-server.ts';
import { startPostgresCluster } from '../tests/support/postgres-cluster.ts';
import { BENCH_LEVELS, sampleTiles, type BenchLevel } from './tiles/sample.ts';
import { runWrk, writeWrkFiles, type WrkRun } from './wrk.ts';

const SETUP = {
  seconds: Number(process.env.BENCH_SECONDS ?? 60),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 100),
  /** the tile sample: up to this many tiles per level and zoom */
  tilesPerZoom: 60,
  seed: 20_241,
};

const began = performance.now();
const progress = (line: string) => console.log(`[${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const load = () => loadavg().map((value) => Number(value.toFixed(2)));

async function json<T>(server: AppServer, path: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The views a map asks values for: 4 levels x 12 (indicator, period, parent) combinations, 42 distinct. */
async function valuePaths(server: AppServer): Promise<string[]> {
  const children = async (kode: string) => (await json<{ children: { kode: string }[] }>(server, `/api/regions/${kode}/children`)).children.map((c) => c.kode);
  const provinces = (await children('ID')).filter((_, i) => i % 3 === 0).slice(0, 12);
  const kabkota = await Promise.all(provinces.map(async (p) => (await children(p))[0] ?? p));
  const kecamatan = await Promise.all(kabkota.map(async (k) => (await children(k))[0] ?? k));
  const views: string[] = [];
  const indicators = [
    ['prevalensi_stunting', '2022'],
    ['prevalensi_stunting', '2024'],
    ['IH-1', '2024'],
    ['IH-2', '2024'],
    ['BD-1', '2024'],
    ['RT-1', '2024'],
  ] as const;
  for (let i = 0; i < 12; i++) {
    const [indicator, period] = indicators[i % indicators.length] ?? indicators[0];
    views.push(`/api/values?indicator=${indicator}&period=${period}&level=provinsi`);
    views.push(`/api/values?indicator=${indicator}&period=${period}&level=kabkota&parent=${provinces[i]}`);
    const local = indicator === 'prevalensi_stunting' ? 'IH-1' : indicator;
    views.push(`/api/values?indicator=${local}&period=2024&level=kecamatan&parent=${kabkota[i]}`);
    views.push(`/api/values?indicator=${local}&period=2024&level=desa&parent=${kecamatan[i]}`);
  }
  // Every view answers 200 before the run, so an error during it is the load's doing.
  for (const path of views) await json(server, path);
  return [...new Set(views)];
}

interface Result extends WrkRun {
  name: string;
  urls: number;
  loadBefore: number[];
  loadAfter: number[];
}

async function main() {
  const ownCluster = process.env.DATABASE_URL ? undefined : await startPostgresCluster();
  const databaseUrl = process.env.DATABASE_URL ?? ownCluster?.url ?? '';
  const work = mkdtempSync(join(tmpdir(), 'peta-load-'));
  let server: AppServer | undefined;
  try {
    progress('starting the server on PostgreSQL (the first start loads the shipped data)');
    server = await startAppServer({ DATABASE_URL: databaseUrl }, 600_000);
    const pg = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    const [{ version } = { version: '?' }] = await pg<{ version: string }[]>`SELECT version()`;
    await pg.end();

    const store = openTileStore('geodata');
    const archives = new Map<BenchLevel, PmtilesArchive>();
    for (const level of BENCH_LEVELS) {
      const archive = store.get(level)?.archive;
      if (archive) archives.set(level, archive);
    }
    const tiles = sampleTiles(archives, { seed: SETUP.seed, perZoom: SETUP.tilesPerZoom }).map((t) => `/tiles/${t.level}/${t.z}/${t.x}/${t.y}.mvt`);
    const values = await valuePaths(server);

    const results: Result[] = [];
    const runs = (process.env.BENCH_RUNS ?? 'tiles,values').split(',');
    for (const [name, paths] of ([['tiles', tiles], ['values', values]] as const).filter(([name]) => runs.includes(name))) {
      const loadBefore = load();
      progress(`${name}: ${paths.length} URLs, ${SETUP.connections} connections, ${SETUP.seconds} s (load average ${loadBefore.join(', ')})`);
      const run = await runWrk(server.url, writeWrkFiles(work, name, paths), SETUP.seconds, SETUP.connections);
      results.push({ name, urls: paths.length, ...run, loadBefore, loadAfter: load() });
      const kinds = Object.entries(run.errorKinds).filter(([, n]) => n > 0).map(([kind, n]) => `${n} ${kind}`);
      progress(`${name}: ${Math.round(run.requestsPerSecond)} req/s, p50 ${run.latencyP50Ms.toFixed(1)} ms, p99 ${run.latencyP99Ms.toFixed(1)} ms, max ${run.latencyMaxMs.toFixed(0)} ms, ${run.errors} errors${kinds.length ? ` (${kinds.join(', ')})` : ''}`);
    }
    // The server must still be healthy afterwards, and must not have logged a fault.
    const health = await fetch(`${server.url}/healthz`);
    const faults = (server.output().match(/\[(error|unavailable|timeout)\]/g) ?? []).length;

    const report = {
      date: new Date().toISOString(),
      machine: { cpu: cpus()[0]?.model ?? '?', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, postgres: version.split(' on ')[0] },
      setup: { ...SETUP, client: 'wrk -t1, keep-alive, Accept-Encoding: gzip, --timeout 5s', server: 'server/main.ts on PostgreSQL, loopback' },
      results,
      healthAfter: health.status,
      serverFaultsLogged: faults,
    };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/load.json', `${JSON.stringify(report, null, 2)}\n`);
    progress(`health after: ${health.status}; faults logged by the server: ${faults}; written bench/results/load.json`);
  } finally {
    await server?.close();
    ownCluster?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
