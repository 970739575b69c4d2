/**
 * Worker process of build-geodata: simplifies the shared topology for the zoom bands of some levels
 * and cuts their tiles, writing one tile bundle per level and zoom. The build runs two of these side
 * by side (the machine has two cores); build-geodata.ts then assembles the PMTiles archives.
 *
 * Usage (from build-geodata.ts): tile-worker.ts --topology FILE --shared DIR --levels desa --bundles DIR
 * Writes: <bundles>/<level>-z<z>.bin
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LEVELS, type Level } from './levels.ts';
import { progress } from './progress.ts';
import { readCodeList } from './sources.ts';
import { layerFeatures, planBands, simplifyBands } from './topology.ts';
import { cutTiles, writeTileBundle } from './tiles.ts';

const { values: args } = parseArgs({
  options: {
    topology: { type: 'string' },
    shared: { type: 'string' },
    levels: { type: 'string' },
    bundles: { type: 'string' },
  },
});
if (!args.topology || !args.shared || !args.levels || !args.bundles) {
  throw new Error('tile-worker needs --topology, --shared, --levels and --bundles');
}
const bundleDir = args.bundles;
const levels = args.levels.split(',') as Level[];
const names = new Map(readCodeList(args.shared).map((r) => [r.kode, r.nama]));
const bands = planBands(levels);
progress(`tiles ${levels.join('+')}`, `simplifying ${bands.length} bands`);

simplifyBands(args.topology, bands, (band, level, fc) => {
  const spec = LEVELS.find((l) => l.level === level)!;
  const features = layerFeatures(fc, level);
  for (const z of band.zooms[level] ?? []) {
    const tiles = cutTiles(level, z, features, names);
    writeTileBundle(path.join(bundleDir, `${level}-z${z}.bin`), tiles);
    const bytes = tiles.reduce((sum, t) => sum + t.data.length, 0);
    progress(`tiles ${level}`, `z${z} (${z - spec.minZoom + 1}/${spec.maxZoom - spec.minZoom + 1}): ${tiles.length} tiles, ${(bytes / 1e6).toFixed(1)} MB, simplified at ${band.intervalMetres} m`);
  }
});
