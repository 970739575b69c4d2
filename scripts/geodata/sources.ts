/**
 * Reading the dev-machine inputs under `--shared` (default ../shared/data): the Kemendagri code list,
 * the per-province desa polygons, the source's own kecamatan layer and its list of missing desa.
 * Nothing here is read at run time by the server; only the build reads it.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
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

/** Minimal RFC 4180 line splitter: the code list quotes the two names that contain commas. */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { cells.push(cell); cell = ''; }
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** The code list, in file order (province, then its kab/kota, kecamatan and desa depth-first). */
export function readCodeList(sharedDir: string): CodeListRegion[] {
  const file = path.join(sharedDir, 'reference/wilayah_kemendagri_2025.csv');
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const header = splitCsvLine(lines[0] ?? '');
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${file}: column "${name}" missing (header: ${header.join(',')})`);
    return i;
  };
  const [iLevel, iCode, iName, iParent] = [col('level'), col('code'), col('name'), col('parent_code')];
  return lines.slice(1).map((line, n) => {
    const cells = splitCsvLine(line);
    const cell = (i: number) => cells[i] ?? '';
    const spec = LEVELS.find((l) => l.codeListName === cell(iLevel));
    const kode = cell(iCode);
    if (!spec || kode.length !== spec.codeLength) {
      throw new Error(`${file} row ${n + 2}: level "${cells[iLevel]}" / code "${kode}" is not a known level and code shape`);
    }
    if (cells[iParent] !== parentCode(kode)) {
      throw new Error(`${file} row ${n + 2}: parent_code ${cells[iParent]} does not match code ${kode}`);
    }
    return { kode, level: spec.level, nama: cell(iName), parent: cell(iParent) };
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
