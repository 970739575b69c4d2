import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { startClusterServer, stopClusterServer } from '../support/postgres-cluster.ts';
import { cloneShippedDatabase, eventually } from './support.ts';

/**
 * PostgreSQL stops under a running server (a restart, a failover): data routes answer 503
 * problem+json with Retry-After, health says degraded, tiles go on, and once PostgreSQL is back the
 * same server process serves again by itself.
 */
describe('the database going away and coming back', () => {
  const cluster = inject('reliabilityCluster');
  let database: Awaited<ReturnType<typeof cloneShippedDatabase>>;
  let server: AppServer;

  beforeAll(async () => {
    database = await cloneShippedDatabase();
    server = await startAppServer({ DATABASE_URL: database.url });
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it('answers 503 while PostgreSQL is down and 200 again when it returns, without a restart', async () => {
    const values = `${server.url}/api/values?indicator=prevalensi_stunting&period=2022&level=provinsi`;
    const before = await fetch(values);
    expect(before.status).toBe(200);
    const served = (await before.json()) as { values: Record<string, { value: number }> };
    expect(served.values['53']?.value).toBe(35.3);

    stopClusterServer(cluster, 'fast');
    try {
      for (const path of ['/api/values?indicator=prevalensi_stunting&period=2022&level=provinsi', '/api/regions/53', '/api/search?q=kupang', '/api/indicators']) {
        const down = await fetch(`${server.url}${path}`);
        expect(down.status, path).toBe(503);
        expect(down.headers.get('content-type'), path).toMatch(/^application\/problem\+json/);
        expect(down.headers.get('retry-after'), path).toBe('5');
        expect(await down.json(), path).toMatchObject({ status: 503, title: 'Layanan tidak tersedia' });
      }
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'degraded', database: 'postgresql' });
      // Boundaries come from the tile archives, not the database.
      const tile = await fetch(`${server.url}/tiles/provinsi/4/13/8.mvt`);
      expect(tile.status).toBe(200);
    } finally {
      startClusterServer(cluster);
    }

    const again = await eventually('values to be served again', async () => {
      const response = await fetch(values);
      return response.status === 200 ? response : undefined;
    });
    expect(await again.json()).toEqual(served);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // The same process all along, and no request was answered with a 500.
    expect(() => process.kill(server.pid, 0)).not.toThrow();
    expect(server.output()).not.toMatch(/\[error\]/);
  });
});
