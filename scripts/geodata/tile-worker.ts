/**
 * Worker process of build-geodata: simplifies the shared topology for the zoom bands of some levels
 * and cuts their tiles, writing one tile bundle per level and zoom. The build runs two of these side
 * by side (the machine has two cores); build-geodata.ts then assembles the PMTiles archives.
 *
 * Usage (from build-geodata.ts):
 *   tile-worker.ts --topology FILE --shared DIR --zooms kecamatan:3-11,desa:8-8 --bundles DIR --geometry DIR
 * (--zooms: the levels and zoom ranges this worker cuts)
 * Writes: <bundles>/<level>-z<z>.bin, and the geometry files (geometry.ts) due at its levels' max zooms
 * into <geometry>/
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LEVEL_NAMES, LEVELS, type Level } from './levels.ts';
import { progress } from './progress.ts';
import { readCodeList } from './sources.ts';
import { layerFeatures, planBands, simplifyBands, type LevelZooms } from './topology.ts';
import { cutTiles, writeTileBundle } from './tiles.ts';
import { geometryFilesAt, writeGeometryFile } from './geometry.ts';

const { values: args } = parseArgs({
  options: {
    topology: { type: 'string' },
    shared: { type: 'string' },
    zooms: { type: 'string' },
    bundles: { type: 'string' },
    geometry: { type: 'string' },
  },
});
if (!args.topology || !args.shared || !args.zooms || !args.bundles || !args.geometry) {
  throw new Error('tile-worker needs --topology, --shared, --zooms, --bundles and --geometry');
}
const bundleDir = args.bundles;
const geometryDir = args.geometry;
const jobs = args.zooms.split(',').map(parseJob);
const names = new Map(readCodeList(args.shared).map((r) => [r.kode, r.nama]));
const bands = planBands(jobs);
progress(`tiles ${args.zooms}`, `simplifying ${bands.length} bands`);

/** `kecamatan:3-11` -> { level: 'kecamatan', minZoom: 3, maxZoom: 11 } */
function parseJob(text: string): LevelZooms {
  const match = /^(\w+):(\d+)-(\d+)$/.exec(text);
  const level = LEVEL_NAMES.find((l) => l === match?.[1]);
  if (!match || !level) throw new Error(`--zooms: "${text}" is not level:min-max with a level of ${LEVEL_NAMES.join(', ')}`);
  return { level, minZoom: Number(match[2]), maxZoom: Number(match[3]) };
}

simplifyBands(args.topology, bands, (band, level, fc, topojson) => {
  const spec = LEVELS.find((l) => l.level === level)!;
  for (const file of (band.zooms[level] ?? []).flatMap((z) => geometryFilesAt(level, z))) {
    const bytes = writeGeometryFile(geometryDir, file, topojson(file.levels, file.options));
    progress('geometry', `${file.name} (${file.levels.join(', ')}): ${(bytes / 1e6).toFixed(1)} MB, simplified at ${band.intervalMetres} m`);
  }
  const features = layerFeatures(fc, level);
  for (const z of band.zooms[level] ?? []) {
    const tiles = cutTiles(level, z, features, names);
    writeTileBundle(path.join(bundleDir, `${level}-z${z}.bin`), tiles);
    const bytes = tiles.reduce((sum, t) => sum + t.data.length, 0);
    progress(`tiles ${level}`, `z${z} (${z - spec.minZoom + 1}/${spec.maxZoom - spec.minZoom + 1}): ${tiles.length} tiles, ${(bytes / 1e6).toFixed(1)} MB, simplified at ${band.intervalMetres} m`);
  }
});
