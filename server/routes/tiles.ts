import { Hono } from 'hono';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { isLevel, type IndicatorDefinition, type Level } from '../catalogue.ts';
import { findIndicator } from '../db/indicators.ts';
import { badRequest, notFound } from '../problem.ts';
import { JOINED_FIELDS, JOINED_TILE_CACHE_CONTROL, type JoinedTiles } from '../tiles/joined-tiles.ts';
import { TILE_CACHE_CONTROL, tileEtag, type LevelTiles, type TileStore } from '../tiles/tile-store.ts';
import { validate } from '../validate.ts';

export const TILE_PARAMS = z.object({
  level: z.string(),
  z: z.coerce.number().int('z must be a whole number').min(0),
  x: z.coerce.number().int('x must be a whole number').min(0),
  file: z.string().regex(/^\d+\.mvt$/, 'the tile name must be {y}.mvt, for example 12.mvt'),
});

/** ?indicator=&period=: values joined into the tiles' features (tiles/joined-tiles.ts). */
export const JOIN_QUERY = z.object({
  indicator: z.string().min(1, 'indicator must name an indicator, for example prevalensi_stunting').optional(),
  period: z.string().regex(/^\d{4}$/, 'period must be a four-digit year, for example 2022').optional(),
});

/** `joined` serves ?indicator=&period= (values in the features); without it only geometry is served. */
export function tileRoutes(store: TileStore, joined?: JoinedTiles) {
  const tilesOf = (level: string) => {
    const tiles = isLevel(level) ? store.get(level) : undefined;
    if (!tiles) throw notFound(`unknown level "${level}"; tiles exist for: ${[...store.keys()].join(', ')}`);
    return tiles;
  };
  /** The indicator and period of a joined request, checked as /api/values checks them; null for plain geometry. */
  const joinTarget = async (query: z.infer<typeof JOIN_QUERY>, level: Level) => {
    if (query.indicator === undefined && query.period === undefined) return null;
    if (query.indicator === undefined || query.period === undefined) {
      throw badRequest('indicator and period go together: add both (for example ?indicator=prevalensi_stunting&period=2022) or neither for geometry only');
    }
    if (!joined) throw notFound('tiles with values are not served here');
    const indicator = await findIndicator(joined.db, query.indicator);
    if (!indicator) throw notFound(`unknown indicator "${query.indicator}"; GET /api/indicators lists them`);
    if (!indicator.levels.includes(level)) throw badRequest(`${indicator.id} is reported for ${indicator.levels.join(', ')}, not ${level}`);
    const version = await joined.dataVersion();
    const periods = await joined.periodsOf(indicator.id, version);
    if (!periods.includes(query.period)) {
      throw badRequest(`${indicator.id} has no values for ${query.period}; periods with values: ${periods.join(', ') || 'none'}`, { periods });
    }
    return { joined, indicator, period: query.period, version };
  };
  return new Hono()
    .get('/:file{[a-z]+\\.json}', validate('query', JOIN_QUERY), async (c) => {
      const tiles = tilesOf(c.req.param('file').replace(/\.json$/, ''));
      const target = await joinTarget(c.req.valid('query'), tiles.level);
      c.header('cache-control', target ? JOINED_TILE_CACHE_CONTROL : 'public, max-age=3600');
      c.header('access-control-allow-origin', '*');
      return c.json(tileJson(tiles, new URL(c.req.url).origin, target));
    })
    .get('/:level/:z/:x/:file', validate('param', TILE_PARAMS), validate('query', JOIN_QUERY), async (c) => {
      const { level, z: zoom, x, file } = c.req.valid('param');
      const y = Number.parseInt(file, 10);
      const tiles = tilesOf(level);
      const { minZoom, maxZoom } = tiles.archive.header;
      if (zoom < minZoom || zoom > maxZoom) {
        throw badRequest(`${level} tiles exist for zoom ${minZoom} to ${maxZoom}; clients over-zoom beyond ${maxZoom}`);
      }
      const size = 2 ** zoom;
      if (x >= size || y >= size) throw badRequest(`at zoom ${zoom}, x and y must be between 0 and ${size - 1}`);

      const target = await joinTarget(c.req.valid('query'), tiles.level);
      const tile = tiles.archive.getTile(zoom, x, y);
      if (target) {
        c.header('cache-control', JOINED_TILE_CACHE_CONTROL);
        c.header('access-control-allow-origin', '*');
        c.header('vary', 'accept-encoding');
        if (!tile) return c.body(null, 204);
        const etag = target.joined.etag(tiles, tile, target.version);
        c.header('etag', etag);
        if (c.req.header('if-none-match') === etag) return c.body(null, 304);
        const { gzipped } = await target.joined.tile(tiles, tile, target);
        c.header('content-type', 'application/vnd.mapbox-vector-tile');
        if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
          c.header('content-encoding', 'gzip');
          return c.body(gzipped);
        }
        return c.body(new Uint8Array(gunzipSync(gzipped)));
      }
      c.header('cache-control', TILE_CACHE_CONTROL);
      c.header('access-control-allow-origin', '*');
      c.header('vary', 'accept-encoding');
      // No tile: no region touches it (open sea). 204 is what map clients expect for an empty tile.
      if (!tile) return c.body(null, 204);
      const etag = tileEtag(tiles, tile);
      c.header('etag', etag);
      if (c.req.header('if-none-match') === etag) return c.body(null, 304);
      c.header('content-type', 'application/vnd.mapbox-vector-tile');
      if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
        c.header('content-encoding', 'gzip');
        return c.body(tile.data);
      }
      return c.body(new Uint8Array(gunzipSync(tile.data)));
    });
}

/** TileJSON 3.0.0 for one level, so MapLibre, QGIS and others can add the layer from one URL. */
function tileJson({ level, archive, version }: LevelTiles, origin: string, target: { indicator: IndicatorDefinition; period: string } | null) {
  const { header, metadata } = archive;
  const query = target ? `?${new URLSearchParams({ indicator: target.indicator.id, period: target.period })}` : '';
  return {
    tilejson: '3.0.0',
    name: target ? `${target.indicator.nama} ${target.period}, per ${level}` : `Batas ${level}`,
    description: target
      ? `Batas wilayah tingkat ${level} (kode Kepmendagri 2025) dengan nilai ${target.indicator.id} tahun ${target.period} (${target.indicator.unit}); ` +
        'fitur membawa kode, nama, value, numerator, denominator, source, demo (true: data demonstrasi, bukan data nyata) dan basis (rollup: agregasi wilayah di bawahnya)'
      : `Batas wilayah tingkat ${level} (kode Kepmendagri 2025); fitur membawa kode dan nama`,
    version,
    attribution: typeof metadata.attribution === 'string' ? metadata.attribution : 'Batas wilayah: cahyadsn/wilayah_boundaries (MIT), kode Kepmendagri 2025',
    scheme: 'xyz',
    tiles: [`${origin}/tiles/${level}/{z}/{x}/{y}.mvt${query}`],
    minzoom: header.minZoom,
    maxzoom: header.maxZoom,
    bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
    center: [header.centerLon, header.centerLat, header.centerZoom],
    vector_layers: [
      {
        id: level,
        description: target ? `Wilayah ${level} dengan nilai ${target.indicator.id} ${target.period}` : `Wilayah ${level}`,
        minzoom: header.minZoom,
        maxzoom: header.maxZoom,
        fields: { kode: 'String', nama: 'String', ...(target ? JOINED_FIELDS : {}) },
      },
    ],
  };
}
