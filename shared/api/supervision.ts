import { z } from 'zod';
import { apiSchemas, LEVELS, periodSchema, regionCodeSchema, regionLevelSchema } from './common.ts';

/** Supervision: which children of a region lag behind (GET /api/regions/{kode}/lagging) and LISA clusters (GET /api/clusters). */

export const LAG_FLAGS = ['below_target', 'worse_than_parent', 'worse_than_previous', 'not_reporting'] as const;
export type LagFlagWire = (typeof LAG_FLAGS)[number];

export const lagReasonSchema = z
  .object({
    flag: z.enum(LAG_FLAGS).meta({ description: '`below_target`: belum mencapai target nasional; `worse_than_parent`: lebih buruk dari wilayah induk; `worse_than_previous`: lebih buruk dari periode sebelumnya; `not_reporting`: tidak (atau hanya sebagian) melapor.' }),
    reference: z.number().nullable().meta({ description: 'Angka pembanding: target, nilai induk, nilai periode sebelumnya, atau jumlah wilayah yang diharapkan melapor.' }),
    gap: z.number().nullable().meta({ description: 'Selisih ke arah buruk, dalam satuan indikator (positif = lebih buruk); null untuk tidak melapor.' }),
    text: z.string().meta({ description: 'Alasan dalam kata-kata (Bahasa Indonesia).', examples: ['di atas target 14% (20,1%)'] }),
  })
  .meta({ description: 'Satu alasan wilayah tertinggal.' })
  .register(apiSchemas, { id: 'LagReason' });

export const laggingChildSchema = z
  .object({
    kode: regionCodeSchema,
    nama: z.string(),
    value: z.number().nullable().meta({ description: 'Nilai periode ini; null bila tidak ada.' }),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    previous_value: z.number().nullable().meta({ description: 'Nilai periode sebelumnya (`previous_period`).' }),
    demo: z.boolean().meta({ description: 'true: data demonstrasi, bukan data nyata.' }),
    flags: z.int().min(0).meta({ description: 'Jumlah tanda tertinggal (0 = tidak tertinggal).' }),
    severity: z.number().meta({ description: 'Urutan kedesakan: jumlah tanda dulu, lalu selisih terbesar ke target atau induk. 0 bila tidak tertinggal.' }),
    reasons: z.array(lagReasonSchema),
  })
  .meta({ description: 'Satu wilayah anak dengan tanda-tandanya.' })
  .register(apiSchemas, { id: 'LaggingChild' });
export type LaggingChildWire = z.infer<typeof laggingChildSchema>;

export const laggingResponseSchema = z
  .object({
    region: z.object({ kode: regionCodeSchema, nama: z.string(), level: regionLevelSchema }).meta({ description: 'Wilayah yang anak-anaknya diperiksa.' }),
    level: z.enum(LEVELS).meta({ description: 'Tingkat anak-anaknya.' }),
    indicator: z.string().meta({ examples: ['prevalensi_stunting'] }),
    period: periodSchema,
    unit: z.string(),
    direction: z.enum(['higher', 'lower', 'none']).meta({ description: 'Arah yang lebih baik: `higher` (cakupan), `lower` (prevalensi), `none` (hanya tanda tidak melapor).' }),
    target: z.number().nullable().meta({ description: 'Target nasional indikator, bila ada.' }),
    parent_value: z.number().nullable().meta({ description: 'Nilai wilayah itu sendiri pada periode ini (pembanding `worse_than_parent`).' }),
    previous_period: periodSchema.nullable().meta({ description: 'Periode sebelumnya yang dipakai (`worse_than_previous`), atau null.' }),
    counts: z
      .object({
        children: z.int().min(0),
        flagged: z.int().min(0),
        below_target: z.int().min(0),
        worse_than_parent: z.int().min(0),
        worse_than_previous: z.int().min(0),
        not_reporting: z.int().min(0),
      })
      .meta({ description: 'Jumlah anak, yang bertanda, dan per tanda.' }),
    children: z.array(laggingChildSchema).meta({ description: 'Semua anak: yang tertinggal dulu (paling mendesak dulu), lalu yang tidak, urut kode.' }),
  })
  .meta({ description: 'Wilayah anak yang tertinggal, dengan alasannya.' })
  .register(apiSchemas, { id: 'Lagging' });
export type LaggingWire = z.infer<typeof laggingResponseSchema>;

/** The columns of the lagging work-list (CSV and XLSX), in order. */
export const LAGGING_EXPORT_COLUMNS = [
  'urutan', 'kode', 'nama', 'provinsi', 'kabkota', 'kecamatan', 'indikator', 'periode', 'nilai', 'pembilang', 'penyebut', 'satuan',
  'periode_sebelumnya', 'nilai_sebelumnya', 'nilai_induk', 'target', 'jumlah_tanda', 'tanda', 'demonstrasi',
] as const;

export const CLUSTERS = ['high-high', 'low-low', 'high-low', 'low-high', 'not-significant', 'no-neighbours'] as const;
export type ClusterWire = (typeof CLUSTERS)[number];

export const clusterValueSchema = z
  .object({
    cluster: z.enum(CLUSTERS).meta({ description: 'Kelompok LISA dalam arti nilai: `high-high` = nilai tinggi dikelilingi nilai tinggi; `high-low` = nilai tinggi di antara nilai rendah; dst.' }),
    localI: z.number().meta({ description: "Moran's I lokal." }),
    p: z.number().nullable().meta({ description: 'Nilai p semu dari permutasi; null tanpa tetangga.' }),
  })
  .register(apiSchemas, { id: 'ClusterValue' });

export const clustersResponseSchema = z
  .object({
    indicator: z.string().meta({ examples: ['prevalensi_stunting'] }),
    period: periodSchema,
    level: z.enum(LEVELS),
    parent: regionCodeSchema.nullable().meta({ description: 'Hanya wilayah di bawah wilayah ini; null: seluruh tingkat.' }),
    unit: z.string(),
    direction: z.enum(['higher', 'lower', 'none']).meta({ description: 'Arah yang lebih baik; menentukan apakah `high` berarti buruk atau baik.' }),
    method: z
      .object({
        weights: z.literal('queen').meta({ description: 'Ketetanggaan ratu: bersinggungan pada batas atau satu titik, dari topologi batas wilayah; bobot dibakukan per baris.' }),
        permutations: z.int().min(1),
        significance: z.number(),
        seed: z.int(),
      })
      .meta({ description: "Cara menghitung Moran's I lokal (Anselin 1995)." }),
    counts: z
      .object({
        'high-high': z.int().min(0),
        'low-low': z.int().min(0),
        'high-low': z.int().min(0),
        'low-high': z.int().min(0),
        'not-significant': z.int().min(0),
        'no-neighbours': z.int().min(0),
      })
      .meta({ description: 'Jumlah wilayah per kelompok.' }),
    regions_without_value: z.int().min(0).meta({ description: 'Wilayah tanpa nilai, yang tidak ikut dihitung.' }),
    regions: z.record(regionCodeSchema, clusterValueSchema).meta({ description: 'Per kode wilayah yang punya nilai.' }),
  })
  .meta({ description: "Kelompok spasial (LISA, Moran's I lokal) satu indikator." })
  .register(apiSchemas, { id: 'Clusters' });
export type ClustersWire = z.infer<typeof clustersResponseSchema>;
