import { z } from 'zod';
import { apiSchemas, LEVELS, periodSchema } from './common.ts';

/** How values of an indicator combine across regions (server/values/rollup.ts). */
export const INDICATOR_KINDS = ['survey_percent', 'rate', 'rate_per_unit', 'count', 'money', 'score', 'category'] as const;
export const KELOMPOK = ['prevalensi', 'cakupan', 'kinerja', 'anggaran', 'pelaporan', 'aksi'] as const;

const nullableYear = z.int().min(1900).max(2100).nullable();

/** One indicator of the catalogue (data/catalogue/indicators.csv) with the periods that have values. */
export const indicatorSchema = z
  .object({
    id: z.string().meta({ description: 'Id indikator, dipakai di parameter `indicator`.', examples: ['prevalensi_stunting'] }),
    nama: z.string().meta({ description: 'Nama indikator.', examples: ['Prevalensi stunting balita'] }),
    name_en: z.string().meta({ description: 'Name in English.', examples: ['Stunting prevalence among children under five'] }),
    unit: z.string().meta({ description: 'Satuan nilai.', examples: ['%', 'Rp', 'kasus', 'skor', 'kategori'] }),
    kind: z.enum(INDICATOR_KINDS).meta({
      description:
        'Jenis nilai, yang menentukan agregasi: `rate` dijumlahkan pembilang dan penyebutnya, `count` dan `money` dijumlahkan, `score` dirata-ratakan, `category` menjadi sebaran.',
    }),
    direction: z.enum(['higher', 'lower', 'none']).meta({ description: 'Arah yang lebih baik: nilai lebih tinggi, lebih rendah, atau tidak ada.' }),
    target: z.number().nullable().meta({ description: 'Target nasional, bila ada.', examples: [14] }),
    target_year: nullableYear.meta({ description: 'Tahun target.', examples: [2024] }),
    target_source: z.string().nullable().meta({ description: 'Dasar target.', examples: ['Perpres 72/2021'] }),
    kelompok: z.enum(KELOMPOK).meta({ description: 'Kelompok indikator.' }),
    sasaran: z.string().meta({ description: 'Kelompok sasaran indikator cakupan; kosong untuk yang lain.', examples: ['Balita 0-59 bulan'] }),
    jenis: z.string().nullable().meta({ description: 'Intervensi `spesifik` atau `sensitif`; null bila tidak berlaku.', examples: ['spesifik'] }),
    levels: z.array(z.enum(LEVELS)).meta({ description: 'Tingkat wilayah yang memiliki nilai indikator ini.' }),
    categories: z
      .string()
      .nullable()
      .meta({ description: 'Untuk indikator kategori: label kategori dipisah `|`; nilai adalah indeks ke daftar ini.', examples: ['Bertumbuh|Berkembang|Berdaya'] }),
    from_year: nullableYear.meta({ description: 'Tahun pertama indikator berlaku (null: terbuka).' }),
    to_year: nullableYear.meta({ description: 'Tahun terakhir indikator berlaku (null: terbuka).' }),
    source: z.string().meta({ description: 'Sumber data.', examples: ['SSGI 2021, 2022, 2024 dan SKI 2023, Kemenkes'] }),
    sort_order: z.int().meta({ description: 'Urutan tampil.' }),
    periods: z.array(periodSchema).meta({ description: 'Periode yang memiliki nilai, dari yang terlama.', examples: [['2021', '2022', '2023', '2024']] }),
    default_period: periodSchema.nullable().meta({
      description: 'Periode yang ditampilkan pertama: yang terbaru dengan nilai untuk sedikitnya 80% provinsi.',
      examples: ['2022'],
    }),
  })
  .meta({ description: 'Satu indikator katalog, dengan periode yang memiliki nilai.' })
  .register(apiSchemas, { id: 'Indicator' });
export type Indicator = z.infer<typeof indicatorSchema>;

/** GET /api/indicators */
export const indicatorsResponseSchema = z
  .object({
    indicators: z.array(indicatorSchema),
    last_import: z.iso.datetime({ offset: true }).nullable().meta({
      description: 'Waktu impor data terakhir yang masih berlaku (ISO 8601); null bila belum ada impor (hanya data bawaan).',
      examples: ['2026-11-27T03:12:45.000Z'],
    }),
  })
  .meta({ description: 'Katalog indikator, urut seperti di peta, dan waktu impor data terakhir.' })
  .register(apiSchemas, { id: 'IndicatorList' });
