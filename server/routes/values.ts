import { Hono } from 'hono';
import { z } from 'zod';
import { LEVELS, type Level } from '../catalogue.ts';
import { resolveLevel, resolveValues, type ValueContext } from '../values/resolve.ts';
import { valuesJsonChunks } from '../values/values-json.ts';
import { IndicatorCache } from '../values/indicator-cache.ts';
import { levelOfCode, regionExists, TREE_LEVELS, type RegionTree } from '../values/region-tree.ts';
import { badRequest, notFound } from '../problem.ts';
import { REGION_CODE } from '../region-code.ts';
import { validate } from '../validate.ts';
import { readDataVersion } from '../db/data-version.ts';
import { ResponseCache, sendCached } from '../response-cache.ts';
import { toSafeCsv } from '../csv-safety.ts';
import { namesWithAncestors } from '../db/regions.ts';

export const VALUES_QUERY = z.object({
  indicator: z.string({ error: 'indicator is required, for example prevalensi_stunting' }).min(1),
  period: z.string({ error: 'period is required, for example 2022' }).regex(/^\d{4}$/, 'period must be a four-digit year, for example 2022'),
  level: z.enum(LEVELS, { error: `level must be one of ${LEVELS.join(', ')}` }),
  parent: REGION_CODE.optional(),
});

/**
 * The indicator a values request names, checked against the catalogue, the level and the parent.
 * Indicators and regions come from memory (IndicatorCache, the region tree), so a request answered
 * from the response cache asks the database only for the data version.
 */
async function checkedIndicator(indicators: IndicatorCache, tree: RegionTree, query: z.infer<typeof VALUES_QUERY>) {
  const indicator = await indicators.find(query.indicator);
  if (!indicator) throw notFound(`unknown indicator "${query.indicator}"; GET /api/indicators lists them`);
  if (!indicator.levels.includes(query.level)) {
    throw badRequest(`${indicator.id} is reported for ${indicator.levels.join(', ')}, not ${query.level}`);
  }
  if (query.parent) checkAncestor(tree, query.level, query.parent);
  return indicator;
}

/** `parent` may be any region above `level` (ID: Indonesia); one at or below it has no such regions below it. */
export function checkAncestor(tree: RegionTree, level: Level, parent: string): void {
  const parentLevel = levelOfCode(parent);
  const depth = TREE_LEVELS.indexOf(level);
  if (parentLevel === undefined || TREE_LEVELS.indexOf(parentLevel) >= depth) {
    const above = TREE_LEVELS.slice(1, depth);
    const allowed = above.length > 0 ? `the code of a ${above.join(', ')} (or ID, or no parent, for all of Indonesia)` : 'ID or no parent (provinces are the top level)';
    throw badRequest(`parent ${parent} is a ${parentLevel ?? 'code of no level'}, not a region above ${level}, so it has no ${level} below it; give ${allowed}`);
  }
  if (!regionExists(tree, parent)) throw notFound(`unknown region "${parent}"`);
}

export function valueRoutes(context: ValueContext, indicators = new IndicatorCache(context.db)) {
  const { db } = context;
  const cache = new ResponseCache();
  return new Hono().get('/', validate('query', VALUES_QUERY), async (c) => {
    const query = c.req.valid('query');
    const indicator = await checkedIndicator(indicators, context.tree, query);
    const { version } = await readDataVersion(db);
    const key = `${version}|${indicator.id}|${query.period}|${query.level}|${query.parent ?? ''}`;
    const response = await cache.getJson(key, async () => {
      const resolved = await resolveLevel(context, { ...query, indicator });
      const head = { indicator: indicator.id, period: query.period, level: query.level, parent: query.parent ?? null, unit: indicator.unit };
      return valuesJsonChunks(head, resolved, context.tree[query.level].kodes);
    });
    return sendCached(c, response);
  });
}

/**
 * The same values as CSV for spreadsheets and GIS: one row per region with its name and ancestors
 * (all the regions of the level, or those below `parent`).
 * Text cells that a spreadsheet would run as a formula are neutralised (see csv-safety.ts).
 */
export function valueCsvRoutes(context: ValueContext, indicators = new IndicatorCache(context.db)) {
  const { db } = context;
  return new Hono().get('/', validate('query', VALUES_QUERY), async (c) => {
    const query = c.req.valid('query');
    const indicator = await checkedIndicator(indicators, context.tree, query);
    const [resolved, names] = await Promise.all([resolveValues(context, { ...query, indicator }), namesWithAncestors(db, query)]);
    const rows = names.map((region) => {
      const value = resolved.get(region.kode);
      return {
        kode: region.kode,
        nama: region.nama,
        provinsi: region.provinsi ?? '',
        kabkota: region.kabkota ?? '',
        kecamatan: region.kecamatan ?? '',
        indikator: indicator.id,
        periode: query.period,
        nilai: value?.value ?? '',
        pembilang: value?.numerator ?? '',
        penyebut: value?.denominator ?? '',
        satuan: indicator.unit,
        sumber: value?.source ?? '',
        demonstrasi: value ? (value.demo ? 'ya' : 'tidak') : '',
        dasar: value?.basis ?? '',
        melapor: value?.reporting ?? '',
        dari: value?.expected ?? '',
        catatan: value?.note ?? '',
      };
    });
    const filename = `${indicator.id}_${query.period}_${query.level}${query.parent ? `_${query.parent}` : ''}.csv`;
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="${filename}"`);
    // The BOM makes Excel read the file as UTF-8, so names like "Regapu’u" survive.
    return c.body(`\uFEFF${toSafeCsv(rows)}`);
  });
}
