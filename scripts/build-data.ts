/**
 * Builds the real statistics and catalogues that ship with the product.
 *
 * Inputs  (dev machines only): ../shared/data/statistics/stunting_prevalence_{province,kabkota_partial}.csv
 *                              ../shared/data/catalogue/*.csv
 * Outputs (committed):         data/real/stunting_prevalence.csv   one tidy row per region and year
 *                              data/real/unmatched.csv             published rows with no safe code
 *                              data/catalogue/*.csv                 verbatim copies of the catalogues
 *
 * Usage: npm run build:data [-- --shared ../shared/data]
 *
 * Only rows that carry a Kemendagri code are shipped; the source leaves the code blank where a name
 * was published twice and could not be matched safely, and those rows are listed in unmatched.csv
 * instead of being guessed.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';

const { values: args } = parseArgs({ options: { shared: { type: 'string', default: '../shared/data' } } });
const sharedDir = resolve(args.shared);
const outDir = resolve('data');

const PUBLISHED_ROW = z.object({
  level: z.enum(['nasional', 'provinsi', 'kabupaten_kota']),
  code: z.string(),
  name: z.string(),
  year: z.string().regex(/^\d{4}$/),
  indicator: z.string(),
  value: z.string(),
  survey: z.string(),
  source: z.string(),
  note: z.string(),
});

/** The source's indicator name for prevalence of stunted under-fives (TB/U < -2 SD). */
const SOURCE_PREVALENCE = 'prevalensi_balita_stunting_TB_U';
const LEVEL_NAMES = { nasional: 'nasional', provinsi: 'provinsi', kabupaten_kota: 'kabkota' } as const;
const CATALOGUE_FILES = [
  'indikator_intervensi_konvergensi_2025.csv',
  'indikator_cakupan_esensial_29.csv',
  'aksi_konvergensi_8_aksi.csv',
  'aksi_konvergensi_2025_transformasi.csv',
];

function readPublished(file: string) {
  const records: unknown[] = parse(readFileSync(join(sharedDir, 'statistics', file)), { columns: true });
  return records.map((record, index) => {
    const row = PUBLISHED_ROW.safeParse(record);
    if (!row.success) throw new Error(`${file} row ${index + 2}: ${row.error.message}`);
    return row.data;
  });
}

const published = [
  ...readPublished('stunting_prevalence_province.csv'),
  ...readPublished('stunting_prevalence_kabkota_partial.csv'),
].filter((row) => row.indicator === SOURCE_PREVALENCE);

const shipped = published
  .filter((row) => row.level === 'nasional' || row.code !== '')
  .map((row) => ({
    kode: row.level === 'nasional' ? 'ID' : row.code,
    level: LEVEL_NAMES[row.level],
    period: row.year,
    value: Number(row.value).toFixed(1),
    survey: row.survey,
    source_url: row.source,
    note: row.note,
  }))
  .sort((a, b) => a.period.localeCompare(b.period) || a.kode.localeCompare(b.kode));
const unmatched = published.filter((row) => row.level !== 'nasional' && row.code === '');

mkdirSync(join(outDir, 'real'), { recursive: true });
mkdirSync(join(outDir, 'catalogue'), { recursive: true });
writeFileSync(join(outDir, 'real', 'stunting_prevalence.csv'), stringify(shipped, { header: true }));
writeFileSync(
  join(outDir, 'real', 'unmatched.csv'),
  stringify(
    unmatched.map(({ name, year, value, survey, note }) => ({ name, year, value, survey, note })),
    { header: true },
  ),
);
for (const file of CATALOGUE_FILES) copyFileSync(join(sharedDir, 'catalogue', file), join(outDir, 'catalogue', file));

console.log(`stunting prevalence: ${shipped.length} rows shipped, ${unmatched.length} unmatched rows listed`);
console.log(`catalogue: ${CATALOGUE_FILES.length} files copied`);
