/**
 * The topology step, all in one mapshaper session so that every level shares the same arcs:
 *
 *   desa polygons + source kecamatan of incomplete kecamatan ("fill")
 *     -> -clean (one topology for the whole country; smaller desa keep overlaps, fillers lose them)
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
// mapshaper ships no types: runCommands(argv, input) for the topology, a few internals for simplifyBands.
// @ts-expect-error untyped module
import mapshaper from 'mapshaper';
import { area as turfArea } from '@turf/turf';
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

/** Some zooms of one level: the part of the tiling one worker process does. */
export interface LevelZooms {
  level: Level;
  minZoom: number;
  maxZoom: number;
}

/** Group (level, zoom) pairs by simplification interval, so each interval runs once. */
export function planBands(jobs: readonly LevelZooms[]): SimplifiedBand[] {
  const byInterval = new Map<number, SimplifiedBand>();
  for (const spec of LEVELS) {
    const job = jobs.find((j) => j.level === spec.level);
    if (!job) continue;
    if (job.minZoom < spec.minZoom || job.maxZoom > spec.maxZoom) {
      throw new Error(`${spec.level} has tiles at z${spec.minZoom}-${spec.maxZoom}, not z${job.minZoom}-${job.maxZoom}`);
    }
    for (let z = job.minZoom; z <= job.maxZoom; z++) {
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
  const bySize = desa
    .map((f) => ({ f, area: turfArea(f) }))
    .sort((a, b) => a.area - b.area || (a.f.properties.kode < b.f.properties.kode ? -1 : 1))
    .map(({ f }) => f);
  const desaFc: FeatureCollection = {
    type: 'FeatureCollection',
    features: bySize.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { kode: f.properties.kode, ...codeFields(f.properties.kode) } })),
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
    // Overlaps go to the lower id. Desa come first, smallest first, so between desa the smaller keeps
    // an overlap (no desa vanishes under a larger neighbour drawn over it, as 11.73.03.2022 would
    // under max-area), and the fillers come last, so they only take what no desa covers even where
    // an outdated desa polygon is larger than its whole kecamatan (13.12.09.2001).
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
 * Simplify the shared topology for each band and hand each band's layers to `use` as GeoJSON features.
 *
 * This is `-simplify interval=… keep-shapes` per band, but through mapshaper's internal API so that
 * the per-vertex thresholds (Visvalingam weighted, on the sphere) are computed once and each band
 * only moves the retained interval, and features come out as objects rather than a JSON string.
 * keep-shapes (small islands keep a shape) and the repair of intersections that simplification
 * introduces both lock vertices in place; bands run coarse to fine, so a locked vertex is only ever
 * kept at finer zooms too, which costs a few vertices and changes nothing visible.
 */
export function simplifyBands(
  topologyFile: string,
  bands: SimplifiedBand[],
  use: (band: SimplifiedBand, level: Level, features: FeatureCollection, topojson: (levels: readonly Level[], opts: TopoJsonOptions) => string) => void,
): void {
  const { internal, cmd } = mapshaper as MapshaperInternals;
  const dataset = internal.importFile(topologyFile, {});
  const ordered = [...bands].sort((a, b) => b.intervalMetres - a.intervalMetres);
  ordered.forEach((band, i) => {
    if (i === 0) {
      cmd.simplify(dataset, { interval: band.intervalMetres, keep_shapes: true }, dataset.layers);
    } else {
      const opts = internal.getStandardSimplifyOpts(dataset, {});
      dataset.arcs.setRetainedInterval(internal.convertSimplifyInterval(band.intervalMetres, dataset, opts));
      internal.finalizeSimplification(dataset, { keep_shapes: true });
    }
    for (const level of Object.keys(band.zooms) as Level[]) {
      const layer = dataset.layers.find((l) => l.name === level);
      if (!layer) throw new Error(`${topologyFile} has no layer ${level}`);
      const features = internal.exportLayerAsGeoJSON(layer, dataset, {}, true) as Feature[];
      use(band, level, { type: 'FeatureCollection', features }, (levels, opts) => exportTopoJson(dataset, levels, opts));
    }
  });
}

export interface TopoJsonOptions {
  /** Quantisation grid in degrees (TopoJSON transform scale), e.g. 1e-5 (~1.1 m). */
  gridDegrees: number;
}

/**
 * Some levels of the dataset, as simplified at this moment, as one quantised TopoJSON with an object
 * per level named after it: each geometry's `id` is the level's code and there are no other
 * properties (names come from the region index). The levels share their arcs, so they nest exactly
 * and a border is stored once; only the arcs these levels use are written. No `fix_geometry`: its
 * repairs put points off the grid, which quantised TopoJSON cannot hold; on a grid a quarter of the
 * simplification interval, snapping changes shapes by less than the simplification already has.
 */
function exportTopoJson(dataset: MapshaperDataset, levels: readonly Level[], { gridDegrees }: TopoJsonOptions): string {
  const { internal } = mapshaper as MapshaperInternals;
  const layers = levels.map((level) => {
    const layer = dataset.layers.find((l) => l.name === level);
    if (!layer) throw new Error(`the topology has no layer ${level}`);
    const ids = layer.data.getRecords().map((record) => ({ kode: String(record[CODE_FIELD[level]] ?? '') }));
    return { ...layer, data: new internal.DataTable(ids) };
  });
  // final: false makes mapshaper export a filtered copy, leaving the dataset as it is for later bands.
  const [file] = internal.exportTopoJSON({ ...dataset, layers }, { precision: gridDegrees, id_field: 'kode', drop_table: true, final: false });
  if (!file) throw new Error(`mapshaper wrote no TopoJSON for ${levels.join(', ')}`);
  return file.content;
}

/** The few mapshaper internals simplifyBands uses (mapshaper exports them, untyped). */
interface MapshaperLayer {
  name: string;
  data: { getRecords(): Record<string, unknown>[] };
}
interface MapshaperDataset {
  layers: MapshaperLayer[];
  arcs: { setRetainedInterval(interval: number): void };
}
interface MapshaperInternals {
  cmd: { simplify(dataset: MapshaperDataset, opts: object, layers: object[]): void };
  internal: {
    importFile(file: string, opts: object): MapshaperDataset;
    getStandardSimplifyOpts(dataset: MapshaperDataset, opts: object): object;
    convertSimplifyInterval(interval: number, dataset: MapshaperDataset, opts: object): number;
    finalizeSimplification(dataset: MapshaperDataset, opts: object): void;
    exportLayerAsGeoJSON(layer: object, dataset: MapshaperDataset, opts: object, asFeatures: boolean): unknown[];
    exportTopoJSON(dataset: MapshaperDataset, opts: object): { content: string; filename: string }[];
    DataTable: new (records: Record<string, unknown>[]) => MapshaperLayer['data'];
  };
}

export type LayerFeature = Feature<Polygon | MultiPolygon, { kode: string }>;

/** Read one layer mapshaper wrote, with the level's code in `kode`. */
export function readLayer(dir: string, level: Level): LayerFeature[] {
  return layerFeatures(JSON.parse(fs.readFileSync(path.join(dir, `${level}.json`), 'utf8')) as FeatureCollection, level);
}

/** The attribute holding a level's code in the mapshaper layers (see buildTopology). */
const CODE_FIELD: Record<Level, string> = { provinsi: 'prov', kabkota: 'kab', kecamatan: 'kec', desa: 'kode' };

export function layerFeatures(fc: FeatureCollection, level: Level): LayerFeature[] {
  const codeField = CODE_FIELD[level];
  return (fc.features as Feature<Polygon | MultiPolygon | null, Record<string, string>>[])
    .filter((f): f is Feature<Polygon | MultiPolygon, Record<string, string>> => f.geometry !== null)
    .map((f) => ({ ...f, properties: { kode: f.properties[codeField] ?? '' } }));
}
