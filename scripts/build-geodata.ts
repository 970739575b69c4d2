/**
 * Builds the committed boundary data in geodata/ from the dev-machine sources.
 *
 * Usage: npm run build:geodata [-- --shared DIR] [--out DIR] [--provinces 31,36] [--keep-work]
 *
 * Inputs (under --shared, default ../shared/data; never read at run time):
 *   reference/wilayah_kemendagri_2025.csv              code list: every region, names, parents
 *   boundaries/desa/desa_<prov>.geojson.gz              desa polygons (props kode, nama)
 *   boundaries/source-upper/kecamatan.geojson.gz        source kecamatan, only to fill missing desa
 *   boundaries/LICENSE-source.txt                       MIT licence of the boundary source
 * Outputs (under --out, default geodata/):
 *   tiles/{provinsi,kabkota,kecamatan,desa}.pmtiles     PMTiles v3, gzip MVT, layer = level, props kode+nama
 *   regions.csv.gz                                      region index, one row per code-list region
 *   geometry/provinsi.topojson.gz, wilayah.topojson.gz  full polygons (TopoJSON, id = kode) for /ogc
 *   missing.csv                                         regions without a polygon, and why
 *   LICENSE-source.txt                                  copy of the source licence
 *
 * Same inputs give the same bytes (no timestamps, sorted everything, fixed gzip level).
 * --provinces limits the build to some provinces: for trying changes quickly, never for geodata/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LEVELS, type Level } from './geodata/levels.ts';
import { progress, elapsedSeconds } from './geodata/progress.ts';
import { readCodeList, readDesa, readLicense, readSourceKecamatan } from './geodata/sources.ts';
import { buildTopology, readLayer, type LevelZooms } from './geodata/topology.ts';
import { measure, missingCsv, regionIndexCsv, type Measure, type MissingRegion } from './geodata/regions.ts';
import { readTileBundle, type EncodedTile } from './geodata/tiles.ts';
import { writePmtiles } from './geodata/pmtiles-writer.ts';
import { GEOMETRY_FILES } from './geodata/geometry.ts';

/**
 * Which zooms of which levels each of the two worker processes (two cores) cuts: desa z9-11 alone are
 * about as much work as the three upper levels together. Desa's lowest zoom (z8) goes to the second
 * worker, which simplifies at z8's interval anyway (kab/kota and kecamatan z8). In the desa worker it
 * would be a new band coarser than all the others, and what a band locks (keep-shapes, intersection
 * repair; see simplifyBands) stays locked in the finer bands after it, so it could change the desa
 * z9-11 tiles and the /ogc polygons written at desa z11. This way adding desa z8 left both byte-identical.
 */
function workerJobs(): LevelZooms[][] {
  const all: LevelZooms[] = LEVELS.map(({ level, minZoom, maxZoom }) => ({ level, minZoom, maxZoom }));
  const desa = all.find((j) => j.level === 'desa')!;
  return [
    [{ ...desa, minZoom: desa.minZoom + 1 }],
    [...all.filter((j) => j.level !== 'desa'), { ...desa, maxZoom: desa.minZoom }],
  ];
}

/** The whole country in one mapshaper topology plus geojson-vt indexes needs more than Node's default heap. */
const HEAP_MB = 16_384;
if (v8.getHeapStatistics().heap_size_limit < (HEAP_MB - 512) * 1024 * 1024) {
  const result = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${HEAP_MB}`, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

const ATTRIBUTION = 'Batas wilayah: cahyadsn/wilayah_boundaries (MIT), kode Kepmendagri 2025';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values: args } = parseArgs({
  options: {
    shared: { type: 'string', default: path.resolve(repoRoot, '../shared/data') },
    out: { type: 'string', default: path.join(repoRoot, 'geodata') },
    provinces: { type: 'string' },
    'keep-work': { type: 'boolean', default: false },
  },
});
const sharedDir = path.resolve(args.shared);
const outDir = path.resolve(args.out);
const onlyProvinces = args.provinces ? new Set(args.provinces.split(',')) : null;
const inScope = (kode: string) => !onlyProvinces || onlyProvinces.has(kode.slice(0, 2));

async function main() {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'build-geodata-'));
  progress('start', `shared=${sharedDir} out=${outDir} work=${workDir}`);

  const codeList = readCodeList(sharedDir).filter((r) => inScope(r.kode));
  const names = new Map(codeList.map((r) => [r.kode, r.nama]));
  const desa = readDesa(sharedDir).filter((f) => inScope(f.properties.kode));
  for (const f of desa) {
    if (!names.has(f.properties.kode)) throw new Error(`desa ${f.properties.kode} (${f.properties.nama}) is not in the code list`);
  }

  // Kecamatan with fewer desa polygons than the code list has desa get their source polygon as a
  // filler; the topology step keeps only the part no desa covers.
  const polygonsPerKec = new Map<string, number>();
  for (const f of desa) polygonsPerKec.set(f.properties.kode.slice(0, 8), (polygonsPerKec.get(f.properties.kode.slice(0, 8)) ?? 0) + 1);
  const desaPerKec = new Map<string, number>();
  for (const r of codeList) if (r.level === 'desa') desaPerKec.set(r.parent, (desaPerKec.get(r.parent) ?? 0) + 1);
  const incomplete = new Set([...desaPerKec].filter(([kec, n]) => (polygonsPerKec.get(kec) ?? 0) < n).map(([kec]) => kec));
  const fill = readSourceKecamatan(sharedDir).filter((f) => incomplete.has(f.properties.kode));
  progress('fill', `${incomplete.size} kecamatan lack some desa polygons; ${fill.length} source kecamatan polygons used as filler`);

  const topology = await buildTopology(desa, fill, workDir);

  // Tiles are cut in two worker processes while this one measures regions for the index.
  const bundleDir = path.join(workDir, 'bundles');
  fs.mkdirSync(bundleDir, { recursive: true });
  const geometryDir = path.join(workDir, 'geometry');
  fs.mkdirSync(geometryDir, { recursive: true });
  const workers = workerJobs().map((jobs) => runWorker(jobs, topology.topologyFile, bundleDir, geometryDir));

  // Region index from the unsimplified layers.
  const measures = new Map<string, Measure>();
  const bounds = new Map<Level, [number, number, number, number]>();
  for (const spec of LEVELS) {
    const features = readLayer(topology.fullDir, spec.level);
    let [w, s, e, n] = [180, 90, -180, -90];
    features.forEach((f, i) => {
      const m = measure(f.geometry);
      measures.set(f.properties.kode, m);
      [w, s, e, n] = [Math.min(w, m.bbox[0]), Math.min(s, m.bbox[1]), Math.max(e, m.bbox[2]), Math.max(n, m.bbox[3])];
      if ((i + 1) % 20_000 === 0) progress('measure', `${spec.level} ${i + 1}/${features.length}`);
    });
    bounds.set(spec.level, [w, s, e, n]);
    progress('measure', `${spec.level}: ${features.length} regions with geometry`);
  }
  const desaCodesInSource = new Set(desa.map((f) => f.properties.kode));
  const missing: MissingRegion[] = codeList.filter((r) => !measures.has(r.kode)).map((r) => ({
    kode: r.kode, level: r.level, nama: r.nama,
    reason: r.level !== 'desa' ? 'no desa polygon and no source polygon'
      : desaCodesInSource.has(r.kode) ? 'source polygon lost in the topology clean (empty or degenerate)'
      : 'no polygon in source (wilayah_boundaries)',
  }));
  fs.mkdirSync(path.join(outDir, 'tiles'), { recursive: true });
  fs.writeFileSync(path.join(outDir, 'regions.csv.gz'), regionIndexCsv(codeList, measures));
  fs.writeFileSync(path.join(outDir, 'missing.csv'), missingCsv(missing));
  fs.writeFileSync(path.join(outDir, 'LICENSE-source.txt'), readLicense(sharedDir));
  progress('regions', `regions.csv.gz: ${codeList.length} rows, ${missing.length} without geometry (missing.csv)`);

  await Promise.all(workers);
  for (const spec of LEVELS) writeArchive(spec.level, bundleDir, bounds.get(spec.level)!);
  fs.mkdirSync(path.join(outDir, 'geometry'), { recursive: true });
  for (const { name } of GEOMETRY_FILES) fs.copyFileSync(path.join(geometryDir, name), path.join(outDir, 'geometry', name));

  if (!args['keep-work']) fs.rmSync(workDir, { recursive: true, force: true });
  progress('done', `in ${elapsedSeconds().toFixed(0)} s`);
}

function runWorker(jobs: LevelZooms[], topologyFile: string, bundleDir: string, geometryDir: string): Promise<void> {
  const script = path.join(repoRoot, 'scripts/geodata/tile-worker.ts');
  const zooms = jobs.map((j) => `${j.level}:${j.minZoom}-${j.maxZoom}`).join(',');
  const child = spawn(process.execPath, [...process.execArgv, script, '--topology', topologyFile, '--shared', sharedDir,
    '--zooms', zooms, '--bundles', bundleDir, '--geometry', geometryDir], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tile worker for ${zooms} exited with ${code}`))));
  });
}

/** One PMTiles archive per level from the workers' tile bundles. */
function writeArchive(level: Level, bundleDir: string, bbox: [number, number, number, number]) {
  const spec = LEVELS.find((l) => l.level === level)!;
  const tiles: EncodedTile[] = [];
  for (let z = spec.minZoom; z <= spec.maxZoom; z++) tiles.push(...readTileBundle(path.join(bundleDir, `${level}-z${z}.bin`)));
  const archive = writePmtiles(tiles, {
    minZoom: spec.minZoom,
    maxZoom: spec.maxZoom,
    bounds: bbox,
    center: [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2, spec.minZoom],
    metadata: {
      name: `Batas ${level}`,
      description: `Batas wilayah ${level} Indonesia (kode Kepmendagri 2025); properties kode, nama`,
      attribution: ATTRIBUTION,
      type: 'overlay',
      format: 'pbf',
      vector_layers: [{ id: level, minzoom: spec.minZoom, maxzoom: spec.maxZoom, fields: { kode: 'String', nama: 'String' } }],
    },
  });
  fs.writeFileSync(path.join(outDir, 'tiles', `${level}.pmtiles`), archive);
  progress('pmtiles', `${level}.pmtiles: ${tiles.length} tiles, ${(archive.length / 1e6).toFixed(1)} MB`);
}

await main();
