/**
 * Builds the real statistics and catalogues that ship with the product.
 *
 * Inputs  (dev machines only): ../shared/data/statistics/stunting_prevalence_{province,kabkota_partial}.csv
 *                              ../shared/data/catalogue/*.csv
 * Outputs (committed):         data/real/stunting_prevalence.csv   one tidy row per region and year
 *                              data/real/unmatched.csv             published rows with no safe code
 *                              data/catalogue/*.csv                 verbatim copies of the catalogues
 *                              data/catalogue/indicators.csv        the product's indicator catalogue
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
import { AKSI_2025_YEARS, AKSI_8_YEARS, AKSI_STATUS_CATEGORIES, ENGLISH_NAMES, PROGRAMME_INDICATORS, TARGET_FROM_ESSENTIAL } from './catalogue-curation.ts';

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

/** The product's catalogue: prevalence, the 31 coverage indicators and the programme indicators. */
const INTERVENTION_ROW = z.object({ kode: z.string(), kelompok_sasaran: z.string(), indikator: z.string(), jenis: z.string(), satuan: z.enum(['persen', 'jumlah']), arah: z.string() });
const ESSENTIAL_ROW = z.object({ no: z.string(), target_2024_nasional: z.string(), target_source: z.string() });
const readCatalogue = (file: string): unknown[] => parse(readFileSync(join(sharedDir, 'catalogue', file)), { columns: true });
const essentialTargets = new Map(
  readCatalogue('indikator_cakupan_esensial_29.csv')
    .map((record) => ESSENTIAL_ROW.parse(record))
    .filter((row) => row.target_2024_nasional !== '')
    .map((row) => [Number(row.no), { target: Number.parseFloat(row.target_2024_nasional), source: row.target_source }]),
);
const intervention = readCatalogue('indikator_intervensi_konvergensi_2025.csv').map((record, order) => {
  const row = INTERVENTION_ROW.parse(record);
  const english = ENGLISH_NAMES[row.kode];
  if (!english) throw new Error(`no English name for ${row.kode} in scripts/catalogue-curation.ts`);
  const essentialNo = TARGET_FROM_ESSENTIAL[row.kode];
  const target = essentialNo === undefined ? undefined : essentialTargets.get(essentialNo);
  const isCount = row.satuan === 'jumlah';
  return {
    id: row.kode,
    nama: row.indikator,
    name_en: english,
    unit: isCount ? 'kasus' : '%',
    kind: isCount ? 'count' : 'rate',
    // A count of pneumonia cases found has no better direction: more found can mean better screening.
    direction: row.arah === 'naik' ? 'higher' : 'none',
    target: target?.target ?? '',
    target_year: target ? 2024 : '',
    target_source: target?.source ?? '',
    kelompok: 'cakupan',
    sasaran: row.kelompok_sasaran,
    jenis: row.jenis,
    levels: 'provinsi|kabkota|kecamatan|desa',
    source: 'Ditjen Bina Pembangunan Daerah, Kemendagri (2025)',
    sort_order: 100 + order,
  };
});
const AKSI_8_ROW = z.object({ aksi_no: z.string(), nama_aksi_kemendagri_bimtek: z.string() });
const AKSI_2025_ROW = z.object({ jenis: z.enum(['aksi_utama', 'aksi_pendukung']), no: z.string(), nama: z.string() });
const aksiStatus = (id: string, nama: string, years: { from: number; to: number | '' }, order: number) => ({
  id, nama: `Status aksi: ${nama}`, name_en: `Action status: ${nama}`, unit: 'status', kind: 'category', direction: 'higher',
  target: '', target_year: '', target_source: '', kelompok: 'aksi', sasaran: '', jenis: '', levels: 'provinsi|kabkota',
  categories: AKSI_STATUS_CATEGORIES, from_year: years.from, to_year: years.to,
  source: 'Kemendagri (Ditjen Bina Bangda)', sort_order: order,
});
const aksi = [
  ...readCatalogue('aksi_konvergensi_8_aksi.csv').map((record, i) => {
    const row = AKSI_8_ROW.parse(record);
    return aksiStatus(`aksi_${row.aksi_no}`, `${row.aksi_no}. ${row.nama_aksi_kemendagri_bimtek}`, AKSI_8_YEARS, 300 + i);
  }),
  ...readCatalogue('aksi_konvergensi_2025_transformasi.csv').map((record, i) => {
    const row = AKSI_2025_ROW.parse(record);
    const [prefix, label] = row.jenis === 'aksi_utama' ? ['u', 'Aksi utama'] : ['p', 'Aksi pendukung'];
    return aksiStatus(`aksi_${prefix}${row.no}`, `${label} ${row.no}: ${row.nama}`, AKSI_2025_YEARS, 320 + i);
  }),
];
const catalogue = [
  {
    id: 'prevalensi_stunting', nama: 'Prevalensi stunting balita', name_en: 'Stunting prevalence among children under five',
    unit: '%', kind: 'survey_percent', direction: 'lower', target: 14, target_year: 2024, target_source: 'Perpres 72/2021',
    kelompok: 'prevalensi', sasaran: 'Balita 0-59 bulan', jenis: '', levels: 'provinsi|kabkota',
    source: 'SSGI 2021, 2022, 2024 dan SKI 2023, Kemenkes', sort_order: 0,
  },
  ...intervention,
  ...PROGRAMME_INDICATORS.map((indicator, order) => ({
    ...indicator, target: '', target_year: '', target_source: '', sasaran: '', jenis: '',
    source: 'Kemendagri (Ditjen Bina Bangda)', sort_order: 200 + order,
  })),
  ...aksi,
];
const COLUMNS = ['id', 'nama', 'name_en', 'unit', 'kind', 'direction', 'target', 'target_year', 'target_source', 'kelompok', 'sasaran', 'jenis', 'levels', 'categories', 'from_year', 'to_year', 'source', 'sort_order'];
writeFileSync(join(outDir, 'catalogue', 'indicators.csv'), stringify(catalogue, { header: true, columns: COLUMNS }));
console.log(`indicator catalogue: ${catalogue.length} indicators`);
