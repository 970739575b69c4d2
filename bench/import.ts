/**
 * Import and roll-up budgets on PostgreSQL (issue 4): a national desa file of 83,762 desa x 31
 * coverage indicators for one year (~2.6 million values, long format with numerator and
 * denominator), then the values of one indicator for every desa through the API.
 * The peer is PostgreSQL's own COPY of the same rows into a bare table: the floor for writing them.
 *
 * Usage: npx tsx bench/import.ts            (starts a throw-away PostgreSQL cluster)
 *        DATABASE_URL=... npx tsx bench/import.ts
 * Output: a markdown table on stdout and bench/results/import.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createApp } from '../server/app.ts';
import { readCatalogue } from '../server/catalogue.ts';
import { connectPostgres } from '../server/db/client.ts';
import { ensureDemoData } from '../server/db/demo.ts';
import { applyImport, type StagedValue } from '../server/db/imports.ts';
import { migrate } from '../server/db/migrate.ts';
import { loadShippedData } from '../server/db/shipped-data.ts';
import { createRandom } from '../server/demo/random.ts';
import { createImportServices } from '../server/imports.ts';
import { parseImport } from '../server/import/index.ts';
import { openTileStore } from '../server/tiles/tile-store.ts';
import { geometryFromGeodata } from '../server/ogc/geometry-store.ts';
import { rebuildRollups } from '../server/values/real-rollups.ts';
import { loadRegionTree } from '../server/values/region-tree.ts';
import { readSuccessions } from '../server/values/succession.ts';
import { startPostgresCluster } from '../tests/support/postgres-cluster.ts';

const started = performance.now();
const log = (line: string) => console.error(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${line}`);
const seconds = (from: number) => (performance.now() - from) / 1000;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const cluster = process.env.DATABASE_URL ? null : await startPostgresCluster();
const db = await connectPostgres(process.env.DATABASE_URL ?? cluster?.url ?? '');
try {
  log('preparing the database (regions, catalogue, demonstration data)');
  await migrate(db);
  await loadShippedData(db, { geodataDir: 'geodata', dataDir: 'data' });
  const catalogue = readCatalogue('data');
  await ensureDemoData(db, catalogue);
  const tree = await loadRegionTree(db);
  const services = await createImportServices(db, tree, catalogue);

  const coverage = catalogue.filter((indicator) => indicator.kelompok === 'cakupan' && indicator.kind === 'rate');
  log(`writing a long-format CSV: ${tree.desa.kodes.length} desa x ${coverage.length} indicators`);
  const random = createRandom(7);
  const lines = ['kode,indikator,periode,pembilang,penyebut'];
  for (const kode of tree.desa.kodes) {
    for (const indicator of coverage) {
      const denominator = 10 + Math.floor(random.next() * 200);
      lines.push(`${kode},${indicator.id},2024,${Math.floor(denominator * random.next())},${denominator}`);
    }
  }
  const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
  log(`file: ${(bytes.length / 1e6).toFixed(1)} MB, ${lines.length - 1} values`);

  let t = performance.now();
  const parsed = await parseImport({ bytes, filename: 'nasional_2024.csv' }, {
    regions: services.regions,
    indicators: catalogue.filter((i) => i.kind === 'rate').map((i) => ({ id: i.id, nama: i.nama, kind: 'rate' as const, levels: i.levels, unit: i.unit })),
    periods: { min: 2018, max: 2026 },
  });
  const parseSeconds = seconds(t);
  if (!parsed.ok) throw new Error(`bench file did not validate: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
  log(`parsed and validated in ${parseSeconds.toFixed(1)} s`);

  const values: StagedValue[] = parsed.rows.map((row) => ({
    kode: row.kode, indicator: row.indicator, period: row.period,
    value: (100 * (row.numerator ?? 0)) / (row.denominator ?? 1), numerator: row.numerator, denominator: row.denominator,
  }));
  t = performance.now();
  const summary = await applyImport(db, values, { createdBy: 'bench', filename: 'nasional_2024.csv', fileSha256: '-', format: 'long', source: 'bench' }, { dryRun: false, progress: log });
  const writeSeconds = seconds(t);
  log(`written in one transaction in ${writeSeconds.toFixed(1)} s (${summary.inserted} new)`);

  t = performance.now();
  await rebuildRollups(db, tree, catalogue, summary.touched);
  const rollupSeconds = seconds(t);
  log(`rolled up to every level in ${rollupSeconds.toFixed(1)} s`);

  log('peer: COPY of the same rows into a bare table');
  await db.sql`CREATE TEMPORARY TABLE copy_floor (kode text, indicator_id text, period text, value float8, numerator float8, denominator float8)`;
  t = performance.now();
  const copy = await db.sql`COPY copy_floor FROM STDIN WITH (FORMAT csv)`.writable();
  await pipeline(Readable.from(values.map((v) => `${v.kode},${v.indicator},${v.period},${v.value},${v.numerator},${v.denominator}\n`)), copy);
  const copySeconds = seconds(t);
  log(`COPY in ${copySeconds.toFixed(1)} s`);

  const app = createApp({ db, tiles: openTileStore('geodata'), geometry: geometryFromGeodata('geodata'), regionTree: tree, successions: readSuccessions('data'), catalogue });
  const timings: number[] = [];
  let size = 0;
  for (let run = 0; run < 7; run++) {
    t = performance.now();
    const response = await app.request('/api/values?indicator=IH-1&period=2024&level=desa', { headers: { 'accept-encoding': 'gzip' } });
    size = (await response.arrayBuffer()).byteLength;
    timings.push(performance.now() - t);
  }
  const [coldMs = Number.NaN, ...warm] = timings;
  log(`values of one indicator for all desa: first ${coldMs.toFixed(0)} ms, then median ${median(warm).toFixed(0)} ms, ${(size / 1e6).toFixed(2)} MB gzipped`);

  const result = {
    date: new Date().toISOString(),
    machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, PostgreSQL ${(await db.sql<{ server_version: string }[]>`SHOW server_version`)[0]?.server_version}`,
    values: values.length,
    fileMB: bytes.length / 1e6,
    parseSeconds,
    writeSeconds,
    importSeconds: parseSeconds + writeSeconds,
    rollupSeconds,
    copyFloorSeconds: copySeconds,
    importOverCopy: (parseSeconds + writeSeconds) / copySeconds,
    desaValuesColdMs: coldMs,
    desaValuesWarmMedianMs: median(warm),
    desaValuesRunsMs: timings.map((ms) => Math.round(ms)),
    desaValuesGzipMB: size / 1e6,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/import.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(`| measure | result | budget |
|---|---|---|
| import ${result.values.toLocaleString('en')} values (parse + validate + write) | ${result.importSeconds.toFixed(1)} s (parse ${parseSeconds.toFixed(1)} s, write ${writeSeconds.toFixed(1)} s) | < 60 s |
| peer: COPY of the same rows into a bare table | ${copySeconds.toFixed(1)} s (import / COPY = ${result.importOverCopy.toFixed(1)}x) | floor |
| roll-up to every level | ${rollupSeconds.toFixed(1)} s | < 15 s |
| values of one indicator, all 83,762 desa: first request (query, JSON, gzip) | ${coldMs.toFixed(0)} ms, ${result.desaValuesGzipMB.toFixed(2)} MB gzipped | < 200 ms |
| the same, repeated (response cache, keyed by data version) | median ${result.desaValuesWarmMedianMs.toFixed(0)} ms of 6 | < 200 ms |

Machine: ${result.machine}; ${result.date}`);
} finally {
  await db.close();
  cluster?.stop();
}
