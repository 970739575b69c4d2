import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLevel } from '../catalogue.ts';
import { TILE_CACHE_CONTROL, tileEtag, type TileStore } from './tile-store.ts';

/**
 * The hot path of the map: a valid gzip tile request answered straight from node:http, without the
 * web-standard Request/Response objects, routing and validation that cost about a third of the
 * throughput (bench/tiles.ts). It answers only well-formed requests for tiles that exist in range
 * from gzip-accepting clients, with exactly the headers of routes/tiles.ts; everything else (errors,
 * uncompressed clients, query strings) returns false and goes to the Hono app, which explains it.
 */
const TILE_PATH = /^\/tiles\/([a-z]+)\/(\d{1,2})\/(\d{1,7})\/(\d{1,7})\.mvt$/;

export function serveTileFast(store: TileStore, request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== 'GET') return false;
  const match = TILE_PATH.exec(request.url ?? '');
  const level = match?.[1] ?? '';
  const tiles = match && isLevel(level) ? store.get(level) : undefined;
  if (!match || !tiles || !/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return false;
  const [z, x, y] = [Number(match[2]), Number(match[3]), Number(match[4])];
  const { minZoom, maxZoom } = tiles.archive.header;
  if (z < minZoom || z > maxZoom || x >= 2 ** z || y >= 2 ** z) return false;

  const headers = { 'cache-control': TILE_CACHE_CONTROL, 'access-control-allow-origin': '*', vary: 'accept-encoding' };
  const tile = tiles.archive.getTile(z, x, y);
  if (!tile) {
    response.writeHead(204, headers).end();
    return true;
  }
  const etag = tileEtag(tiles, tile);
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, { ...headers, etag }).end();
    return true;
  }
  response
    .writeHead(200, {
      ...headers,
      etag,
      'content-type': 'application/vnd.mapbox-vector-tile',
      'content-encoding': 'gzip',
      'content-length': tile.data.byteLength,
    })
    .end(tile.data);
  return true;
}
