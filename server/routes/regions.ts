import { Hono } from 'hono';
import { z } from 'zod';
import { readDataVersion } from '../db/data-version.ts';
import { listIndicators } from '../db/indicators.ts';
import { ResponseCache, sendCached } from '../response-cache.ts';
import { regionProfile } from '../values/region-profile.ts';
import type { ValueContext } from '../values/resolve.ts';
import { countChildren, findAncestors, findRegion, listChildren } from '../db/regions.ts';
import { badRequest, notFound } from '../problem.ts';
import { validate } from '../validate.ts';
import { REGION_CODE } from '../region-code.ts';
import { LEVELS, type Level } from '../../shared/api/common.ts';

export const REGION_PARAM = z.object({ kode: REGION_CODE });

/** `?level=`: the regions of that level inside the region rather than its direct children. */
export const CHILDREN_QUERY = z.object({
  level: z
    .enum(LEVELS, { error: 'level must be provinsi, kabkota, kecamatan or desa' })
    .optional()
    .meta({ description: 'Tingkat di bawah wilayah ini: semua wilayah tingkat itu di dalamnya, bukan hanya anak langsungnya.' }),
});

export const PROFILE_QUERY = z.object({
  period: z.string().regex(/^\d{4}$/, 'period must be a four-digit year, for example 2024').optional(),
});

export function regionRoutes(context: ValueContext) {
  const { db } = context;
  const cache = new ResponseCache(32);
  return new Hono()
    .get('/:kode/children', validate('param', REGION_PARAM), validate('query', CHILDREN_QUERY), async (c) => {
      const { kode } = c.req.valid('param');
      const { level } = c.req.valid('query');
      const region = await findRegion(db, kode);
      if (!region) throw notFound(`no region with code ${kode} in Kepmendagri 300.2.2-2138/2025`);
      if (level !== undefined && region.level !== 'nasional' && LEVELS.indexOf(level) <= LEVELS.indexOf(region.level as Level)) {
        throw badRequest(`level ${level} is not below ${kode} (a ${region.level}); give a level further down, or leave level out for its direct children`);
      }
      return c.json({ parent: kode, children: await listChildren(db, kode, level) });
    })
    .get('/:kode', validate('param', REGION_PARAM), validate('query', PROFILE_QUERY), async (c) => {
      const { kode } = c.req.valid('param');
      const { period } = c.req.valid('query');
      const region = await findRegion(db, kode);
      if (!region) throw notFound(`no region with code ${kode} in Kepmendagri 300.2.2-2138/2025`);
      const [ancestors, children] = await Promise.all([findAncestors(db, kode), countChildren(db, kode)]);
      if (!period) return c.json({ ...region, ancestors, children });
      // With a period: every indicator of the region, cached per data version (it reads many series).
      const { version } = await readDataVersion(db);
      const response = await cache.get(`${version}|${kode}|${period}`, async () => ({
        ...region,
        ancestors,
        children,
        period,
        indicators: await regionProfile(context, region, await listIndicators(db), period),
      }));
      return sendCached(c, response);
    });
}
