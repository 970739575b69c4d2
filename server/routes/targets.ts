import { Hono } from 'hono';
import { z } from 'zod';
import { actorOf, type AuthEnv, type Guard } from '../auth/guard.ts';
import type { AuthOptions } from '../auth/options.ts';
import type { Database } from '../db/client.ts';
import { setTarget } from '../targets.ts';
import { plainText, validate } from '../validate.ts';

/**
 * PUT /api/indicators/{id}/target: a national admin sets (or, with null, clears) an indicator's
 * national target. The body replaces the target whole: a year or source left out becomes null.
 */
export const TARGET_PARAM = z.object({ id: z.string().min(1).max(64) });
export const TARGET_BODY = z.strictObject({
  target: z.number().min(0, 'target: a target cannot be negative').nullable(),
  target_year: z.int().min(2000).max(2100).nullable().optional(),
  target_source: plainText(300).pipe(z.string().min(1)).nullable().optional(),
});

export function targetRoutes({ db, guard, options }: { db: Database; guard: Guard; options: Pick<AuthOptions, 'now'> }) {
  return new Hono<AuthEnv>().put('/:id/target', guard.required({ roles: ['admin'] }), validate('param', TARGET_PARAM), validate('json', TARGET_BODY), async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const saved = await setTarget(db, actorOf(c.var.caller), id, { target: body.target, target_year: body.target_year ?? null, target_source: body.target_source ?? null }, options.now());
    return c.json({
      id: saved.id,
      target: saved.target,
      target_year: saved.target_year,
      target_source: saved.target_source,
      edited_at: saved.target_edited_at?.toISOString() ?? null,
      edited_by: saved.target_edited_by,
    });
  });
}
