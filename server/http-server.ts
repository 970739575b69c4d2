import { getRequestListener } from '@hono/node-server';
import { createServer, type Server } from 'node:http';
import type { createApp } from './app.ts';
import { serveTileFast } from './tiles/fast-path.ts';
import type { TileStore } from './tiles/tile-store.ts';

/**
 * The HTTP server: valid tile requests go straight to the in-memory archives (tiles/fast-path.ts),
 * everything else to the Hono app.
 */
export function createHttpServer(app: ReturnType<typeof createApp>, tiles: TileStore): Server {
  const honoListener = getRequestListener(app.fetch);
  return createServer((request, response) => {
    if (!serveTileFast(tiles, request, response)) void honoListener(request, response);
  });
}
