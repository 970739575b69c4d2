import { z } from 'zod';
import { apiSchemas, periodSchema, regionCodeSchema } from './common.ts';

const changedPair = z.object({ indicator: z.string(), period: periodSchema });

/** POST /api/imports: what was (or, for a dry run, would be) written. */
export const importResultSchema = z
  .object({
    ok: z.literal(true),
    dryRun: z.boolean().meta({ description: 'true: uji coba (`dry_run=1`), tidak ada yang disimpan.' }),
    format: z.enum(['long', 'wide']).meta({ description: 'Bentuk berkas yang terbaca: panjang (satu baris per nilai) atau lebar (satu kolom per indikator).' }),
    summary: z.object({
      batchId: z.int().positive().nullable().meta({ description: 'Nomor batch impor; null untuk uji coba.' }),
      rowCount: z.int().min(0).meta({ description: 'Jumlah nilai dalam berkas.' }),
      inserted: z.int().min(0).meta({ description: 'Nilai baru.' }),
      updated: z.int().min(0).meta({ description: 'Nilai yang diganti.' }),
      unchanged: z.int().min(0).meta({ description: 'Nilai yang sama dengan yang sudah ada.' }),
      sample: z
        .array(z.object({ kode: regionCodeSchema, indicator: z.string(), period: periodSchema, before: z.number().nullable(), after: z.number() }))
        .meta({ description: 'Perubahan pertama, untuk diperiksa sebelum impor sungguhan.' }),
      touched: z.array(changedPair).meta({ description: 'Pasangan indikator dan periode yang agregasinya dihitung ulang.' }),
    }),
  })
  .meta({
    description: 'Hasil impor atau uji coba impor.',
    examples: [
      {
        ok: true,
        dryRun: true,
        format: 'long',
        summary: {
          batchId: null,
          rowCount: 1,
          inserted: 1,
          updated: 0,
          unchanged: 0,
          sample: [{ kode: '51.71.01.1001', indicator: 'IH-1', period: '2024', before: null, after: 90 }],
          touched: [{ indicator: 'IH-1', period: '2024' }],
        },
      },
    ],
  })
  .register(apiSchemas, { id: 'ImportResult' });

/** GET /api/imports */
export const importBatchesSchema = z
  .object({
    batches: z.array(
      z.object({
        id: z.int().positive(),
        created_at: z.iso.datetime({ offset: true }),
        created_by: z.string(),
        filename: z.string(),
        file_sha256: z.string().regex(/^[0-9a-f]{64}$/),
        format: z.enum(['long', 'wide']),
        row_count: z.int().min(0),
        inserted_count: z.int().min(0),
        updated_count: z.int().min(0),
        unchanged_count: z.int().min(0),
        rolled_back_at: z.iso.datetime({ offset: true }).nullable().meta({ description: 'Kapan batch dibatalkan; null bila masih berlaku.' }),
        user_id: z.int().positive().nullable().meta({ description: 'Akun yang mengimpor; null untuk token impor atau baris perintah.' }),
        region_scope: regionCodeSchema.nullable().meta({ description: 'Wilayah terkecil yang memuat semua baris batch.' }),
      }),
    ),
  })
  .meta({ description: 'Batch impor, yang terbaru dulu (paling banyak 200).' })
  .register(apiSchemas, { id: 'ImportBatches' });

/** POST /api/imports/{id}/rollback */
export const rollbackResultSchema = z
  .object({ rolledBack: z.int().positive().meta({ description: 'Nomor batch yang dibatalkan.', examples: [3] }) })
  .meta({ description: 'Batch yang dibatalkan: nilainya dihapus dan nilai yang digantinya dipulihkan.' })
  .register(apiSchemas, { id: 'RollbackResult' });
