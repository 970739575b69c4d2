/**
 * Reading the dev-machine inputs under `--shared` (default ../shared/data): the Kemendagri code list,
 * the per-province desa polygons, the source's own kecamatan layer and its list of missing desa.
 * Nothing here is read at run time by the server; only the build reads it.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parse } from 'csv-parse/sync';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { LEVELS, type Level, parentCode } from './levels.ts';
import { progress } from './progress.ts';

export interface CodeListRegion {
  kode: string;
  level: Level;
  nama: string;
  parent: string;
}

export type AreaFeature = Feature<Polygon | MultiPolygon, { kode: string; nama?: string }>;

/** The code list, in file order (province, then its kab/kota, kecamatan and desa depth-first). */
export function readCodeList(sharedDir: string): CodeListRegion[] {
  const file = path.join(sharedDir, 'reference/wilayah_kemendagri_2025.csv');
  const records: Record<string, string>[] = parse(fs.readFileSync(file), { columns: true, skip_empty_lines: true });
  const missing = ['level', 'code', 'name', 'parent_code'].filter((name) => records[0] && !(name in records[0]));
  if (missing.length > 0) throw new Error(`${file}: column "${missing.join('", "')}" missing`);
  return records.map((row, n) => {
    const cell = (name: string) => row[name] ?? '';
    const spec = LEVELS.find((l) => l.codeListName === cell('level'));
    const kode = cell('code');
    if (!spec || kode.length !== spec.codeLength) {
      throw new Error(`${file} row ${n + 2}: level "${cell('level')}" / code "${kode}" is not a known level and code shape`);
    }
    if (cell('parent_code') !== parentCode(kode)) {
      throw new Error(`${file} row ${n + 2}: parent_code ${cell('parent_code')} does not match code ${kode}`);
    }
    return { kode, level: spec.level, nama: cell('name'), parent: cell('parent_code') };
  });
}

function readGzipJson<T>(file: string): T {
  return JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) as T;
}

/** All desa polygons, province by province in code order, sorted by kode so the build is stable. */
export function readDesa(sharedDir: string): AreaFeature[] {
  const dir = path.join(sharedDir, 'boundaries/desa');
  const files = fs.readdirSync(dir).filter((f) => /^desa_\d\d\.geojson\.gz$/.test(f)).sort();
  const features: AreaFeature[] = [];
  files.forEach((f, i) => {
    const fc = readGzipJson<FeatureCollection>(path.join(dir, f));
    for (const feature of fc.features) features.push(feature as AreaFeature);
    progress('read desa', `province ${f.slice(5, 7)} (${i + 1}/${files.length}): ${fc.features.length} desa`);
  });
  return features.sort((a, b) => (a.properties.kode < b.properties.kode ? -1 : 1));
}

/** The source's own kecamatan layer (generalised separately; used only to fill missing desa). */
export function readSourceKecamatan(sharedDir: string): AreaFeature[] {
  const fc = readGzipJson<FeatureCollection>(path.join(sharedDir, 'boundaries/source-upper/kecamatan.geojson.gz'));
  return (fc.features as AreaFeature[]).sort((a, b) => (a.properties.kode < b.properties.kode ? -1 : 1));
}

export function readLicense(sharedDir: string): string {
  return fs.readFileSync(path.join(sharedDir, 'boundaries/LICENSE-source.txt'), 'utf8');
}
