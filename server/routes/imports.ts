import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { listBatches } from '../db/imports.ts';
import { rollbackImport, runImport, type ImportServices } from '../imports.ts';
import { badRequest, notFound, Problem } from '../problem.ts';
import { validate } from '../validate.ts';

/**
 * Imports over HTTP: upload a CSV or XLSX file (multipart field `file`), see what would change with
 * `?dry_run=1`, list batches, roll one back. Until accounts exist, writes need the deployment's
 * IMPORT_TOKEN as a bearer token; without one configured, the endpoints are switched off.
 */
export interface ImportRouteOptions {
  services: () => Promise<ImportServices>;
  token: string | undefined;
  /** largest accepted upload; a national desa file in CSV is about 15 MB */
  maxBytes?: number;
}

const IMPORT_QUERY = z.object({
  dry_run: z.enum(['0', '1', 'true', 'false']).optional().transform((flag) => flag === '1' || flag === 'true'),
  period: z.coerce.number().int().min(1900).max(2100).optional(),
  sheet: z.string().min(1).optional(),
});

export function importRoutes({ services, token, maxBytes = 64 * 1024 * 1024 }: ImportRouteOptions) {
  const requireToken = async (c: Context, next: () => Promise<void>) => {
    if (!token) throw new Problem(403, 'Impor dinonaktifkan', 'imports over HTTP are switched off on this server: set IMPORT_TOKEN, or use `npm run import`');
    const given = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    const matches = given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token));
    if (!matches) throw new Problem(401, 'Tidak berwenang', 'send the import token as "Authorization: Bearer <token>"');
    await next();
  };

  return new Hono()
    .use('*', requireToken)
    .get('/', async (c) => c.json({ batches: await listBatches((await services()).db) }))
    .post(
      '/',
      bodyLimit({ maxSize: maxBytes, onError: () => { throw new Problem(413, 'Berkas terlalu besar', `uploads are limited to ${Math.round(maxBytes / 1024 / 1024)} MB; split the file, e.g. one per province`); } }),
      validate('query', IMPORT_QUERY),
      async (c) => {
        const query = c.req.valid('query');
        const body = await c.req.parseBody().catch(() => {
          throw badRequest('send the file as multipart/form-data in a field named "file"');
        });
        const file = body.file;
        if (!(file instanceof File)) throw badRequest('send the file as multipart/form-data in a field named "file"');
        const outcome = await runImport(
          await services(),
          { bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name, ...(query.sheet ? { sheet: query.sheet } : {}) },
          { dryRun: query.dry_run, createdBy: 'token', ...(query.period === undefined ? {} : { period: query.period }) },
        );
        if (!outcome.ok) {
          throw new Problem(422, 'Berkas tidak dapat diimpor', `${outcome.problems.length + outcome.omitted} masalah ditemukan; tidak ada yang disimpan`, {
            problems: outcome.problems,
            omitted: outcome.omitted,
          });
        }
        return c.json(outcome, outcome.dryRun ? 200 : 201);
      },
    )
    .post('/:id/rollback', validate('param', z.object({ id: z.coerce.number().int().positive() })), async (c) => {
      const { id } = c.req.valid('param');
      const outcome = await rollbackImport(await services(), id);
      if (!outcome.ok) {
        if (outcome.reason === 'unknown') throw notFound(`no import batch ${id}`);
        if (outcome.reason === 'already') throw new Problem(409, 'Sudah dibatalkan', `batch ${id} was already rolled back`);
        throw new Problem(409, 'Ditimpa impor lain', `later batches ${outcome.laterBatches?.join(', ')} changed the same values; roll those back first`);
      }
      return c.json({ rolledBack: id });
    });
}
