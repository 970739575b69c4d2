import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { actorOf, type AuthEnv, type Guard } from '../auth/guard.ts';
import { NATIONAL, OutOfScope } from '../auth/scope.ts';
import { listBatches } from '../db/imports.ts';
import { rollbackImport, runImport, type ImportServices } from '../imports.ts';
import { badRequest, notFound, Problem } from '../problem.ts';
import { ROW_ID, validate } from '../validate.ts';

/**
 * Imports over HTTP: upload a CSV or XLSX file (multipart field `file`), see what would change with
 * `?dry_run=1`, list batches, roll one back. Every endpoint needs an account (browser session or API
 * token, server/auth/guard.ts); a supervisor or operator imports and rolls back only inside their
 * region, and sees the batches of their region.
 */
export interface ImportRouteOptions {
  services: () => Promise<ImportServices>;
  guard: Guard;
  /** largest accepted upload; the app passes LIMITS.importBytes (server/security/limits.ts) */
  maxBytes?: number;
}

export const IMPORT_QUERY = z.object({
  dry_run: z.enum(['0', '1', 'true', 'false']).optional().transform((flag) => flag === '1' || flag === 'true'),
  period: z.coerce.number().int().min(1900).max(2100).optional(),
  sheet: z.string().min(1).optional(),
});

export const BATCH_PARAM = z.object({ id: ROW_ID });

export function importRoutes({ services, guard, maxBytes = 64 * 1024 * 1024 }: ImportRouteOptions) {
  return new Hono<AuthEnv>()
    .use('*', guard.required())
    .get('/', async (c) => {
      const { scope, user } = c.var.caller;
      const filter = scope === NATIONAL ? {} : { within: scope, userId: user.id };
      return c.json({ batches: await listBatches((await services()).db, filter) });
    })
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
          {
            dryRun: query.dry_run,
            createdBy: c.var.caller.user.email,
            actor: actorOf(c.var.caller),
            ...(query.period === undefined ? {} : { period: query.period }),
          },
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
    .post('/:id/rollback', validate('param', BATCH_PARAM), async (c) => {
      const { id } = c.req.valid('param');
      const outcome = await rollbackImport(await services(), id, actorOf(c.var.caller));
      if (!outcome.ok) {
        if (outcome.reason === 'unknown') throw notFound(`no import batch ${id}`);
        if (outcome.reason === 'outside') {
          throw new OutOfScope(c.var.caller.scope, outcome.outside.map((kode) => ({ kode })), outcome.outsideCount, `wilayah dalam batch ${id}`);
        }
        if (outcome.reason === 'already') throw new Problem(409, 'Sudah dibatalkan', `batch ${id} was already rolled back`);
        throw new Problem(409, 'Ditimpa impor lain', `later batches ${outcome.laterBatches?.join(', ')} changed the same values; roll those back first`);
      }
      return c.json({ rolledBack: id });
    });
}
