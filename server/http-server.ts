import { getRequestListener } from '@hono/node-server';
import { createServer, type Server } from 'node:http';
import type { createApp } from './app.ts';
import { applyServerTimeouts } from './security/limits.ts';
import { serveTileFast } from './tiles/fast-path.ts';
import type { TileStore } from './tiles/tile-store.ts';

/**
 * The HTTP server: valid tile requests go straight to the in-memory archives (tiles/fast-path.ts),
 * everything else to the Hono app, which sets the security headers (security/headers.ts).
 */
export function createHttpServer(app: ReturnType<typeof createApp>, tiles: TileStore): Server {
  const honoListener = getRequestListener(app.fetch);
  const server = createServer((request, response) => {
    // The fast path sets its own headers (nosniff among them: tiles are no HTML to frame or script).
    // A header set here before it would cost every tile Node's slow path of merging headers.
    if (serveTileFast(tiles, request, response)) return;
    response.setHeader('x-content-type-options', 'nosniff');
    void honoListener(request, response);
  });
  applyServerTimeouts(server);
  return server;
}

/**
 * Stops accepting connections and lets the requests in flight finish; connections still busy after
 * `deadlineMs` are cut. Keep-alive connections are closed as soon as they fall idle, so a client
 * cannot keep the server alive by reusing its socket. Resolves once every connection is closed.
 */
export function closeGracefully(server: Server, deadlineMs: number): Promise<{ forced: boolean }> {
  return new Promise((resolve) => {
    let forced = false;
    const sweeper = setInterval(() => server.closeIdleConnections(), 200);
    const deadline = setTimeout(() => {
      forced = true;
      server.closeAllConnections();
    }, deadlineMs);
    server.close(() => {
      clearInterval(sweeper);
      clearTimeout(deadline);
      resolve({ forced });
    });
    server.closeIdleConnections();
  });
}
