import { z } from 'zod';
import { apiSchemas, periodSchema, regionCodeSchema } from './common.ts';

/**
 * The convergence actions (aksi konvergensi) of the kab/kota: a national summary per year
 * (GET /api/aksi/summary) and one row per kab/kota (GET /api/aksi). Statuses, scores and categories
 * are demonstration data; only the participation counts per year are real (Kemendagri).
 */

const aksiRefSchema = z
  .object({
    id: z.string().meta({ examples: ['aksi_1'] }),
    nama: z.string().meta({ description: 'Nama aksi (tanpa awalan "Status aksi:").', examples: ['1. Analisis Situasi'] }),
    name_en: z.string().meta({ examples: ['1. Analisis Situasi'] }),
  })
  .meta({ description: 'Satu aksi konvergensi.' })
  .register(apiSchemas, { id: 'AksiRef' });

const demoSchema = z.boolean().meta({ description: 'true: status, skor dan kategori adalah data demonstrasi, bukan data nyata.' });

export const aksiSummarySchema = z
  .object({
    statuses: z.array(z.string()).meta({ description: 'Nama status, urutan indeks `counts`.', examples: [['Belum', 'Proses', 'Selesai']] }),
    categories: z.array(z.string()).meta({ description: 'Kategori kinerja, urutan indeks `categories` tiap tahun.', examples: [['Bertumbuh', 'Berkembang', 'Berdaya']] }),
    total: z.int().min(0).meta({ description: 'Jumlah kab/kota di Indonesia.', examples: [514] }),
    participation_source: z.string().meta({ description: 'Sumber jumlah kab/kota peserta per tahun (angka nyata).' }),
    years: z.array(
      z.object({
        period: periodSchema,
        participating: z.int().min(0).meta({ description: 'Kab/kota yang memiliki status aksi tahun itu.', examples: [345] }),
        demo: demoSchema,
        categories: z.array(z.int().min(0)).meta({ description: 'Jumlah kab/kota per kategori kinerja.' }),
        aksi: z.array(
          aksiRefSchema.extend({
            counts: z.array(z.int().min(0)).meta({ description: 'Jumlah kab/kota per status (Belum, Proses, Selesai).', examples: [[40, 120, 185]] }),
          }),
        ),
      }),
    ),
  })
  .meta({ description: 'Ringkasan nasional aksi konvergensi per tahun.' })
  .register(apiSchemas, { id: 'AksiSummary' });
export type AksiSummary = z.infer<typeof aksiSummarySchema>;

export const aksiTableSchema = z
  .object({
    period: periodSchema,
    parent: regionCodeSchema.nullable().meta({ description: 'Provinsi yang diminta, atau null untuk seluruh Indonesia.' }),
    demo: demoSchema,
    statuses: z.array(z.string()).meta({ examples: [['Belum', 'Proses', 'Selesai']] }),
    categories: z.array(z.string()).meta({ examples: [['Bertumbuh', 'Berkembang', 'Berdaya']] }),
    aksi: z.array(aksiRefSchema).meta({ description: 'Aksi tahun itu, urutan kolom `status` tiap baris.' }),
    rows: z.array(
      z.object({
        kode: regionCodeSchema,
        nama: z.string().meta({ examples: ['Kabupaten Sumba Barat'] }),
        provinsi: regionCodeSchema,
        provinsi_nama: z.string().meta({ examples: ['Nusa Tenggara Timur'] }),
        status: z
          .array(z.int().min(0).max(2).nullable())
          .meta({ description: 'Status tiap aksi sebagai indeks ke `statuses`; null bila kab/kota tidak ikut tahun itu.' }),
        selesai: z.int().min(0).nullable().meta({ description: 'Jumlah aksi berstatus Selesai.' }),
        skor: z.number().nullable().meta({ description: 'Skor kinerja.' }),
        kategori: z.int().min(0).nullable().meta({ description: 'Kategori kinerja sebagai indeks ke `categories`.' }),
      }),
    ),
  })
  .meta({ description: 'Status aksi konvergensi per kab/kota untuk satu tahun.' })
  .register(apiSchemas, { id: 'AksiTable' });
export type AksiTable = z.infer<typeof aksiTableSchema>;
