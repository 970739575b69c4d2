/**
 * Loading the committed geodata/ files for the tests (they need nothing outside the repository).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { fileURLToPath } from 'node:url';

export const GEODATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../geodata');
export const LEVELS = ['provinsi', 'kabkota', 'kecamatan', 'desa'] as const;
export type Level = (typeof LEVELS)[number];

export interface RegionRow {
  kode: string; level: string; nama: string; parent: string; has_geometry: string;
  min_lng: string; min_lat: string; max_lng: string; max_lat: string;
  label_lng: string; label_lat: string; area_km2: string;
}

export function readCsv(text: string): { header: string[]; rows: Record<string, string>[] } {
  const header = (parse(text, { to_line: 1 }) as string[][])[0] ?? [];
  const rows: Record<string, string>[] = parse(text, { columns: true, skip_empty_lines: true });
  return { header, rows };
}

let regionCache: { header: string[]; rows: RegionRow[] } | undefined;
export function regionIndex(): { header: string[]; rows: RegionRow[] } {
  if (!regionCache) {
    const text = zlib.gunzipSync(fs.readFileSync(path.join(GEODATA, 'regions.csv.gz'))).toString('utf8');
    const { header, rows } = readCsv(text);
    regionCache = { header, rows: rows as unknown as RegionRow[] };
  }
  return regionCache;
}

const archives = new Map<Level, Buffer>();
export function archive(level: Level): Buffer {
  let buf = archives.get(level);
  if (!buf) {
    buf = fs.readFileSync(path.join(GEODATA, 'tiles', `${level}.pmtiles`));
    archives.set(level, buf);
  }
  return buf;
}
