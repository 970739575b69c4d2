/**
 * OGC API - Features budget: a page of 1,000 desa well under a second, and the polygons loaded on the
 * first /ogc request only. Measures, through app.request on the shipped data: the first request of
 * each geometry file (read + decode), pages of 1,000 desa at random offsets (plain, gzip'd as a
 * client gets them, and with an indicator joined), a bbox query, and the memory the polygons take.
 * The peer is the floor of any server: the same page held in memory as GeoJSON objects and only
 * JSON.stringify'd (what a server that kept every feature pre-built would do, at several times the
 * memory).
 *
 * Usage: node --expose-gc --import tsx bench/ogc.ts      Output: a markdown table on stdout and bench/results/ogc.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../server/app.ts';
import { readCatalogue } from '../server/catalogue.ts';
import { startEmbedded } from '../server/db/client.ts';
import { ensureDemoData } from '../server/db/demo.ts';
import { migrate } from '../server/db/migrate.ts';
import { loadShippedData } from '../server/db/shipped-data.ts';
import { createRandom } from '../server/demo/random.ts';
import { geometryFromGeodata } from '../server/ogc/geometry-store.ts';
import { openTileStore } from '../server/tiles/tile-store.ts';
import { loadRegionTree } from '../server/values/region-tree.ts';
import { readSuccessions } from '../server/values/succession.ts';

const PAGES = 40;
const PAGE = 1000;
const DESA = 83_402;
const log = (line: string) => console.error(`[bench] ${line}`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const summarise = (timings: number[]) => {
  const sorted = [...timings].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? Number.NaN };
};

const root = mkdtempSync(join(tmpdir(), 'peta-bench-ogc-'));
const db = await startEmbedded(join(root, 'pglite'));
try {
  log('loading the shipped data and demonstration data into a fresh embedded database');
  await migrate(db);
  await loadShippedData(db, { geodataDir: 'geodata', dataDir: 'data' });
  const catalogue = readCatalogue('data');
  await ensureDemoData(db, catalogue);
  const app = createApp({
    db, tiles: openTileStore('geodata'), geometry: geometryFromGeodata('geodata'),
    regionTree: await loadRegionTree(db), successions: readSuccessions('data'), catalogue,
  });
  // CPU time next to wall time: on a shared machine the wall time also counts other processes' turns.
  const fetchText = async (path: string, headers: Record<string, string> = {}) => {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const response = await app.request(path, { headers });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    const bytes = (await response.arrayBuffer()).byteLength;
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000, bytes };
  };
  // Run with node --expose-gc (see Usage) so that memory is measured without the garbage of loading;
  // the buffers of the asynchronous gunzip are only released a tick after the request.
  const collect = async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    (globalThis as { gc?: () => void }).gc?.();
  };

  await collect();
  const heapBefore = process.memoryUsage();
  const firstProvinsi = await fetchText('/ogc/collections/provinsi/items?limit=1');
  const firstDesa = await fetchText('/ogc/collections/desa/items?limit=1');
  await collect();
  const heapAfter = process.memoryUsage();
  log(`first provinsi ${firstProvinsi.ms.toFixed(0)} ms, first desa ${firstDesa.ms.toFixed(0)} ms`);

  const random = createRandom(7);
  const offsets = Array.from({ length: PAGES }, () => Math.floor(random.next() * (DESA - PAGE)));
  const plain: number[] = [];
  const plainCpu: number[] = [];
  const gzip: number[] = [];
  const joined: number[] = [];
  const peer: number[] = [];
  let plainBytes = 0;
  let gzipBytes = 0;
  await fetchText('/ogc/collections/desa/items?limit=1&indicator=IH-1&period=2024'); // resolve the values once
  for (const offset of offsets) {
    const path = `/ogc/collections/desa/items?limit=${PAGE}&offset=${offset}`;
    const a = await fetchText(path);
    plain.push(a.ms);
    plainCpu.push(a.cpuMs);
    plainBytes += a.bytes;
    const b = await fetchText(path, { 'accept-encoding': 'gzip' });
    gzip.push(b.ms);
    gzipBytes += b.bytes;
    joined.push((await fetchText(`${path}&indicator=IH-1&period=2024`)).ms);
    // The peer: the same page as objects already in memory, only serialised.
    const page: unknown = await (await app.request(path)).json();
    const t = performance.now();
    JSON.stringify(page);
    peer.push(performance.now() - t);
  }
  const bbox = await fetchText('/ogc/collections/desa/items?limit=10000&bbox=106.7,-6.3,106.9,-6.1');

  const result = {
    date: new Date().toISOString(),
    machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadavg()[0]?.toFixed(1)} at the end`,
    firstRequestMs: { provinsi: firstProvinsi.ms, kabkotaKecamatanDesa: firstDesa.ms },
    firstRequestCpuMs: { provinsi: firstProvinsi.cpuMs, kabkotaKecamatanDesa: firstDesa.cpuMs },
    gcBeforeMemory: typeof (globalThis as { gc?: unknown }).gc === 'function',
    polygonMemoryMB: {
      heap: (heapAfter.heapUsed - heapBefore.heapUsed) / 1e6,
      arrayBuffers: (heapAfter.arrayBuffers - heapBefore.arrayBuffers) / 1e6,
    },
    page1000DesaMs: summarise(plain),
    page1000DesaCpuMs: summarise(plainCpu),
    page1000DesaGzipMs: summarise(gzip),
    page1000DesaJoinedMs: summarise(joined),
    peerStringifyMs: summarise(peer),
    meanPageMB: plainBytes / PAGES / 1e6,
    meanPageGzipMB: gzipBytes / PAGES / 1e6,
    bboxJakartaMs: bbox.ms,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/ogc.json', `${JSON.stringify(result, null, 2)}\n`);
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const row = (label: string, s: ReturnType<typeof summarise>) => `| ${label} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} |`;
  console.log(`| ${PAGES} pages of ${PAGE} desa at random offsets | p50 | p95 | max |
|---|---|---|---|
${row(`GET /ogc/collections/desa/items (${result.meanPageMB.toFixed(1)} MB)`, result.page1000DesaMs)}
${row('the same, CPU time of the process', result.page1000DesaCpuMs)}
${row(`the same, gzip (${result.meanPageGzipMB.toFixed(1)} MB)`, result.page1000DesaGzipMs)}
${row('the same, with indicator=IH-1&period=2024 joined', result.page1000DesaJoinedMs)}
${row('peer: JSON.stringify of the page held as GeoJSON objects', result.peerStringifyMs)}

| once | result |
|---|---|
| first /ogc request for provinsi (read + decode provinsi.topojson.gz, names) | ${ms(firstProvinsi.ms)} (CPU ${ms(firstProvinsi.cpuMs)}) |
| first request for desa (read + decode wilayah.topojson.gz, names) | ${ms(firstDesa.ms)} (CPU ${ms(firstDesa.cpuMs)}) |
| memory of the polygons after both (heap / array buffers) | ${result.polygonMemoryMB.heap.toFixed(0)} MB / ${result.polygonMemoryMB.arrayBuffers.toFixed(0)} MB |
| desa in a 0.2° box over Jakarta (bbox, limit=10000) | ${ms(bbox.ms)} |

Machine: ${result.machine}; ${result.date}`);
} finally {
  await db.close();
  rmSync(root, { recursive: true, force: true });
}
