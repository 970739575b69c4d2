import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { z } from 'zod';
import { isLevel, LEVELS, type Level } from '../catalogue.ts';
import { notFound } from '../problem.ts';
import { KEMENDAGRI_CODE_PATTERN } from '../region-code.ts';
import { validate } from '../validate.ts';
import { collectionDocument, collectionsDocument, CONFORMANCE, landingPage, MEDIA, type Link } from '../ogc/documents.ts';
import { checkParent, featureJson, featureProperties, levelOfCode, selectFeatures } from '../ogc/items.ts';
import { DOCUMENT_QUERY, FEATURE_QUERY, ITEMS_QUERY } from '../ogc/query.ts';
import type { OgcService } from '../ogc/service.ts';

const COLLECTION_PARAM = z.object({ level: z.string() });
const FEATURE_PARAM = z.object({ level: z.string(), kode: z.string() });

/**
 * OGC API - Features - Part 1: Core under /ogc, so that GDAL/OGR, QGIS and ArcGIS open the boundaries
 * as layers: one collection per level, items as GeoJSON (paged by limit/offset, filtered by bbox and
 * by parent), with indicator values joined as properties when `indicator` and `period` are given.
 * Regions without a polygon (geodata/missing.csv) are not features.
 */
export function ogcRoutes(service: OgcService) {
  const levelOf = (level: string): Level => {
    if (!isLevel(level)) throw notFound(`no collection "${level}"; the collections are ${LEVELS.join(', ')} (GET /ogc/collections)`);
    return level;
  };
  const base = (c: Context) => new URL(c.req.url).origin;

  return (
    new Hono()
      // Public, read-only data: any web page may read it.
      .use('*', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'] }))
      .get('/', validate('query', DOCUMENT_QUERY), (c) => c.json(landingPage(base(c))))
      .get('/conformance', validate('query', DOCUMENT_QUERY), (c) => c.json({ conformsTo: CONFORMANCE }))
      .get('/collections', validate('query', DOCUMENT_QUERY), async (c) => {
        const summaries = await service.levelSummaries();
        return c.json(collectionsDocument(base(c), [...summaries.values()]));
      })
      .get('/collections/:level', validate('param', COLLECTION_PARAM), validate('query', DOCUMENT_QUERY), async (c) => {
        const level = levelOf(c.req.valid('param').level);
        const summary = (await service.levelSummaries()).get(level);
        if (!summary) throw notFound(`the ${level} collection has no features in this installation`);
        return c.json(collectionDocument(base(c), summary));
      })
      .get('/collections/:level/items', validate('param', COLLECTION_PARAM), validate('query', ITEMS_QUERY), async (c) => {
        const level = levelOf(c.req.valid('param').level);
        const query = c.req.valid('query');
        if (query.parent !== undefined) checkParent(level, query.parent, (l, kode) => service.regionExists(l, kode));
        const joined = query.indicator !== undefined && query.period !== undefined ? service.values(await service.indicator(query.indicator, level), query.period, level) : undefined;
        const [geometry, names, values] = await Promise.all([service.levelGeometry(level), service.regionNames(level), joined]);

        const selected = selectFeatures(geometry, { parent: query.parent, bbox: query.bbox });
        const page = selected.slice(query.offset, query.offset + query.limit);
        const url = new URL(c.req.url);
        const pageLink = (rel: string, offset: number, title: string): Link => ({
          href: `${url.origin}${url.pathname}?${withPaging(url.search, offset, query.limit)}`,
          rel,
          type: MEDIA.geojson,
          title,
        });
        const links: Link[] = [{ href: url.href, rel: 'self', type: MEDIA.geojson, title: 'Halaman ini (this page)' }];
        if (query.offset + query.limit < selected.length) links.push(pageLink('next', query.offset + query.limit, 'Halaman berikutnya (next page)'));
        if (query.offset > 0) links.push(pageLink('prev', Math.max(0, query.offset - query.limit), 'Halaman sebelumnya (previous page)'));
        links.push({ href: `${url.origin}/ogc/collections/${level}`, rel: 'collection', type: MEDIA.json, title: `Koleksi ${level}` });

        const features = page.map((i) => {
          const kode = geometry.kodes[i] ?? '';
          return featureJson(geometry, i, featureProperties(level, kode, names.get(kode), values));
        });
        // Written as text: the geometry is stitched straight into the response (a page of 1,000 desa
        // is about 100,000 points).
        const head = { type: 'FeatureCollection', numberMatched: selected.length, numberReturned: page.length, timeStamp: new Date().toISOString(), links };
        c.header('content-type', `${MEDIA.geojson}; charset=utf-8`);
        return c.body(`${JSON.stringify(head).slice(0, -1)},"features":[${features.join(',')}]}`);
      })
      .get('/collections/:level/items/:kode', validate('param', FEATURE_PARAM), validate('query', FEATURE_QUERY), async (c) => {
        const params = c.req.valid('param');
        const level = levelOf(params.level);
        const { kode } = params;
        const query = c.req.valid('query');
        const joined = query.indicator !== undefined && query.period !== undefined ? service.values(await service.indicator(query.indicator, level), query.period, level) : undefined;
        const [geometry, names, values] = await Promise.all([service.levelGeometry(level), service.regionNames(level), joined]);
        const i = geometry.indexOf.get(kode);
        if (i === undefined) throw notFound(missingFeature(level, kode, names.has(kode)));
        const url = new URL(c.req.url);
        const links: Link[] = [
          { href: url.href, rel: 'self', type: MEDIA.geojson, title: names.get(kode)?.nama ?? kode },
          { href: `${url.origin}/ogc/collections/${level}`, rel: 'collection', type: MEDIA.json, title: `Koleksi ${level}` },
        ];
        c.header('content-type', `${MEDIA.geojson}; charset=utf-8`);
        return c.body(featureJson(geometry, i, featureProperties(level, kode, names.get(kode), values), `,"links":${JSON.stringify(links)}`));
      })
      // Anything else under /ogc is an error here, not the front end's page; `/ogc/` is the landing
      // page too, as people type it (and the router tells it apart from `/ogc`).
      .all('*', (c) => {
        if (c.req.path === '/ogc/' && (c.req.method === 'GET' || c.req.method === 'HEAD')) return c.json(landingPage(base(c)));
        throw notFound(`no OGC API resource ${c.req.method} ${c.req.path}; start at /ogc`);
      })
  );
}

/**
 * The request's query with offset and limit set, every other parameter kept as it was sent, in order
 * and encoding: GDAL appends the parameters of its connection URL to each request unless it finds
 * them, as it wrote them, in the link it follows (and sending them twice would be an error here).
 */
export function withPaging(search: string, offset: number, limit: number): string {
  const parts = search.replace(/^\?/, '').split('&').filter((part) => part !== '');
  const paging: Record<string, string> = { offset: `offset=${offset}`, limit: `limit=${limit}` };
  const kept = parts.map((part) => {
    const name = safeDecode(part.split('=')[0]?.replace(/\+/g, ' ') ?? '');
    const replacement = paging[name];
    if (replacement === undefined) return part;
    delete paging[name];
    return replacement;
  });
  return [...kept, ...Object.values(paging)].join('&');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Why a code is not a feature of the collection, and where to look instead. */
function missingFeature(level: Level, kode: string, inCodeList: boolean): string {
  if (inCodeList) return `${kode} is a ${level} of the code list without a boundary polygon (batas wilayah belum tersedia; see geodata/missing.csv)`;
  const actual = KEMENDAGRI_CODE_PATTERN.test(kode) ? levelOfCode(kode) : undefined;
  if (actual && actual !== level) return `${kode} is a ${actual} code, not a ${level} one; try /ogc/collections/${actual}/items/${kode}`;
  return `no ${level} with code "${kode}" in Kepmendagri 300.2.2-2138/2025`;
}
