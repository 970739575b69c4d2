import { Hono } from 'hono';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { isLevel } from '../catalogue.ts';
import { badRequest, notFound } from '../problem.ts';
import { TILE_CACHE_CONTROL, tileEtag, type LevelTiles, type TileStore } from '../tiles/tile-store.ts';
import { validate } from '../validate.ts';

const TILE_PARAMS = z.object({
  level: z.string(),
  z: z.coerce.number().int('z must be a whole number').min(0),
  x: z.coerce.number().int('x must be a whole number').min(0),
  file: z.string().regex(/^\d+\.mvt$/, 'the tile name must be {y}.mvt, for example 12.mvt'),
});

export function tileRoutes(store: TileStore) {
  const tilesOf = (level: string) => {
    const tiles = isLevel(level) ? store.get(level) : undefined;
    if (!tiles) throw notFound(`unknown level "${level}"; tiles exist for: ${[...store.keys()].join(', ')}`);
    return tiles;
  };
  return new Hono()
    .get('/:file{[a-z]+\\.json}', (c) => {
      const tiles = tilesOf(c.req.param('file').replace(/\.json$/, ''));
      c.header('cache-control', 'public, max-age=3600');
      c.header('access-control-allow-origin', '*');
      return c.json(tileJson(tiles, new URL(c.req.url).origin));
    })
    .get('/:level/:z/:x/:file', validate('param', TILE_PARAMS), (c) => {
      const { level, z: zoom, x, file } = c.req.valid('param');
      const y = Number.parseInt(file, 10);
      const tiles = tilesOf(level);
      const { minZoom, maxZoom } = tiles.archive.header;
      if (zoom < minZoom || zoom > maxZoom) {
        throw badRequest(`${level} tiles exist for zoom ${minZoom} to ${maxZoom}; clients over-zoom beyond ${maxZoom}`);
      }
      const size = 2 ** zoom;
      if (x >= size || y >= size) throw badRequest(`at zoom ${zoom}, x and y must be between 0 and ${size - 1}`);

      const tile = tiles.archive.getTile(zoom, x, y);
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
function tileJson({ level, archive, version }: LevelTiles, origin: string) {
  const { header, metadata } = archive;
  return {
    tilejson: '3.0.0',
    name: `Batas ${level}`,
    description: `Batas wilayah tingkat ${level} (kode Kepmendagri 2025); fitur membawa kode dan nama`,
    version,
    attribution: typeof metadata.attribution === 'string' ? metadata.attribution : 'Batas wilayah: cahyadsn/wilayah_boundaries (MIT), kode Kepmendagri 2025',
    scheme: 'xyz',
    tiles: [`${origin}/tiles/${level}/{z}/{x}/{y}.mvt`],
    minzoom: header.minZoom,
    maxzoom: header.maxZoom,
    bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
    center: [header.centerLon, header.centerLat, header.centerZoom],
    vector_layers: [
      { id: level, description: `Wilayah ${level}`, minzoom: header.minZoom, maxzoom: header.maxZoom, fields: { kode: 'String', nama: 'String' } },
    ],
  };
}
