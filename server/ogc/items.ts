import { LEVELS, type Level } from '../catalogue.ts';
import { badRequest, notFound } from '../problem.ts';
import type { Bbox, LevelGeometry } from './geometry.ts';
import type { JoinedValues, RegionNames } from './service.ts';

/** The level of a dotted Kemendagri code, from its shape (53, 53.01, 53.01.01, 53.01.01.2001). */
export function levelOfCode(kode: string): Level | undefined {
  return LEVELS[kode.split('.').length - 1];
}

/** Names of the ancestors each level's features carry (besides the parent's code). */
const ANCESTORS: Record<Level, readonly ('provinsi' | 'kabkota' | 'kecamatan')[]> = {
  provinsi: [],
  kabkota: ['provinsi'],
  kecamatan: ['provinsi', 'kabkota'],
  desa: ['provinsi', 'kabkota', 'kecamatan'],
};

/**
 * The features a request selects, as indices into the level's code-sorted features: those below
 * `parent` (any ancestor level), then those touching any of the `bbox` rectangles.
 */
export function selectFeatures(geometry: LevelGeometry, filter: { parent?: string | undefined; bbox?: Bbox[] | undefined }): number[] {
  let first = 0;
  let end = geometry.size;
  if (filter.parent !== undefined) {
    // Codes sort with their children right after them, so the children are one contiguous run.
    const prefix = `${filter.parent}.`;
    first = lowerBound(geometry.kodes, prefix);
    end = first;
    while (end < geometry.size && geometry.kodes[end]?.startsWith(prefix)) end++;
  }
  const selected: number[] = [];
  for (let i = first; i < end; i++) {
    if (!filter.bbox || filter.bbox.some((rect) => geometry.intersects(i, rect))) selected.push(i);
  }
  return selected;
}

/** Checks a `parent` filter: a region of a level above the collection's, that exists. */
export function checkParent(level: Level, parent: string, exists: (level: Level, kode: string) => boolean): void {
  const parentLevel = levelOfCode(parent);
  const above = LEVELS.slice(0, LEVELS.indexOf(level));
  if (!parentLevel || !above.includes(parentLevel)) {
    throw badRequest(
      above.length === 0
        ? `the provinsi collection has no parent filter (provinces are the top level); leave parent out`
        : `parent ${parent} is a ${parentLevel ?? 'code of no level'}; the ${level} collection is filtered by the code of a ${above.join(', ')}`,
    );
  }
  if (!exists(parentLevel, parent)) throw notFound(`unknown region "${parent}": no ${parentLevel} with that code in Kepmendagri 300.2.2-2138/2025`);
}

/** Feature properties: the region, its ancestors, and the joined value when one was asked for. */
export function featureProperties(level: Level, kode: string, names: RegionNames | undefined, joined: JoinedValues | undefined): Record<string, unknown> {
  const parentIndex = kode.lastIndexOf('.');
  const properties: Record<string, unknown> = { kode, nama: names?.nama ?? null, level, parent: parentIndex < 0 ? 'ID' : kode.slice(0, parentIndex) };
  for (const ancestor of ANCESTORS[level]) properties[ancestor] = names?.[ancestor] ?? null;
  if (joined) {
    const value = joined.values.get(kode);
    Object.assign(properties, {
      indicator: joined.indicator.id,
      period: joined.period,
      value: value?.value ?? null,
      numerator: value?.numerator ?? null,
      denominator: value?.denominator ?? null,
      unit: joined.indicator.unit,
      source: value?.source ?? null,
      demo: value?.demo ?? null,
      basis: value?.basis ?? null,
      note: value?.note ?? null,
    });
  }
  return properties;
}

/** One GeoJSON feature as text; the geometry is written straight from the topology (geometry.ts). */
export function featureJson(geometry: LevelGeometry, i: number, properties: Record<string, unknown>, extra = ''): string {
  const kode = geometry.kodes[i] ?? '';
  return `{"type":"Feature","id":${JSON.stringify(kode)},"properties":${JSON.stringify(properties)},"bbox":${JSON.stringify(geometry.bbox(i))},"geometry":${geometry.geometryJson(i)}${extra}}`;
}

function lowerBound(sorted: string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? '') < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
