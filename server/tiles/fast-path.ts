import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLevel } from '../catalogue.ts';
import { TILE_CACHE_CONTROL, tileEtag, type LevelTiles, type TileStore } from './tile-store.ts';

/**
 * The hot path of the map: a valid gzip tile request answered straight from node:http, without the
 * web-standard Request/Response objects, routing and validation that cost about a third of the
 * throughput (bench/tiles.ts). It answers only well-formed requests for tiles that exist in range
 * from gzip-accepting clients, with exactly the headers of routes/tiles.ts (and nosniff, which the
 * app's security middleware adds to everything else); everything else (errors, uncompressed
 * clients, query strings such as joined tiles) returns false and goes to the Hono app.
 *
 * Per request it allocates as little as it can: every tile answered once keeps its ETag and its
 * header list, and the headers go to writeHead as one flat array. At tens of thousands of requests a
 * second, the garbage of each request is what the server spends its time on (BENCHMARKS.md).
 */
const TILE_PATH = /^\/tiles\/([a-z]+)\/(\d{1,2})\/(\d{1,7})\/(\d{1,7})\.mvt$/;

const COMMON_HEADERS: string[] = [
  'cache-control',
  TILE_CACHE_CONTROL,
  'access-control-allow-origin',
  '*',
  'vary',
  'accept-encoding',
  'x-content-type-options',
  'nosniff',
];

/** A tile as the fast path sends it, built on its first request. */
interface ServedTile {
  data: Uint8Array;
  etag: string;
  ok: (string | number)[];
  notModified: string[];
}

/** Served tiles per level, keyed by z/x/y packed into one number (z ≤ 22 keeps it exact). */
const served = new WeakMap<LevelTiles, Map<number, ServedTile>>();

function servedTile(tiles: LevelTiles, z: number, x: number, y: number): ServedTile | undefined {
  let byKey = served.get(tiles);
  if (!byKey) {
    byKey = new Map();
    served.set(tiles, byKey);
  }
  const key = (z * 2 ** 22 + x) * 2 ** 22 + y;
  const hit = byKey.get(key);
  if (hit) return hit;
  const tile = tiles.archive.getTile(z, x, y);
  // Only tiles that exist are kept, so the map is bounded by the archive, whatever clients ask for.
  if (!tile) return undefined;
  const etag = tileEtag(tiles, tile);
  const entry: ServedTile = {
    data: tile.data,
    etag,
    ok: [...COMMON_HEADERS, 'etag', etag, 'content-type', 'application/vnd.mapbox-vector-tile', 'content-encoding', 'gzip', 'content-length', tile.data.byteLength],
    notModified: [...COMMON_HEADERS, 'etag', etag],
  };
  byKey.set(key, entry);
  return entry;
}

export function serveTileFast(store: TileStore, request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== 'GET') return false;
  const match = TILE_PATH.exec(request.url ?? '');
  if (!match) return false;
  const level = match[1] ?? '';
  const tiles = isLevel(level) ? store.get(level) : undefined;
  if (!tiles || !/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return false;
  const z = Number(match[2]);
  const x = Number(match[3]);
  const y = Number(match[4]);
  const { minZoom, maxZoom } = tiles.archive.header;
  if (z < minZoom || z > maxZoom || x >= 2 ** z || y >= 2 ** z) return false;

  const tile = servedTile(tiles, z, x, y);
  if (!tile) {
    response.writeHead(204, COMMON_HEADERS).end();
    return true;
  }
  if (request.headers['if-none-match'] === tile.etag) {
    response.writeHead(304, tile.notModified).end();
    return true;
  }
  response.writeHead(200, tile.ok).end(tile.data);
  return true;
}
