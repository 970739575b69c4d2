/**
 * Worker process of build-geodata: simplifies the shared topology for the zoom bands of some levels
 * and cuts their tiles, writing one tile bundle per level and zoom. The build runs two of these side
 * by side (the machine has two cores); build-geodata.ts then assembles the PMTiles archives.
 *
 * Usage (from build-geodata.ts): tile-worker.ts --topology FILE --shared DIR --levels desa --bundles DIR --geometry DIR
 * Writes: <bundles>/<level>-z<z>.bin, and the geometry files (geometry.ts) due at its levels' max zooms
 * into <geometry>/
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LEVELS, type Level } from './levels.ts';
import { progress } from './progress.ts';
import { readCodeList } from './sources.ts';
import { layerFeatures, planBands, simplifyBands } from './topology.ts';
import { cutTiles, writeTileBundle } from './tiles.ts';
import { geometryFilesAt, writeGeometryFile } from './geometry.ts';

const { values: args } = parseArgs({
  options: {
    topology: { type: 'string' },
    shared: { type: 'string' },
    levels: { type: 'string' },
    bundles: { type: 'string' },
    geometry: { type: 'string' },
  },
});
if (!args.topology || !args.shared || !args.levels || !args.bundles || !args.geometry) {
  throw new Error('tile-worker needs --topology, --shared, --levels, --bundles and --geometry');
}
const bundleDir = args.bundles;
const geometryDir = args.geometry;
const levels = args.levels.split(',') as Level[];
const names = new Map(readCodeList(args.shared).map((r) => [r.kode, r.nama]));
const bands = planBands(levels);
progress(`tiles ${levels.join('+')}`, `simplifying ${bands.length} bands`);

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
