/**
 * LISA clusters budget (issue 7 "Supervision"): GET /api/clusters over all 7,285 kecamatan of Indonesia
 * in under 2 s, on the first request after a data change (cold: the response cache is keyed by the
 * data version, so the values are resolved again and local Moran's I run again with 999 permutations).
 * Also: the one-off cost of the queen neighbours of the kecamatan (decoding geodata/geometry/wilayah.topojson.gz
 * and comparing arc endpoints, on the first /api/clusters request of a level), and localMoran alone.
 *
 * Usage: npx tsx bench/clusters.ts        (embedded PGlite with shipped + demonstration data; ~1-2 minutes)
 *        BENCH_RUNS=7 sets the number of cold and warm requests.
 * Output: progress lines and the medians; the results are recorded by hand in BENCHMARKS.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { localMoran } from '../server/analysis/lisa.ts';
import { neighboursFromGeodata } from '../server/analysis/neighbours.ts';
import { clusterInput, LISA_SETTINGS } from '../server/analysis/clusters.ts';
import { createApp } from '../server/app.ts';
import { readCatalogue } from '../server/catalogue.ts';
import { startEmbedded } from '../server/db/client.ts';
import { bumpDataVersion } from '../server/db/data-version.ts';
import { ensureDemoData } from '../server/db/demo.ts';
import { findIndicator } from '../server/db/indicators.ts';
import { migrate } from '../server/db/migrate.ts';
import { loadShippedData } from '../server/db/shipped-data.ts';
import { openTileStore } from '../server/tiles/tile-store.ts';
import { loadRegionTree } from '../server/values/region-tree.ts';
import { resolveLevel } from '../server/values/resolve.ts';
import { readSuccessions } from '../server/values/succession.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PATH = '/api/clusters?indicator=IH-1&period=2024&level=kecamatan';
const began = performance.now();
const progress = (line: string) => console.log(`[${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const time = async <T>(f: () => Promise<T> | T): Promise<[T, number]> => {
  const started = performance.now();
  const result = await f();
  return [result, performance.now() - started];
};

const dir = mkdtempSync(join(tmpdir(), 'peta-bench-clusters-'));
const db = await startEmbedded(join(dir, 'pglite'));
try {
  progress(`load ${loadavg().map((n) => n.toFixed(2)).join(' ')} on ${cpus().length} cores; preparing the database`);
  await migrate(db);
  await loadShippedData(db, { geodataDir: 'geodata', dataDir: 'data' });
  const catalogue = readCatalogue('data');
  await ensureDemoData(db, catalogue);
  const tree = await loadRegionTree(db);
  const neighbours = neighboursFromGeodata('geodata');
  const app = createApp({ db, tiles: openTileStore('geodata'), regionTree: tree, successions: readSuccessions('data'), catalogue, neighbours });

  // The one-off cost first, on its own: on a loaded machine it can outlast the 20 s handler timeout.
  const [levelNeighbours, neighbourMs] = await time(() => neighbours.load('kecamatan'));
  progress(`neighbours of 7,285 kecamatan (decode wilayah.topojson.gz + arc endpoints), once per level: ${neighbourMs.toFixed(0)} ms`);
  const [first, firstMs] = await time(() => app.request(PATH));
  if (first.status !== 200) throw new Error(`${PATH} answered ${first.status}: ${await first.text()}`);
  const body = (await first.json()) as { counts: Record<string, number>; regions: Record<string, unknown> };
  progress(`first request (values + LISA): ${firstMs.toFixed(0)} ms, ${Object.keys(body.regions).length} kecamatan, counts ${JSON.stringify(body.counts)}`);

  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await bumpDataVersion(db.sql);
    const [response, ms] = await time(() => app.request(PATH));
    if (response.status !== 200) throw new Error(`${response.status}`);
    await response.arrayBuffer();
    cold.push(ms);
    const [again, warmMs] = await time(() => app.request(PATH));
    await again.arrayBuffer();
    warm.push(warmMs);
  }
  progress(`cold (after a data change) median ${median(cold).toFixed(0)} ms [${cold.map((x) => x.toFixed(0)).join(', ')}]`);
  progress(`warm (cached) median ${median(warm).toFixed(1)} ms`);

  // The parts: values resolved, localMoran alone.
  const indicator = await findIndicator(db, 'IH-1');
  if (!indicator) throw new Error('no IH-1');
  const resolve: number[] = [];
  const lisa: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const [values, ms] = await time(() => resolveLevel({ db, tree, successions: readSuccessions('data') }, { indicator, period: '2024', level: 'kecamatan' }));
    resolve.push(ms);
    const input = clusterInput({ kodes: tree.kecamatan.kodes, values, within: '', neighbours: levelNeighbours });
    lisa.push((await time(() => localMoran(input.values, input.neighbours, LISA_SETTINGS)))[1]);
  }
  progress(`resolve values median ${median(resolve).toFixed(0)} ms; localMoran (999 permutations) median ${median(lisa).toFixed(0)} ms`);
  progress(`load ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
