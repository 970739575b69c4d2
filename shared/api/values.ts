import { z } from 'zod';
import { apiSchemas, LEVELS, periodSchema, regionCodeSchema } from './common.ts';

/**
 * One region's value in GET /api/values. Fields at their usual value are left out to keep 83,762
 * desa small: `demo` unless true, `basis` unless a roll-up, numerator and denominator when unknown.
 */
export const compactValueSchema = z
  .object({
    value: z.number().meta({ description: 'Nilai, dibulatkan ke 4 desimal. Untuk indikator kategori: indeks ke `categories` indikator.', examples: [35.3] }),
    numerator: z.number().optional().meta({ description: 'Pembilang, untuk rasio yang diketahui pembilangnya.' }),
    denominator: z.number().optional().meta({ description: 'Penyebut, untuk rasio yang diketahui penyebutnya.' }),
    source: z.int().min(0).meta({ description: 'Indeks ke `sources` jawaban.', examples: [0] }),
    demo: z.literal(true).optional().meta({ description: 'Ada (true) hanya untuk data demonstrasi, yang bukan data nyata.' }),
    basis: z.literal('rollup').optional().meta({ description: 'Ada hanya bila nilai dihitung dari wilayah di bawahnya (agregasi).' }),
    reporting: z.int().min(0).optional().meta({ description: 'Agregasi: jumlah wilayah di bawah yang melapor.' }),
    expected: z.int().min(0).optional().meta({ description: 'Agregasi: jumlah wilayah di bawah yang diharapkan melapor.' }),
    distribution: z
      .array(z.int().min(0))
      .optional()
      .meta({ description: 'Agregasi indikator kategori: jumlah wilayah di bawah per kategori.' }),
    note: z.string().optional().meta({ description: 'Catatan untuk pembaca, mis. angka provinsi sebelum pemekaran 2022.' }),
    inheritedFrom: regionCodeSchema.optional().meta({ description: 'Kode wilayah sebelum pemekaran yang angkanya dipakai (data/crosswalk/).', examples: ['91'] }),
  })
  .meta({ description: 'Nilai satu wilayah.' })
  .register(apiSchemas, { id: 'RegionValue' });
export type CompactValue = z.infer<typeof compactValueSchema>;

/** GET /api/values */
export const valuesResponseSchema = z
  .object({
    indicator: z.string().meta({ description: 'Id indikator.', examples: ['prevalensi_stunting'] }),
    period: periodSchema,
    level: z.enum(LEVELS).meta({ description: 'Tingkat wilayah yang nilainya dikirim.' }),
    parent: regionCodeSchema.nullable().meta({ description: 'Wilayah yang diminta (`parent`, di tingkat mana pun di atas `level`), atau null untuk seluruh Indonesia.' }),
    unit: z.string().meta({ description: 'Satuan nilai.', examples: ['%'] }),
    sources: z.array(z.string()).meta({ description: 'Setiap sumber sekali; nilai merujuknya lewat indeks `source`.', examples: [['SSGI 2022, Kemenkes']] }),
    values: z.record(regionCodeSchema, compactValueSchema).meta({
      description: 'Nilai per kode wilayah Kemendagri. Wilayah tanpa nilai tidak dicantumkan ("tidak ada data").',
    }),
  })
  .meta({
    description: 'Nilai satu indikator dan periode untuk semua wilayah satu tingkat, dengan kunci kode Kemendagri.',
    examples: [
      {
        indicator: 'prevalensi_stunting',
        period: '2022',
        level: 'provinsi',
        parent: null,
        unit: '%',
        sources: ['SSGI 2022, Kemenkes'],
        values: {
          '53': { value: 35.3, source: 0 },
          '93': {
            value: 34.6,
            source: 0,
            inheritedFrom: '91',
            note: 'Angka Papua sebelum pemekaran 2022 (wilayah yang kini 91, 93, 94, 95), bukan angka Papua Selatan sendiri.',
          },
        },
      },
    ],
  })
  .register(apiSchemas, { id: 'Values' });
export type ValuesWire = z.infer<typeof valuesResponseSchema>;

/** The columns of GET /api/values.csv, in order. */
export const VALUES_CSV_COLUMNS = [
  'kode', 'nama', 'provinsi', 'kabkota', 'kecamatan', 'indikator', 'periode', 'nilai', 'pembilang', 'penyebut',
  'satuan', 'sumber', 'demonstrasi', 'dasar', 'melapor', 'dari', 'catatan',
] as const;
