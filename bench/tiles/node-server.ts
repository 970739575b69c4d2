/**
 * Diagnostic servers for the tile benchmark, same archives and headers as ours, to tell where time goes:
 *   bare  node:http with our tile fast path and nothing else: the floor for Node, and the cost of the
 *         rest of our server process (heap, GC) when compared with ours
 *   hono  @hono/node-server with only server/routes/tiles.ts mounted: our tile route without the rest
 * Usage: PORT=0 node --import tsx bench/tiles/node-server.ts bare|hono   (prints "listening on URL")
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { problemHandler } from '../../server/problem.ts';
import { tileRoutes } from '../../server/routes/tiles.ts';
import { serveTileFast } from '../../server/tiles/fast-path.ts';
import { openTileStore } from '../../server/tiles/tile-store.ts';

const mode = process.argv[2];
const port = Number(process.env.PORT ?? 0);
const store = openTileStore(process.env.GEODATA_DIR ?? 'geodata');
const ready = (address: AddressInfo) => console.log(`listening on http://127.0.0.1:${address.port}`);

if (mode === 'bare') {
  // Our fast path (server/tiles/fast-path.ts) alone in a process that holds nothing else: the
  // difference to ours is what the rest of the server process costs each tile (heap, GC).
  const server = createServer((req, res) => {
    if (!serveTileFast(store, req, res)) res.writeHead(404).end();
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
