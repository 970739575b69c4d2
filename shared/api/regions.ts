import { z } from 'zod';
import { apiSchemas, LEVELS, periodSchema, regionCodeSchema, regionLevelSchema, regionRefSchema } from './common.ts';

const bboxSchema = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .meta({ description: 'Kotak batas [bujur barat, lintang selatan, bujur timur, lintang utara] (WGS 84).', examples: [[118.927, -11.0076, 125.1933, -7.7787]] });
export type BBox = z.infer<typeof bboxSchema>;

/** GET /api/regions/{kode} without a period. */
export const regionSchema = z
  .object({
    kode: regionCodeSchema,
    level: regionLevelSchema,
    nama: z.string().meta({ examples: ['Kabupaten Sumba Barat'] }),
    parent: regionCodeSchema.nullable().meta({ description: 'Kode induk; `ID` untuk provinsi, null untuk Indonesia.' }),
    has_geometry: z.boolean().meta({ description: 'false: wilayah ada di daftar kode tetapi batasnya belum tersedia.' }),
    bbox: bboxSchema.nullable(),
    label: z
      .tuple([z.number(), z.number()])
      .nullable()
      .meta({ description: 'Titik label [bujur, lintang] di dalam wilayah.', examples: [[119.3, -9.6]] }),
    area_km2: z.number().nullable().meta({ description: 'Luas dalam km².' }),
    ancestors: z.array(regionRefSchema).meta({ description: 'Wilayah di atasnya, dari Indonesia sampai induknya.' }),
    children: z
      .object({ level: regionLevelSchema, count: z.int().min(0) })
      .nullable()
      .meta({ description: 'Tingkat dan jumlah wilayah di bawahnya; null untuk desa/kelurahan.' }),
  })
  .meta({ description: 'Satu wilayah dengan leluhurnya, kotak batas, titik label dan jumlah wilayah di bawahnya.' })
  .register(apiSchemas, { id: 'Region' });
export type Region = z.infer<typeof regionSchema>;

/** One indicator of a region profile (server/values/region-profile.ts). */
export const indicatorProfileSchema = z
  .object({
    id: z.string().meta({ examples: ['prevalensi_stunting'] }),
    nama: z.string(),
    unit: z.string(),
    kelompok: z.string(),
    value: z.number().nullable().meta({ description: 'Nilai wilayah pada periode ini; null bila tidak ada data.' }),
    demo: z.boolean().meta({ description: 'true untuk data demonstrasi.' }),
    basis: z.enum(['direct', 'rollup']).nullable().meta({ description: '`direct` dilaporkan untuk wilayah ini, `rollup` dihitung dari wilayah di bawahnya.' }),
    source: z.string().nullable(),
    note: z.string().nullable(),
    rank: z.int().min(1).nullable().meta({ description: 'Peringkat di antara wilayah setingkat dengan induk sama (1 = terbaik menurut arah indikator).' }),
    ranked_among: z.int().min(0).meta({ description: 'Jumlah wilayah setingkat yang diperingkat.' }),
    parent_value: z.number().nullable().meta({ description: 'Nilai wilayah induk pada periode ini.' }),
    target: z.number().nullable().meta({ description: 'Target nasional, bila ada.' }),
    trend: z
      .array(z.object({ period: periodSchema, value: z.number().nullable(), demo: z.boolean() }))
      .meta({ description: 'Nilai wilayah di setiap periode indikator.' }),
  })
  .meta({ description: 'Satu indikator dalam profil wilayah.' })
  .register(apiSchemas, { id: 'IndicatorProfile' });

/** GET /api/regions/{kode}?period= */
export const regionProfileSchema = regionSchema
  .extend({
    period: periodSchema,
    indicators: z.array(indicatorProfileSchema).meta({ description: 'Setiap indikator yang tersedia di tingkat wilayah ini.' }),
  })
  .meta({ description: 'Wilayah beserta setiap indikatornya pada satu periode: nilai, peringkat, nilai induk, target dan tren.' })
  .register(apiSchemas, { id: 'RegionProfile' });

/** GET /api/regions/{kode}/children */
export const childrenSchema = z
  .object({
    parent: regionCodeSchema,
    children: z.array(
      z.object({
        kode: regionCodeSchema,
        level: regionLevelSchema,
        nama: z.string(),
        has_geometry: z.boolean().meta({ description: 'false: "batas wilayah belum tersedia".' }),
        label: regionSchema.shape.label,
        area_km2: regionSchema.shape.area_km2,
      }),
    ),
  })
  .meta({
    description: 'Wilayah langsung di bawah satu wilayah, urut kode.',
    examples: [{ parent: '51.71.01', children: [{ kode: '51.71.01.1001', level: 'desa', nama: 'Serangan', has_geometry: true, label: [115.234069, -8.730887], area_km2: 5.854 }] }],
  })
  .register(apiSchemas, { id: 'RegionChildren' });
export type ChildRegion = z.infer<typeof childrenSchema>['children'][number];

/** GET /api/search */
export const searchResponseSchema = z
  .object({
    q: z.string().meta({ description: 'Teks yang dicari, tanpa spasi di awal dan akhir.', examples: ['sukamaju'] }),
    hits: z.array(
      z
        .object({
          kode: regionCodeSchema,
          level: z.enum(LEVELS),
          nama: z.string(),
          ancestors: z.array(regionRefSchema).meta({ description: 'Dari provinsi sampai induknya.' }),
          match: z.enum(['exact', 'prefix', 'typo', 'code']).meta({ description: 'Cara cocok: nama persis, awalan, salah ketik, atau kode.' }),
          label: z.string().meta({ description: 'Pembeda untuk manusia.', examples: ['Sukamaju — Kab. Luwu Utara, Sulawesi Selatan'] }),
        })
        .meta({ description: 'Satu wilayah yang cocok.' }),
    ),
  })
  .meta({
    description: 'Wilayah yang cocok, yang paling cocok dulu.',
    examples: [
      {
        q: 'sukamaju',
        hits: [
          {
            kode: '73.22.06',
            level: 'kecamatan',
            nama: 'Sukamaju',
            ancestors: [
              { kode: '73', level: 'provinsi', nama: 'Sulawesi Selatan' },
              { kode: '73.22', level: 'kabkota', nama: 'Kabupaten Luwu Utara' },
            ],
            match: 'exact',
            label: 'Sukamaju — Kab. Luwu Utara, Sulawesi Selatan',
          },
        ],
      },
    ],
  })
  .register(apiSchemas, { id: 'SearchResults' });
