import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client.ts';
import { createHttpServer } from '../../server/http-server.ts';
import { openTileStore } from '../../server/tiles/tile-store.ts';
import { shippedApp } from '../support/app.ts';
import { decodeTile } from '../support/mvt.ts';

// The real HTTP server: tiles answered by the fast path must look exactly like the Hono route's.
let server: Server;
let base: string;
let db: Database;
let app: Awaited<ReturnType<typeof shippedApp>>['app'];
beforeAll(async () => {
  ({ app, db } = await shippedApp());
  server = createHttpServer(app, openTileStore('geodata'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await db?.close();
});

const TILE = '/tiles/kabkota/8/215/134.mvt'; // Kota Kupang

describe('tiles over HTTP', () => {
  it('serves the same bytes and headers as the Hono route', async () => {
    const fast = await fetch(base + TILE, { headers: { 'accept-encoding': 'gzip' } });
    const routed = await app.request(TILE, { headers: { 'accept-encoding': 'gzip' } });
    expect(fast.status).toBe(200);
    for (const header of ['etag', 'cache-control', 'content-type', 'access-control-allow-origin']) {
      expect(fast.headers.get(header)).toBe(routed.headers.get(header));
    }
    expect(decodeTile(new Uint8Array(await fast.arrayBuffer()))).toEqual(decodeTile(new Uint8Array(await routed.arrayBuffer())));
  });

  it('answers If-None-Match with 304 and open sea with 204', async () => {
    const etag = (await fetch(base + TILE)).headers.get('etag') ?? '';
    expect((await fetch(base + TILE, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(`${base}/tiles/provinsi/6/48/39.mvt`)).status).toBe(204);
  });

  it('leaves bad requests to the app, which explains them', async () => {
    const response = await fetch(`${base}/tiles/provinsi/3/8/0.mvt`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await fetch(`${base}/api/indicators`)).status).toBe(200);
  });
});
