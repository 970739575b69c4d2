import type { Database } from './client.ts';

export interface RegionRecord {
  kode: string;
  level: string;
  nama: string;
  parent: string | null;
  has_geometry: boolean;
  bbox: [number, number, number, number] | null;
  label: [number, number] | null;
  area_km2: number | null;
}

interface RegionRow {
  kode: string;
  level: string;
  nama: string;
  parent: string | null;
  has_geometry: boolean;
  min_lng: number | null;
  min_lat: number | null;
  max_lng: number | null;
  max_lat: number | null;
  label_lng: number | null;
  label_lat: number | null;
  area_km2: number | null;
}

function toRecord(row: RegionRow): RegionRecord {
  const { min_lng, min_lat, max_lng, max_lat, label_lng, label_lat } = row;
  return {
    kode: row.kode,
    level: row.level,
    nama: row.nama,
    parent: row.parent,
    has_geometry: row.has_geometry,
    bbox: min_lng === null || min_lat === null || max_lng === null || max_lat === null ? null : [min_lng, min_lat, max_lng, max_lat],
    label: label_lng === null || label_lat === null ? null : [label_lng, label_lat],
    area_km2: row.area_km2,
  };
}

export async function findRegion({ sql }: Database, kode: string): Promise<RegionRecord | undefined> {
  const [row] = await sql<RegionRow[]>`SELECT * FROM region WHERE kode = ${kode}`;
  return row && toRecord(row);
}

/** The region's ancestors, from Indonesia down to its parent. */
export async function findAncestors({ sql }: Database, kode: string): Promise<Pick<RegionRecord, 'kode' | 'level' | 'nama'>[]> {
  const rows = await sql<{ kode: string; level: string; nama: string; depth: number }[]>`
    WITH RECURSIVE chain AS (
      SELECT parent AS kode, 1 AS depth FROM region WHERE kode = ${kode}
      UNION ALL
      SELECT r.parent, c.depth + 1 FROM region r JOIN chain c ON r.kode = c.kode WHERE r.parent IS NOT NULL
    )
    SELECT r.kode, r.level, r.nama, c.depth FROM chain c JOIN region r ON r.kode = c.kode
    ORDER BY c.depth DESC`;
  return rows.map(({ kode: code, level, nama }) => ({ kode: code, level, nama }));
}

export async function countChildren({ sql }: Database, kode: string): Promise<{ level: string; count: number } | null> {
  const [row] = await sql<{ level: string; count: number }[]>`
    SELECT level, count(*)::int AS count FROM region WHERE parent = ${kode} GROUP BY level`;
  return row ?? null;
}

/** A region's children, with the label point and area the map needs to write their names and draw circles. */
export async function listChildren(
  { sql }: Database,
  kode: string,
  /** The regions of this level inside `kode` instead of its direct children (the caller checks it is below). */
  level?: string,
): Promise<(Pick<RegionRecord, 'kode' | 'level' | 'nama' | 'has_geometry' | 'label' | 'area_km2'>)[]> {
  // Codes nest by prefix ("32.01" holds "32.01.05.2001"); a validated code has no LIKE wildcards.
  const inside = level === undefined ? sql`parent = ${kode}` : kode === 'ID' ? sql`level = ${level}` : sql`level = ${level} AND kode LIKE ${`${kode}.%`}`;
  const rows = await sql<Pick<RegionRow, 'kode' | 'level' | 'nama' | 'has_geometry' | 'label_lng' | 'label_lat' | 'area_km2'>[]>`
    SELECT kode, level, nama, has_geometry, label_lng, label_lat, area_km2 FROM region WHERE ${inside} ORDER BY kode`;
  return rows.map(({ label_lng, label_lat, ...child }) => ({
    ...child,
    label: label_lng === null || label_lat === null ? null : [label_lng, label_lat],
  }));
}

/**
 * The regions of a level (optionally only those below `parent`, a region of any level above) with the
 * names of their ancestors. A region's code starts with its parent's code and a dot (checked by
 * tests/geodata), so the descendants of a region further up are those with its code as prefix.
 */
export async function namesWithAncestors(
  { sql }: Database,
  query: { level: string; parent?: string | undefined },
): Promise<{ kode: string; nama: string; provinsi: string | null; kabkota: string | null; kecamatan: string | null }[]> {
  const { parent } = query;
  const depth = (kode: string) => (kode === 'ID' ? 0 : kode.split('.').length);
  const levelDepth = ['nasional', 'provinsi', 'kabkota', 'kecamatan', 'desa'].indexOf(query.level);
  const parentFilter =
    !parent || parent === 'ID'
      ? sql``
      : depth(parent) === levelDepth - 1
        ? sql`AND r.parent = ${parent}`
        : sql`AND starts_with(r.kode, ${`${parent}.`})`;
  return sql`
    WITH named AS (
      SELECT r.kode, r.nama, a1.level AS l1, a1.nama AS n1, a2.level AS l2, a2.nama AS n2, a3.level AS l3, a3.nama AS n3
      FROM region r
      LEFT JOIN region a1 ON a1.kode = r.parent
      LEFT JOIN region a2 ON a2.kode = a1.parent
      LEFT JOIN region a3 ON a3.kode = a2.parent
      WHERE r.level = ${query.level} ${parentFilter}
    )
    SELECT kode, nama,
      CASE 'provinsi' WHEN l1 THEN n1 WHEN l2 THEN n2 WHEN l3 THEN n3 END AS provinsi,
      CASE 'kabkota' WHEN l1 THEN n1 WHEN l2 THEN n2 WHEN l3 THEN n3 END AS kabkota,
      CASE 'kecamatan' WHEN l1 THEN n1 WHEN l2 THEN n2 WHEN l3 THEN n3 END AS kecamatan
    FROM named ORDER BY kode`;
}

/** Per level: how many regions have a polygon, and the bbox of all of them (measured on the unsimplified polygons). */
export async function levelExtents({ sql }: Database): Promise<{ level: string; count: number; bbox: [number, number, number, number] }[]> {
  const rows = await sql<{ level: string; count: number; min_lng: number; min_lat: number; max_lng: number; max_lat: number }[]>`
    SELECT level, count(*)::int AS count, min(min_lng) AS min_lng, min(min_lat) AS min_lat, max(max_lng) AS max_lng, max(max_lat) AS max_lat
    FROM region WHERE has_geometry AND level <> 'nasional' GROUP BY level`;
  return rows.map(({ level, count, min_lng, min_lat, max_lng, max_lat }) => ({ level, count, bbox: [min_lng, min_lat, max_lng, max_lat] }));
}
