/**
 * Diagnostic servers for the tile benchmark, same archives and headers as ours, to tell where time goes:
 *   bare  node:http, a regex on the URL, the archive lookup, res.end(bytes): the floor for Node
 *   hono  @hono/node-server with only server/routes/tiles.ts mounted: our tile route without the rest
 * Usage: PORT=0 node --import tsx bench/tiles/node-server.ts bare|hono   (prints "listening on URL")
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isLevel } from '../../server/catalogue.ts';
import { problemHandler } from '../../server/problem.ts';
import { tileRoutes } from '../../server/routes/tiles.ts';
import { openTileStore } from '../../server/tiles/tile-store.ts';

const mode = process.argv[2];
const port = Number(process.env.PORT ?? 0);
const store = openTileStore(process.env.GEODATA_DIR ?? 'geodata');
const ready = (address: AddressInfo) => console.log(`listening on http://127.0.0.1:${address.port}`);

if (mode === 'bare') {
  const TILE = /^\/tiles\/([a-z]+)\/(\d+)\/(\d+)\/(\d+)\.mvt$/;
  const server = createServer((req, res) => {
    const match = TILE.exec(req.url ?? '');
    const level = match?.[1] ?? '';
    const tiles = isLevel(level) ? store.get(level) : undefined;
    const tile = match && tiles?.archive.getTile(Number(match[2]), Number(match[3]), Number(match[4]));
    if (!tiles || !tile) {
      res.writeHead(tiles ? 204 : 404).end();
      return;
    }
    res.writeHead(200, {
      'cache-control': 'public, max-age=86400, stale-while-revalidate=604800',
      'access-control-allow-origin': '*',
      vary: 'accept-encoding',
      etag: `"${tiles.version}-${tile.offset.toString(36)}"`,
      'content-type': 'application/vnd.mapbox-vector-tile',
      'content-encoding': 'gzip',
    });
    res.end(tile.data);
  });
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    if (address && typeof address === 'object') ready(address);
  });
} else if (mode === 'hono') {
  const app = new Hono();
  app.onError(problemHandler);
  app.route('/tiles', tileRoutes(store));
  serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, ready);
} else {
  console.error('usage: node --import tsx bench/tiles/node-server.ts bare|hono');
  process.exit(2);
}
process.once('SIGTERM', () => process.exit(0));
