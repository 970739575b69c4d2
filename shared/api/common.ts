import { z } from 'zod';

/**
 * What the server's responses look like, in one place: the server documents them (GET /api/openapi.json,
 * built by server/openapi/) and the browser parses every response with them (web/api/client.ts).
 * This folder may import nothing but zod: it is bundled into the web app.
 *
 * Every response body schema is registered in `apiSchemas` under the name it has in the OpenAPI
 * document's components; descriptions are in Bahasa Indonesia, like the rest of the product.
 */
export const apiSchemas = z.registry<{ id: string }>();

/** The four administrative levels, top down; a region of one level is the parent of the next. */
export const LEVELS = ['provinsi', 'kabkota', 'kecamatan', 'desa'] as const;
export type Level = (typeof LEVELS)[number];

/** A region's level: one of LEVELS, or `nasional` for Indonesia itself (code `ID`). */
export const regionLevelSchema = z.enum(['nasional', ...LEVELS]).meta({ description: 'Tingkat wilayah; `nasional` hanya untuk Indonesia (kode `ID`).' });

/** A dotted Kemendagri code (Kepmendagri 300.2.2-2138/2025), or ID for the whole of Indonesia. */
export const REGION_CODE_PATTERN = /^(ID|\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?)$/;

export const regionCodeSchema = z
  .string()
  .regex(REGION_CODE_PATTERN)
  .meta({ description: 'Kode wilayah Kemendagri bertitik (Kepmendagri 300.2.2-2138/2025), atau `ID` untuk Indonesia.', examples: ['53.01'] });

export const periodSchema = z.string().regex(/^\d{4}$/).meta({ description: 'Periode: tahun empat angka.', examples: ['2022'] });

/** A region named with its code and level: in ancestors lists and search hits. */
export const regionRefSchema = z
  .object({ kode: regionCodeSchema, level: regionLevelSchema, nama: z.string().meta({ examples: ['Nusa Tenggara Timur'] }) })
  .meta({ description: 'Wilayah dengan kode, tingkat dan nama.' })
  .register(apiSchemas, { id: 'RegionRef' });

/** One problem in an imported file, line by line. */
export const importProblemSchema = z
  .object({
    line: z.int().min(1).meta({ description: 'Baris berkas (mulai 1); masalah berkas secara utuh ada di baris 1.' }),
    column: z.string().meta({ description: 'Judul kolom seperti tertulis di berkas (atau yang diharapkan bila kolom tidak ada).' }),
    value: z.string().meta({ description: 'Isi sel yang bermasalah.' }),
    reason: z.string().meta({ description: 'Apa yang salah, dalam Bahasa Indonesia.' }),
    suggestion: z.string().optional().meta({ description: 'Yang mungkin dimaksud.' }),
  })
  .meta({ description: 'Satu masalah dalam berkas impor.' })
  .register(apiSchemas, { id: 'ImportProblem' });

/**
 * Every error: RFC 9457 problem details, `application/problem+json`. Extension members appear where
 * they apply: `errors` for invalid parameters, `problems` and `omitted` for a file that cannot be imported.
 */
export const problemSchema = z
  .looseObject({
    type: z.string().meta({ description: 'Selalu `about:blank`: arti kesalahan ada di `status` dan `title`.' }),
    title: z.string().meta({ description: 'Ringkasan jenis kesalahan, dalam Bahasa Indonesia.', examples: ['Permintaan tidak valid'] }),
    status: z.int().min(400).max(599).meta({ description: 'Kode status HTTP yang sama dengan jawaban.', examples: [400] }),
    detail: z.string().meta({ description: 'Apa yang harus diperbaiki.', examples: ['period: period must be a four-digit year, for example 2022'] }),
    instance: z.string().meta({ description: 'Path permintaan.', examples: ['/api/values'] }),
    errors: z
      .array(z.object({ parameter: z.string(), message: z.string() }))
      .optional()
      .meta({ description: 'Untuk 400 karena parameter: satu entri per parameter yang salah.' }),
    problems: z.array(importProblemSchema).optional().meta({ description: 'Untuk 422 pada impor: setiap masalah berkas.' }),
    omitted: z.int().min(0).optional().meta({ description: 'Untuk 422 pada impor: jumlah masalah yang tidak dicantumkan lagi.' }),
  })
  .meta({
    description: 'Kesalahan menurut RFC 9457 (application/problem+json).',
    examples: [
      {
        type: 'about:blank',
        title: 'Permintaan tidak valid',
        status: 400,
        detail: 'period: period must be a four-digit year, for example 2022',
        instance: '/api/values',
        errors: [{ parameter: 'period', message: 'period must be a four-digit year, for example 2022' }],
      },
    ],
  })
  .register(apiSchemas, { id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

/** GET /healthz */
export const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']).meta({ description: '`ok`, atau `degraded` (dengan status 503) bila basis data tidak menjawab: ubin dan halaman tetap dilayani, server tersambung lagi sendiri.' }),
    database: z.enum(['pglite', 'postgresql']).meta({ description: 'Basis data yang dipakai: PGlite tertanam atau PostgreSQL (`DATABASE_URL`).' }),
  })
  .meta({ description: 'Keadaan server dan basis datanya.', examples: [{ status: 'ok', database: 'pglite' }] })
  .register(apiSchemas, { id: 'Health' });
