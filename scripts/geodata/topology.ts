/**
 * The topology step, all in one mapshaper session so that every level shares the same arcs:
 *
 *   desa polygons + source kecamatan of incomplete kecamatan ("fill")
 *     -> -clean (one topology for the whole country; desa win overlaps because they come first)
 *     -> desa layer            = cleaned desa polygons
 *     -> kecamatan             = dissolve(desa + the fill parts no desa covers)
 *     -> kabkota, provinsi     = dissolve upwards, so the levels nest exactly
 *     -> one TopoJSON with all four layers
 *   then, per zoom band (simplifyBands): -simplify interval=… keep-shapes, GeoJSON out
 *
 * mapshaper simplifies shared arcs once, so neighbours keep a common border at every zoom, and since
 * all four levels live in one dataset a kecamatan border is the same line as its desa border.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
// mapshaper ships no types; we use only runCommands(argv, input).
// @ts-expect-error untyped module
import mapshaper from 'mapshaper';
import { LEVELS, type Level, simplifyIntervalMetres } from './levels.ts';
import type { AreaFeature } from './sources.ts';
import { progress } from './progress.ts';

/**
 * Which parts of "source kecamatan minus its desa" are real missing area rather than slivers left by
 * the source layers being drawn separately: at least 2 ha, and not long and thin (Polsby-Popper
 * compactness 4πA/P² of a circle is 1, of a 1:50 strip about 0.06).
 */
export const FILL_MIN_AREA_M2 = 20_000;
export const FILL_MIN_COMPACTNESS = 0.1;
/** Output precision: 6 decimals (~0.1 m), the precision of the source. */
const PRECISION = 0.000001;

export interface SimplifiedBand {
  intervalMetres: number;
  /** Level -> zooms cut from this simplification. */
  zooms: Partial<Record<Level, number[]>>;
}

export interface TopologyResult {
  /** Unsimplified, cleaned layers as GeoJSON `<level>.json` (for the region index). */
  fullDir: string;
  /** All four layers in one TopoJSON (shared arcs, unquantised): the input of every simplification. */
  topologyFile: string;
}

/** Group (level, zoom) pairs by simplification interval, so each interval runs once. */
export function planBands(levels: readonly Level[]): SimplifiedBand[] {
  const byInterval = new Map<number, SimplifiedBand>();
  for (const spec of LEVELS.filter((l) => levels.includes(l.level))) {
    for (let z = spec.minZoom; z <= spec.maxZoom; z++) {
      const interval = simplifyIntervalMetres(spec, z);
      let band = byInterval.get(interval);
      if (!band) {
        band = { intervalMetres: interval, zooms: {} };
        byInterval.set(interval, band);
      }
      (band.zooms[spec.level] ??= []).push(z);
    }
  }
  // Coarsest first: cheap outputs appear early in the log.
  return [...byInterval.values()].sort((a, b) => b.intervalMetres - a.intervalMetres);
}

function codeFields(kode: string) {
  return { kec: kode.slice(0, 8), kab: kode.slice(0, 5), prov: kode.slice(0, 2) };
}

const OUTPUT = `format=geojson precision=${PRECISION}`;

export async function buildTopology(
  desa: AreaFeature[],
  fillKecamatan: AreaFeature[],
  workDir: string,
): Promise<TopologyResult> {
  const desaFc: FeatureCollection = {
    type: 'FeatureCollection',
    features: desa.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { kode: f.properties.kode, ...codeFields(f.properties.kode) } })),
  };
  const fillFc: FeatureCollection = {
    type: 'FeatureCollection',
    features: fillKecamatan.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { kode: '', ...codeFields(f.properties.kode) } })),
  };
  const fullDir = path.join(workDir, 'full');
  const topologyFile = path.join(workDir, 'topology.json');
  // mapshaper writes one <layer>.json per target into an existing directory.
  fs.mkdirSync(fullDir, { recursive: true });
  const layers = 'provinsi,kabkota,kecamatan,desa';
  const commands = [
    '-i desa.json fill.json combine-files',
    '-merge-layers target=desa,fill force name=units',
    // min-id: desa (listed first) keep overlaps; the fill only takes what no desa covers.
    '-clean overlap-rule=min-id target=units',
    `-filter 'kode !== ""' target=units + name=desa`,
    '-explode target=units',
    `-filter 'kode !== "" || (this.area >= ${FILL_MIN_AREA_M2} && this.compactness >= ${FILL_MIN_COMPACTNESS})' target=units`,
    '-dissolve kec copy-fields=kab,prov no-repair target=units name=kecamatan',
    '-dissolve kab copy-fields=prov no-repair target=kecamatan + name=kabkota',
    '-dissolve prov no-repair target=kabkota + name=provinsi',
    `-o ${fullDir}/ target=${layers} ${OUTPUT}`,
    `-o ${topologyFile} target=${layers} format=topojson no-quantization precision=${PRECISION}`,
  ].join(' ');
  progress('topology', `mapshaper: clean ${desa.length} desa + ${fillKecamatan.length} fill kecamatan, then dissolve (about 2.5 minutes, no progress inside)`);
  await mapshaper.runCommands(`${commands} -quiet`, { 'desa.json': desaFc, 'fill.json': fillFc });
  progress('topology', 'done');
  return { fullDir, topologyFile };
}

/**
 * Simplify the shared topology once per band and hand each band's layers to `use` as GeoJSON.
 * keep-shapes stops small islands vanishing; mapshaper repairs intersections the simplification adds.
 */
export async function simplifyBands(
  topologyFile: string,
  bands: SimplifiedBand[],
  use: (band: SimplifiedBand, level: Level, fc: FeatureCollection) => void,
): Promise<void> {
  const outputName = (i: number, level: Level) => `band${i}-${level}.json`;
  const commands = [
    `-i ${topologyFile}`,
    ...bands.flatMap((band, i) => [
      `-simplify interval=${band.intervalMetres}m keep-shapes`,
      ...Object.keys(band.zooms).map((level) => `-o ${outputName(i, level as Level)} target=${level} ${OUTPUT}`),
    ]),
  ].join(' ');
  const outputs = (await mapshaper.applyCommands(`${commands} -quiet`)) as Record<string, string | Buffer>;
  bands.forEach((band, i) => {
    for (const level of Object.keys(band.zooms) as Level[]) {
      const name = outputName(i, level);
      const text = outputs[name];
      if (text === undefined) throw new Error(`mapshaper wrote no ${name}`);
      delete outputs[name]; // let the string go as soon as it is parsed
      use(band, level, JSON.parse(text.toString()) as FeatureCollection);
    }
  });
}

export type LayerFeature = Feature<Polygon | MultiPolygon, { kode: string }>;

/** Read one layer mapshaper wrote, with the level's code in `kode`. */
export function readLayer(dir: string, level: Level): LayerFeature[] {
  return layerFeatures(JSON.parse(fs.readFileSync(path.join(dir, `${level}.json`), 'utf8')) as FeatureCollection, level);
}

export function layerFeatures(fc: FeatureCollection, level: Level): LayerFeature[] {
  const codeField = { provinsi: 'prov', kabkota: 'kab', kecamatan: 'kec', desa: 'kode' }[level];
  return (fc.features as Feature<Polygon | MultiPolygon | null, Record<string, string>>[])
    .filter((f): f is Feature<Polygon | MultiPolygon, Record<string, string>> => f.geometry !== null)
    .map((f) => ({ ...f, properties: { kode: f.properties[codeField] ?? '' } }));
}
