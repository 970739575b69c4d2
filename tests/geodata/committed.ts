/**
 * Loading the committed geodata/ files for the tests (they need nothing outside the repository).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const GEODATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../geodata');
export const LEVELS = ['provinsi', 'kabkota', 'kecamatan', 'desa'] as const;
export type Level = (typeof LEVELS)[number];

export interface RegionRow {
  kode: string; level: string; nama: string; parent: string; has_geometry: string;
  min_lng: string; min_lat: string; max_lng: string; max_lat: string;
  label_lng: string; label_lat: string; area_km2: string;
}

/** Splits one CSV line (RFC 4180 quoting). */
export function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { cells.push(cell); cell = ''; } else cell += c;
  }
  cells.push(cell);
  return cells;
}

export function readCsv(text: string): { header: string[]; rows: Record<string, string>[] } {
  const lines = text.split('\n').filter((l) => l.length > 0);
  const header = csvCells(lines[0] ?? '');
  const rows = lines.slice(1).map((l) => {
    const cells = csvCells(l);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])) as Record<string, string>;
  });
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
