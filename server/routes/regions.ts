import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../db/client.ts';
import { countChildren, findAncestors, findRegion, listChildren } from '../db/regions.ts';
import { notFound } from '../problem.ts';
import { validate } from '../validate.ts';
import { REGION_CODE } from '../region-code.ts';

const REGION_PARAM = z.object({ kode: REGION_CODE });

export function regionRoutes(db: Database) {
  return new Hono()
    .get('/:kode/children', validate('param', REGION_PARAM), async (c) => {
      const { kode } = c.req.valid('param');
      if (!(await findRegion(db, kode))) throw notFound(`no region with code ${kode} in Kepmendagri 300.2.2-2138/2025`);
      return c.json({ parent: kode, children: await listChildren(db, kode) });
    })
    .get('/:kode', validate('param', REGION_PARAM), async (c) => {
      const { kode } = c.req.valid('param');
      const region = await findRegion(db, kode);
      if (!region) throw notFound(`no region with code ${kode} in Kepmendagri 300.2.2-2138/2025`);
      const [ancestors, children] = await Promise.all([findAncestors(db, kode), countChildren(db, kode)]);
      return c.json({ ...region, ancestors, children });
    });
}
