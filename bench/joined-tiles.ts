/**
 * Joined tiles (public-API issue): the cost of adding an indicator's values to the features of a
 * geometry tile, two ways, on the tiles the tile benchmark requests (330 over populated areas):
 *   splice   server/tiles/mvt-splice.ts: keys, values and tags appended at the protobuf level, the
 *            geometry copied as bytes (what the server does);
 *   re-encode  decode with @mapbox/vector-tile + pbf, set the properties, encode with @maplibre/vt-pbf.
 * Both outputs are decoded with the reference decoder and must be equal (properties and geometry),
 * so the splice is also checked against the reference encoder on every tile.
 *
 * Usage: npx tsx bench/joined-tiles.ts          (about a minute; no database, synthetic values)
 * Output: bench/results/joined-tiles.json and bench/results/joined-tiles.md.
 * Times are CPU time of this process (process.cpuUsage), median of 5 per tile, summed per level: on a
 * machine shared with other work, CPU time moves far less than wall time.
 */
import { VectorTile, type VectorTileFeature, type VectorTileLayer } from '@mapbox/vector-tile';
import { fromVectorTileJs } from '@maplibre/vt-pbf';
import { PbfReader } from 'pbf';
import { isDeepStrictEqual } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { gunzipSync, gzipSync } from 'node:zlib';
import { spliceProperties, type PropertyValue } from '../server/tiles/mvt-splice.ts';
import { PmtilesArchive } from '../server/tiles/pmtiles-archive.ts';
import { BENCH_LEVELS, sampleTiles, type BenchLevel } from './tiles/sample.ts';

const REPEATS = 5;

/** Deterministic values of the shape joined tiles carry (a demonstration rate, as most indicators are). */
function propertiesOf(kode: string): Record<string, PropertyValue> | undefined {
  let h = 0;
  for (let i = 0; i < kode.length; i++) h = (Math.imul(h, 31) + kode.charCodeAt(i)) >>> 0;
  if (h % 25 === 0) return undefined; // about 4% without a value
  const denominator = 20 + (h % 400);
  const numerator = Math.floor(denominator * ((h >>> 8) % 1000) / 1000);
  return { value: Math.round((10_000 * 100 * numerator) / denominator) / 10_000, numerator, denominator, source: 'Data demonstrasi', demo: true };
}

function reEncode(raw: Uint8Array, level: string): Uint8Array {
  const tile = new VectorTile(new PbfReader(raw));
  const layers: Record<string, VectorTileLayer> = {};
  for (const [name, layer] of Object.entries(tile.layers)) {
    const features: VectorTileFeature[] = [];
    for (let i = 0; i < layer.length; i++) {
      const feature = layer.feature(i);
      if (name === level) Object.assign(feature.properties, propertiesOf(String(feature.properties.kode)) ?? {});
      features.push(feature);
    }
    layers[name] = Object.assign(Object.create(layer) as VectorTileLayer, { feature: (i: number) => features[i] as VectorTileFeature });
  }
  return fromVectorTileJs({ layers });
}

function decoded(raw: Uint8Array) {
  const tile = new VectorTile(new PbfReader(raw));
  return Object.fromEntries(
    Object.entries(tile.layers).map(([name, layer]) => [
      name,
      Array.from({ length: layer.length }, (_, i) => {
        const feature = layer.feature(i);
        return { properties: feature.properties, type: feature.type, geometry: feature.loadGeometry().map((ring) => ring.map((p) => [p.x, p.y])) };
      }),
    ]),
  );
}

function cpuMs<T>(run: () => T): [T, number] {
  const times: number[] = [];
  let result: T | undefined;
  for (let r = 0; r < REPEATS; r++) {
    const before = process.cpuUsage();
    result = run();
    const used = process.cpuUsage(before);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return [result as T, times[Math.floor(REPEATS / 2)] ?? Number.NaN];
}

const archives = new Map<BenchLevel, PmtilesArchive>(BENCH_LEVELS.map((level) => [level, PmtilesArchive.open(`geodata/tiles/${level}.pmtiles`)]));
const tiles = sampleTiles(archives, { seed: 5, perZoom: 40 });
console.log(`${tiles.length} tiles; load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);

interface LevelResult {
  tiles: number;
  features: number;
  geometryKB: number;
  joinedKB: number;
  spliceMs: number;
  reEncodeMs: number;
  spliceWithZipMs: number;
  reEncodeWithZipMs: number;
  equal: number;
}
const levels: Partial<Record<BenchLevel, LevelResult>> = {};
for (const tile of tiles) {
  const out = (levels[tile.level] ??= { tiles: 0, features: 0, geometryKB: 0, joinedKB: 0, spliceMs: 0, reEncodeMs: 0, spliceWithZipMs: 0, reEncodeWithZipMs: 0, equal: 0 });
  const raw = new Uint8Array(gunzipSync(tile.data));
  const [spliced, spliceMs] = cpuMs(() => spliceProperties(raw, tile.level, propertiesOf));
  const [encoded, reEncodeMs] = cpuMs(() => reEncode(raw, tile.level));
  const [zipped, spliceWithZipMs] = cpuMs(() => gzipSync(spliceProperties(new Uint8Array(gunzipSync(tile.data)), tile.level, propertiesOf)));
  const [, reEncodeWithZipMs] = cpuMs(() => gzipSync(reEncode(new Uint8Array(gunzipSync(tile.data)), tile.level)));
  const a = decoded(spliced);
  out.tiles += 1;
  out.features += a[tile.level]?.length ?? 0;
  out.geometryKB += tile.data.length / 1024;
  out.joinedKB += zipped.length / 1024;
  out.spliceMs += spliceMs;
  out.reEncodeMs += reEncodeMs;
  out.spliceWithZipMs += spliceWithZipMs;
  out.reEncodeWithZipMs += reEncodeWithZipMs;
  if (isDeepStrictEqual(a, decoded(encoded))) out.equal += 1;
  else console.error(`${tile.level} ${tile.z}/${tile.x}/${tile.y}: splice and re-encode differ`);
}

const per = (total: number, n: number) => (total / n).toFixed(3);
const lines = [
  '# Joined tiles — `npx tsx bench/joined-tiles.ts`',
  '',
  `${tiles.length} tiles of the tile benchmark (seed 5), synthetic values on every feature (4% without). CPU ms per tile, median of ${REPEATS} runs each.`,
  '',
  '| level | tiles | features/tile | geometry gzip | joined gzip | splice | re-encode (vector-tile + vt-pbf) | splice + gunzip + gzip | re-encode + gunzip + gzip | outputs equal |',
  '|---|---|---|---|---|---|---|---|---|---|',
];
for (const [level, r] of Object.entries(levels)) {
  lines.push(
    `| ${level} | ${r.tiles} | ${(r.features / r.tiles).toFixed(0)} | ${per(r.geometryKB, r.tiles)} KB | ${per(r.joinedKB, r.tiles)} KB | ${per(r.spliceMs, r.tiles)} ms | ${per(r.reEncodeMs, r.tiles)} ms | ${per(r.spliceWithZipMs, r.tiles)} ms | ${per(r.reEncodeWithZipMs, r.tiles)} ms | ${r.equal}/${r.tiles} |`,
  );
}
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
lines.push('', `Machine: ${machine}; load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}; ${new Date().toISOString()}.`, '');
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/joined-tiles.json', `${JSON.stringify({ date: new Date().toISOString(), machine, repeats: REPEATS, levels }, null, 2)}\n`);
writeFileSync('bench/results/joined-tiles.md', lines.join('\n'));
console.log(lines.join('\n'));
