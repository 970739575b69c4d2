/**
 * Tile serving budgets (issue 5): our server's throughput at 64 connections at least that of
 * tileserver-gl-light and within 3× of nginx serving the same bytes as static files; latency p95 per
 * level, cold (first request of each tile after start) and warm. One run measures all side by side.
 *
 * Usage: npx tsx bench/tiles.ts         (about 6 minutes; BENCH_SECONDS=12 sets the length of a run)
 * Output: progress lines, bench/results/tiles.json and bench/results/tiles.md.
 *
 * Needs, besides the project's own dependencies:
 *   apt-get install -y nginx wrk sqlite3
 *   tileserver-gl-light, installed outside the project (its sqlite3 and express are no project concern):
 *     see TILESERVER_HELP in bench/tiles/peers.ts (default ~/.cache/peta-bench/tileserver)
 *
 * Servers: ours is `node --max-semi-space-size=32 --import tsx server/main.ts` (as `npm start` runs it)
 * on a temporary embedded database (its first start takes ~35 s); tileserver-gl-light reads MBTiles
 * written here from our archives; nginx serves a
 * {level}/{z}/{x}/{y}.mvt folder of the same gzip bytes. Two diagnostics serve the same archives:
 * our tile fast path alone in a bare node:http process (Node's floor, and the cost of the rest of our
 * process) and only our Hono tile route (the app without the rest).
 * Everything listens on 127.0.0.1, runs bounded in time, and is stopped (temp folder removed) at the end.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { PmtilesArchive } from '../server/tiles/pmtiles-archive.ts';
import { keepAliveAgent, median, percentile, sequentialPass } from './tiles/measure.ts';
import { runWrk, writeWrkFiles, type WrkRun } from './wrk.ts';
import { startNginx, startNodeDiagnostic, startOurs, startTileserver, TILESERVER_DIR, writeMbtiles, writeTileFolder, type Peer } from './tiles/peers.ts';
import { stopAll } from './tiles/processes.ts';
import { markdown, type LevelLatency, type ServerResult, type TilesResult } from './tiles/report.ts';
import { BENCH_LEVELS, LEVEL_ZOOMS, sampleTiles, type BenchLevel, type Tile } from './tiles/sample.ts';

/** Every knob of the run, in one place. */
const SETUP = {
  seed: 5,
  perZoom: 40,
  connections: 64,
  secondsPerRun: Number(process.env.BENCH_SECONDS ?? 12),
  warmupSeconds: 3,
  runs: 3,
  warmPasses: 5,
};

const began = performance.now();
const progress = (line: string) => console.log(`[${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}`);

const tmp = mkdtempSync(join(tmpdir(), 'peta-tiles-bench-'));
let cleaned = false;
async function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  await stopAll();
  rmSync(tmp, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`${signal}: stopping servers and removing ${tmp}`);
    void cleanUp().finally(() => process.exit(130));
  });
}

function requireTool(command: string, args: string[], install: string) {
  if (spawnSync(command, args).error) throw new Error(`${command} is missing; install it with: ${install}`);
}

function latencyByLevel(tiles: Tile[], cold: number[], warm: number[][]): Partial<Record<BenchLevel, LevelLatency>> {
  const out: Partial<Record<BenchLevel, LevelLatency>> = {};
  for (const level of BENCH_LEVELS) {
    const index = tiles.flatMap((tile, i) => (tile.level === level ? [i] : []));
    const coldTimes = index.map((i) => cold[i] ?? Number.NaN);
    const warmTimes = warm.flatMap((pass) => index.map((i) => pass[i] ?? Number.NaN));
    out[level] = {
      tiles: index.length,
      meanKB: index.reduce((sum, i) => sum + (tiles[i]?.data.length ?? 0), 0) / index.length / 1024,
      coldP95Ms: percentile(coldTimes, 95),
      coldMaxMs: Math.max(...coldTimes),
      warmMedianMs: median(warmTimes),
      warmP95Ms: percentile(warmTimes, 95),
    };
  }
  return out;
}

function version(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`.split('\n')[0]?.trim() ?? '?';
}

try {
  requireTool('wrk', ['-v'], 'apt-get install -y wrk');
  requireTool('sqlite3', ['-version'], 'apt-get install -y sqlite3');

  const archives = new Map<BenchLevel, PmtilesArchive>(BENCH_LEVELS.map((level) => [level, PmtilesArchive.open(`geodata/tiles/${level}.pmtiles`)]));
  const tiles = sampleTiles(archives, SETUP);
  const perLevel = BENCH_LEVELS.map((level) => `${level} ${tiles.filter((tile) => tile.level === level).length}`).join(', ');
  progress(`${tiles.length} tiles chosen (seed ${SETUP.seed}, up to ${SETUP.perZoom} per level and zoom): ${perLevel}`);

  progress('starting our server on a fresh embedded database (first start ~35 s) ...');
  const ourStart = startOurs(join(tmp, 'pglite'));
  ourStart.catch(() => undefined); // awaited below; keeps an early failure from being unhandled

  progress('writing the static tile folder and the MBTiles for the peers ...');
  const folder = join(tmp, 'static');
  const counts = writeTileFolder(folder, archives);
  progress(`  ${[...counts].map(([level, n]) => `${level} ${n}`).join(', ')} tiles written`);
  writeMbtiles(folder, join(tmp, 'mbtiles'), archives);
  progress('  MBTiles written');

  const ours = await ourStart;
  progress(`ours listening at ${ours.origin}`);
  const peers: Array<{ peer: Peer; role: ServerResult['role'] }> = [{ peer: ours, role: 'ours' }];
  peers.push({ peer: await startTileserver(join(tmp, 'mbtiles'), BENCH_LEVELS), role: 'peer' });
  const probe: Tile = { level: 'provinsi', z: 0, x: 0, y: 0, data: new Uint8Array() };
  peers.push({ peer: await startNginx(folder, join(tmp, 'nginx'), probe), role: 'peer' });
  peers.push({ peer: await startNodeDiagnostic('bare'), role: 'diagnostic' });
  peers.push({ peer: await startNodeDiagnostic('hono'), role: 'diagnostic' });
  progress(`all servers up: ${peers.map(({ peer }) => `${peer.name} ${peer.origin}`).join(', ')}`);

  const latency = new Map<string, Partial<Record<BenchLevel, LevelLatency>>>();
  for (const { peer } of peers) {
    const agent = keepAliveAgent();
    const cold = await sequentialPass(peer.origin, tiles, peer.path, agent);
    const warm: number[][] = [];
    for (let pass = 0; pass < SETUP.warmPasses; pass++) warm.push(await sequentialPass(peer.origin, tiles, peer.path, agent));
    agent.destroy();
    const byLevel = latencyByLevel(tiles, cold, warm);
    latency.set(peer.name, byLevel);
    progress(
      `latency ${peer.name}: ${BENCH_LEVELS.map((level) => `${level} cold p95 ${byLevel[level]?.coldP95Ms.toFixed(2)} / warm p95 ${byLevel[level]?.warmP95Ms.toFixed(2)} ms`).join('; ')}`,
    );
  }

  const files = new Map(peers.map(({ peer }) => [peer.name, writeWrkFiles(tmp, peer.name, tiles.map(peer.path))]));
  const wrkFiles = (peer: Peer) => {
    const found = files.get(peer.name);
    if (!found) throw new Error(`no URL list for ${peer.name}`);
    return found;
  };
  for (const { peer } of peers) {
    progress(`warm-up ${SETUP.warmupSeconds} s: ${peer.name}`);
    await runWrk(peer.origin, wrkFiles(peer), SETUP.warmupSeconds, SETUP.connections);
  }
  // Interleaved (A B C, A B C, ...) so a slow phase of the shared machine hits every server alike.
  const runs = new Map<string, WrkRun[]>(peers.map(({ peer }) => [peer.name, []]));
  for (let round = 1; round <= SETUP.runs; round++) {
    for (const { peer } of peers) {
      const run = await runWrk(peer.origin, wrkFiles(peer), SETUP.secondsPerRun, SETUP.connections);
      runs.get(peer.name)?.push(run);
      progress(`run ${round}/${SETUP.runs} ${peer.name}: ${Math.round(run.requestsPerSecond)} req/s, ${run.megabytesPerSecond.toFixed(0)} MB/s, p99 ${run.latencyP99Ms.toFixed(1)} ms, ${run.errors} errors`);
    }
  }

  const servers: ServerResult[] = peers.map(({ peer, role }) => {
    const list = runs.get(peer.name) ?? [];
    return { name: peer.name, role, runs: list, medianRequestsPerSecond: median(list.map((run) => run.requestsPerSecond)), latency: latency.get(peer.name) ?? {} };
  });
  const rps = (name: string) => servers.find((server) => server.name === name)?.medianRequestsPerSecond ?? Number.NaN;
  const tileserverVersion = JSON.parse(readFileSync(join(TILESERVER_DIR, 'node_modules', 'tileserver-gl-light', 'package.json'), 'utf8')).version;
  const result: TilesResult = {
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    versions: {
      nginx: version('nginx', ['-v']).replace(/^nginx version: /, ''),
      wrk: version('wrk', ['-v']).split(' ')[1] ?? '?',
      'tileserver-gl-light': String(tileserverVersion),
      sqlite3: version('sqlite3', ['-version']).split(' ')[0] ?? '?',
    },
    setup: {
      connections: SETUP.connections,
      secondsPerRun: SETUP.secondsPerRun,
      runs: SETUP.runs,
      warmPasses: SETUP.warmPasses,
      seed: SETUP.seed,
      tiles: tiles.length,
      zooms: BENCH_LEVELS.map((level) => `${level} z${LEVEL_ZOOMS[level][0]}-${LEVEL_ZOOMS[level].at(-1)}`).join(', '),
    },
    servers,
    ratios: {
      oursOverTileserver: rps('ours') / rps('tileserver-gl-light'),
      nginxOverOurs: rps('nginx') / rps('ours'),
      bareOverOurs: rps('bare node:http, fast path only') / rps('ours'),
      honoRouteOverOurs: rps('Hono tile route only') / rps('ours'),
    },
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/tiles.json', `${JSON.stringify(result, null, 2)}\n`);
  const md = markdown(result);
  writeFileSync('bench/results/tiles.md', md);
  console.log(`\n${md}`);
  progress('written bench/results/tiles.json and bench/results/tiles.md');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
