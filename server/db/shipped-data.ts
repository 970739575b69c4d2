import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { LEVELS, readCatalogue } from '../catalogue.ts';
import { KEMENDAGRI_CODE_PATTERN } from '../region-code.ts';
import type { Database } from './client.ts';
import { bumpDataVersion } from './data-version.ts';
import { deleteRealSeriesOfOrigin } from './real-series.ts';

/**
 * Loads the data committed in the repository (region index, indicator catalogue, real published
 * figures) into the database. Runs at every start but only writes when the shipped files changed,
 * and then in one transaction, so a database is never left half-loaded.
 */
export interface ShippedDataPaths {
  geodataDir: string;
  dataDir: string;
}

const optionalNumber = z.string().transform((text) => (text === '' ? null : Number(text)));
const REGION_ROW = z.object({
  kode: z.string().regex(KEMENDAGRI_CODE_PATTERN),
  level: z.enum(['provinsi', 'kabkota', 'kecamatan', 'desa']),
  nama: z.string().min(1),
  parent: z.string().transform((text) => (text === '' ? null : text)),
  has_geometry: z.enum(['0', '1']).transform((flag) => flag === '1'),
  min_lng: optionalNumber,
  min_lat: optionalNumber,
  max_lng: optionalNumber,
  max_lat: optionalNumber,
  label_lng: optionalNumber,
  label_lat: optionalNumber,
  area_km2: optionalNumber,
});
const PREVALENCE_ROW = z.object({
  kode: z.string().min(1),
  level: z.enum(['nasional', 'provinsi', 'kabkota']),
  period: z.string().regex(/^\d{4}$/),
  value: z.coerce.number(),
  survey: z.string().min(1),
  source_url: z.string(),
  note: z.string(),
});

const NATIONAL = {
  kode: 'ID',
  level: 'nasional',
  nama: 'Indonesia',
  parent: null,
  has_geometry: true,
  min_lng: 94.97,
  min_lat: -11.01,
  max_lng: 141.02,
  max_lat: 6.08,
  label_lng: 117.5,
  label_lat: -2.5,
  area_km2: null,
};

function parseCsv<T extends z.ZodType>(text: string, schema: T, file: string): z.infer<T>[] {
  const records: unknown[] = parse(text, { columns: true });
  return records.map((record, index) => {
    const row = schema.safeParse(record);
    if (!row.success) throw new Error(`${file} line ${index + 2}: ${z.prettifyError(row.error)}`);
    return row.data;
  });
}

export async function loadShippedData(db: Database, paths: ShippedDataPaths, log: (line: string) => void = () => {}) {
  const regionsFile = join(paths.geodataDir, 'regions.csv.gz');
  const prevalenceFile = join(paths.dataDir, 'real', 'stunting_prevalence.csv');
  const regionsBytes = readFileSync(regionsFile);
  const prevalenceText = readFileSync(prevalenceFile, 'utf8');
  const indicators = readCatalogue(paths.dataDir);
  const checksum = createHash('sha256')
    .update(regionsBytes)
    .update(prevalenceText)
    .update(JSON.stringify(indicators))
    .digest('hex');

  const [loaded] = await db.sql<{ checksum: string }[]>`SELECT checksum FROM shipped_dataset WHERE name = 'core'`;
  if (loaded?.checksum === checksum) return { changed: false };

  const regions = parseCsv(gunzipSync(regionsBytes).toString('utf8'), REGION_ROW, regionsFile).sort(
    (a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || (a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0),
  );
  const prevalence = parseCsv(prevalenceText, PREVALENCE_ROW, prevalenceFile);
  log(`memuat data bawaan: ${regions.length} wilayah, ${prevalence.length} nilai prevalensi`);

  await db.sql.begin(async (sql) => {
    // The ordinal, a region's position within its level in code order, indexes the value arrays of
    // roll-ups and demonstration data.
    const ordinals = new Map<string, number>();
    const allRegions = [NATIONAL, ...regions].map((row) => {
      const ordinal = ordinals.get(row.level) ?? 0;
      ordinals.set(row.level, ordinal + 1);
      return { ...row, parent: row.level === 'nasional' ? null : (row.parent ?? 'ID'), ordinal };
    });
    // One statement with a column array each: far faster than multi-row VALUES, on PGlite above all.
    const column = <K extends keyof (typeof allRegions)[number]>(key: K) => allRegions.map((row) => row[key]);
    await sql`
      INSERT INTO region (kode, level, nama, parent, has_geometry, min_lng, min_lat, max_lng, max_lat, label_lng, label_lat, area_km2, ordinal)
      SELECT * FROM unnest(
        ${column('kode')}::text[], ${column('level')}::text[], ${column('nama')}::text[], ${column('parent')}::text[],
        ${column('has_geometry').map(String)}::text[]::boolean[], ${column('min_lng')}::float8[], ${column('min_lat')}::float8[],
        ${column('max_lng')}::float8[], ${column('max_lat')}::float8[], ${column('label_lng')}::float8[],
        ${column('label_lat')}::float8[], ${column('area_km2')}::float8[], ${column('ordinal')}::int[])
      ON CONFLICT (kode) DO UPDATE SET
        level = excluded.level, nama = excluded.nama, parent = excluded.parent,
        has_geometry = excluded.has_geometry, min_lng = excluded.min_lng, min_lat = excluded.min_lat,
        max_lng = excluded.max_lng, max_lat = excluded.max_lat, label_lng = excluded.label_lng,
        label_lat = excluded.label_lat, area_km2 = excluded.area_km2, ordinal = excluded.ordinal`;
    log(`  ${allRegions.length} wilayah dimuat`);
    for (const indicator of indicators) {
      await sql`
        INSERT INTO indicator ${sql(indicator)}
        ON CONFLICT (id) DO UPDATE SET
          nama = excluded.nama, name_en = excluded.name_en, unit = excluded.unit, kind = excluded.kind,
          direction = excluded.direction,
          -- a target an admin set (PUT /api/indicators/{id}/target) outlives the shipped one
          target = CASE WHEN indicator.target_edited_at IS NULL THEN excluded.target ELSE indicator.target END,
          target_year = CASE WHEN indicator.target_edited_at IS NULL THEN excluded.target_year ELSE indicator.target_year END,
          target_source = CASE WHEN indicator.target_edited_at IS NULL THEN excluded.target_source ELSE indicator.target_source END,
          kelompok = excluded.kelompok, sasaran = excluded.sasaran,
          jenis = excluded.jenis, source = excluded.source, levels = excluded.levels, sort_order = excluded.sort_order,
          categories = excluded.categories, from_year = excluded.from_year, to_year = excluded.to_year`;
    }
    // The arrays derived from the shipped values (real_series) are forgotten, before and after, so they
    // are read from the rows until an import of the same indicator and period rebuilds them.
    await deleteRealSeriesOfOrigin(sql, 'shipped');
    await sql`DELETE FROM observation WHERE origin = 'shipped'`;
    const observations = prevalence.map((row) => ({
      indicator_id: 'prevalensi_stunting',
      kode: row.kode,
      period: row.period,
      is_demo: false,
      value: row.value,
      numerator: null,
      denominator: null,
      source: `${row.survey}, Kemenkes`,
      source_url: row.source_url || null,
      note: row.note || null,
      origin: 'shipped',
    }));
    await sql`INSERT INTO observation ${sql(observations)}`;
    await deleteRealSeriesOfOrigin(sql, 'shipped');
    await bumpDataVersion(sql);
    await sql`
      INSERT INTO shipped_dataset (name, checksum) VALUES ('core', ${checksum})
      ON CONFLICT (name) DO UPDATE SET checksum = excluded.checksum, loaded_at = now()`;
  });
  return { changed: true };
}
