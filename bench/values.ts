/**
 * Values budgets (public-API issue): GET /api/values for every level, on the first request after a
 * data change (cold: the response cache and everything keyed by the data version are invalid) and
 * repeated (warm), on the embedded PGlite and on PostgreSQL; plus the region profile of one desa.
 * Budget: < 200 ms for all 83,762 desa, cold.
 *
 * Two indicators for 2024: IH-1 with real values imported for every desa (83,762 rows with numerator
 * and denominator, rolled up to every level above: the heaviest case, the largest body) and
 * IH-2, demonstration data only (what most indicators are on a fresh install).
 *
 * Also the desa of a kabupaten and of a province (`parent` may be any ancestor of `level`), and the first joined tile (GET /tiles/desa/11/x/y.mvt?indicator=&period=) after a data change,
 * which resolves all desa first, and a second tile of the same level (values already resolved).
 *
 * Usage: npx tsx bench/values.ts [pglite|postgresql ...]   (default both; about 3 minutes)
 *        DATABASE_URL=... uses that server for the PostgreSQL part instead of a throw-away cluster.
 *        BENCH_COLD=7 BENCH_WARM=30 set the number of requests.
 * Output: progress lines, bench/results/values.json and bench/results/values.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../server/app.ts';
import { readCatalogue } from '../server/catalogue.ts';
import { connectPostgres, startEmbedded, type Database, type DatabaseKind } from '../server/db/client.ts';
import { bumpDataVersion } from '../server/db/data-version.ts';
import { ensureDemoData } from '../server/db/demo.ts';
import { applyImport, type StagedValue } from '../server/db/imports.ts';
import { migrate } from '../server/db/migrate.ts';
import { loadShippedData } from '../server/db/shipped-data.ts';
import { createRandom } from '../server/demo/random.ts';
import { openTileStore } from '../server/tiles/tile-store.ts';
import { rebuildRollups } from '../server/values/real-rollups.ts';
import { loadRegionTree } from '../server/values/region-tree.ts';
import { readSuccessions } from '../server/values/succession.ts';
import { startPostgresCluster } from '../tests/support/postgres-cluster.ts';

const SETUP = {
  cold: Number(process.env.BENCH_COLD ?? 7),
  warm: Number(process.env.BENCH_WARM ?? 30),
  period: '2024',
  real: 'IH-1',
  demo: 'IH-2',
  levels: ['provinsi', 'kabkota', 'kecamatan', 'desa'] as const,
  /** a desa for the region profile, and a kecamatan whose desa are asked for with `parent` */
  profileDesa: '51.71.01.1001',
  parentKecamatan: '51.71.01',
  /** any ancestor as parent: the desa of a kabupaten (Bogor) and of a province (Jawa Barat) */
  parentKabkota: '32.01',
  parentProvinsi: '32',
  /** two desa tiles at z11 over Denpasar: the first after a data change resolves all desa */
  joinedTiles: ['/tiles/desa/11/1679/1073.mvt', '/tiles/desa/11/1678/1073.mvt'],
};

const began = performance.now();
const progress = (line: string) => console.log(`[${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}`);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

interface CaseResult {
  name: string;
  path: string;
  entries: number;
  gzipKB: number;
  coldMs: number[];
  coldP50: number;
  coldP95: number;
  warmP50: number;
  warmP95: number;
  /** joined tiles: the next tile of the same level after the first (level values already resolved) */
  secondTileP50?: number;
}

interface DatabaseResult {
  kind: DatabaseKind;
  prepareSeconds: number;
  importSeconds: number;
  cases: CaseResult[];
}

async function prepare(db: Database) {
  await migrate(db);
  await loadShippedData(db, { geodataDir: 'geodata', dataDir: 'data' });
  const catalogue = readCatalogue('data');
  await ensureDemoData(db, catalogue);
  const tree = await loadRegionTree(db);
  return { catalogue, tree };
}

/** Real values of one indicator for every desa, written as an import and rolled up like one. */
async function importRealDesa(db: Database, prepared: Awaited<ReturnType<typeof prepare>>) {
  const random = createRandom(11);
  const values: StagedValue[] = prepared.tree.desa.kodes.map((kode) => {
    const denominator = 10 + Math.floor(random.next() * 200);
    const numerator = Math.floor(denominator * random.next());
    return { kode, indicator: SETUP.real, period: SETUP.period, value: (100 * numerator) / denominator, numerator, denominator };
  });
  const summary = await applyImport(db, values, { createdBy: 'bench', filename: 'bench.csv', fileSha256: '-', format: 'long', source: 'Impor: bench.csv' }, { dryRun: false });
  await rebuildRollups(db, prepared.tree, prepared.catalogue, summary.touched);
}

async function measure(kind: DatabaseKind, db: Database): Promise<DatabaseResult> {
  let t = performance.now();
  progress(`${kind}: loading regions, catalogue and demonstration data ...`);
  const prepared = await prepare(db);
  const prepareSeconds = (performance.now() - t) / 1000;
  progress(`${kind}: prepared in ${prepareSeconds.toFixed(1)} s; importing ${SETUP.real} ${SETUP.period} for every desa ...`);
  t = performance.now();
  await importRealDesa(db, prepared);
  const importSeconds = (performance.now() - t) / 1000;
  progress(`${kind}: imported and rolled up in ${importSeconds.toFixed(1)} s`);

  const app = createApp({ db, tiles: openTileStore('geodata'), regionTree: prepared.tree, successions: readSuccessions('data'), catalogue: prepared.catalogue });
  const request = async (path: string) => {
    const started = performance.now();
    const response = await app.request(path, { headers: { 'accept-encoding': 'gzip' } });
    const body = new Uint8Array(await response.arrayBuffer());
    if (response.status !== 200) throw new Error(`${path}: status ${response.status}`);
    return { ms: performance.now() - started, bytes: body.byteLength, response };
  };
  const cases: Array<{ name: string; path: string }> = [];
  for (const indicator of [SETUP.real, SETUP.demo]) {
    for (const level of SETUP.levels) {
      cases.push({ name: `${indicator} ${level}${indicator === SETUP.real ? ' (real)' : ' (demo)'}`, path: `/api/values?indicator=${indicator}&period=${SETUP.period}&level=${level}` });
    }
    cases.push({ name: `${indicator} desa of one kecamatan`, path: `/api/values?indicator=${indicator}&period=${SETUP.period}&level=desa&parent=${SETUP.parentKecamatan}` });
    cases.push({ name: `${indicator} desa of one kabupaten (${SETUP.parentKabkota})`, path: `/api/values?indicator=${indicator}&period=${SETUP.period}&level=desa&parent=${SETUP.parentKabkota}` });
    cases.push({ name: `${indicator} desa of one province (${SETUP.parentProvinsi})`, path: `/api/values?indicator=${indicator}&period=${SETUP.period}&level=desa&parent=${SETUP.parentProvinsi}` });
  }
  cases.push({ name: 'region profile of one desa', path: `/api/regions/${SETUP.profileDesa}?period=${SETUP.period}` });
  for (const indicator of [SETUP.real, SETUP.demo]) {
    cases.push({ name: `${indicator} joined desa tile, first of the level`, path: `${SETUP.joinedTiles[0]}?indicator=${indicator}&period=${SETUP.period}` });
  }

  // One request of each first, so the cold numbers are not the JIT's first compile.
  for (const { path } of cases) await request(path);
  const results: CaseResult[] = [];
  for (const { name, path } of cases) {
    const coldMs: number[] = [];
    let bytes = 0;
    for (let i = 0; i < SETUP.cold; i++) {
      await bumpDataVersion(db.sql);
      const run = await request(path);
      coldMs.push(run.ms);
      bytes = run.bytes;
    }
    const warmMs: number[] = [];
    for (let i = 0; i < SETUP.warm; i++) warmMs.push((await request(path)).ms);
    // Joined tiles: a second tile of the level right after the first, so the level is resolved but
    // the tile is not cached.
    const secondMs: number[] = [];
    if (path.startsWith(SETUP.joinedTiles[0] ?? '-')) {
      for (let i = 0; i < SETUP.cold; i++) {
        await bumpDataVersion(db.sql);
        await request(path);
        secondMs.push((await request(path.replace(SETUP.joinedTiles[0] ?? '', SETUP.joinedTiles[1] ?? ''))).ms);
      }
    }
    const json = (path.startsWith('/tiles/') ? {} : await (await app.request(path)).json()) as { values?: Record<string, unknown>; indicators?: unknown[] };
    const result: CaseResult = {
      name,
      path,
      entries: Object.keys(json.values ?? {}).length || (json.indicators?.length ?? 0),
      gzipKB: bytes / 1024,
      coldMs: coldMs.map((ms) => Math.round(ms * 10) / 10),
      coldP50: percentile(coldMs, 50),
      coldP95: percentile(coldMs, 95),
      warmP50: percentile(warmMs, 50),
      warmP95: percentile(warmMs, 95),
      ...(secondMs.length > 0 ? { secondTileP50: percentile(secondMs, 50) } : {}),
    };
    results.push(result);
    const second = result.secondTileP50 === undefined ? '' : `; next tile of the level ${result.secondTileP50.toFixed(1)} ms`;
    progress(`${kind}: ${name}: cold p50 ${result.coldP50.toFixed(0)} ms, p95 ${result.coldP95.toFixed(0)} ms; warm p50 ${result.warmP50.toFixed(1)} ms (${result.entries} entries, ${result.gzipKB.toFixed(0)} KB gzip)${second}`);
  }
  return { kind, prepareSeconds, importSeconds, cases: results };
}

function markdown(result: { date: string; machine: string; load: string; databases: DatabaseResult[] }): string {
  const lines = [
    '# Values (public-API issue) — `npx tsx bench/values.ts`',
    '',
    `In process (\`app.request()\`, gzip accepted, body read), ${SETUP.period}. Cold: the data version bumped before each request ` +
      `(what an import does), so nothing keyed by it is reused; ${SETUP.cold} requests, after one request of every case to warm the JIT. ` +
      `Warm: ${SETUP.warm} repeats. ${SETUP.real} has real values imported for every desa (rolled up above); ${SETUP.demo} is demonstration data only.`,
    '',
  ];
  for (const database of result.databases) {
    lines.push(`## ${database.kind}`, '', '| request | entries | gzip | cold p50 | cold p95 | warm p50 | warm p95 |', '|---|---|---|---|---|---|---|');
    for (const c of database.cases) {
      const name = c.secondTileP50 === undefined ? c.name : `${c.name} (next tile of the level: ${c.secondTileP50.toFixed(1)} ms)`;
      lines.push(`| ${name} | ${c.entries.toLocaleString('en')} | ${c.gzipKB.toFixed(1)} KB | ${c.coldP50.toFixed(0)} ms | ${c.coldP95.toFixed(0)} ms | ${c.warmP50.toFixed(1)} ms | ${c.warmP95.toFixed(1)} ms |`);
    }
    lines.push('');
  }
  lines.push(`Machine: ${result.machine}; load average at the start ${result.load}; ${result.date}.`, '');
  return lines.join('\n');
}

const kinds = (process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['pglite', 'postgresql']).filter((kind): kind is DatabaseKind => kind === 'pglite' || kind === 'postgresql');
const load = loadavg().map((n) => n.toFixed(2)).join(' ');
const databases: DatabaseResult[] = [];
let postgresVersion = '';
for (const kind of kinds) {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'peta-values-bench-'));
    const db = await startEmbedded(join(dir, 'pglite'));
    try {
      databases.push(await measure(kind, db));
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    const cluster = process.env.DATABASE_URL ? null : await startPostgresCluster();
    const db = await connectPostgres(process.env.DATABASE_URL ?? cluster?.url ?? '');
    try {
      postgresVersion = (await db.sql<{ server_version: string }[]>`SHOW server_version`)[0]?.server_version ?? '';
      databases.push(await measure(kind, db));
    } finally {
      await db.close();
      cluster?.stop();
    }
  }
}
const result = {
  date: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}${postgresVersion ? `, PostgreSQL ${postgresVersion}` : ''}`,
  load,
  setup: SETUP,
  databases,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/values.json', `${JSON.stringify(result, null, 2)}\n`);
const md = markdown(result);
writeFileSync('bench/results/values.md', md);
console.log(`\n${md}`);
progress('written bench/results/values.json and bench/results/values.md');
