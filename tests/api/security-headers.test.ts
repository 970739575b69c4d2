import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client.ts';
import { createHttpServer } from '../../server/http-server.ts';
import { problemHandler } from '../../server/problem.ts';
import { handlerTimeout } from '../../server/security/limits.ts';
import { openTileStore } from '../../server/tiles/tile-store.ts';
import { shippedApp } from '../support/app.ts';

/**
 * The hardening that every answer carries (server/security/): security headers, CORS for the public
 * read API only, 503 problems for a database away or a handler that hangs.
 */
let app: Awaited<ReturnType<typeof shippedApp>>['app'];
let db: Database;

beforeAll(async () => {
  ({ app, db } = await shippedApp());
});
afterAll(async () => {
  await db?.close();
});

const VALUES = '/api/values?indicator=prevalensi_stunting&period=2022&level=provinsi';

describe('security headers', () => {
  it('are on API answers, errors included', async () => {
    for (const path of [VALUES, '/api/values?period=22', '/nothing-here-at-all.txt']) {
      const response = await app.request(path);
      expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    }
  });

  it('let any site frame the embeddable paths, and only those', async () => {
    const embed = await app.request('/embed');
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(embed.headers.get('x-frame-options')).toBeNull();
    expect((await app.request('/embedded')).headers.get('x-frame-options')).toBe('DENY');
  });

  it('include nosniff on tiles from the fast path', async () => {
    const server = createHttpServer(app, openTileStore('geodata'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const response = await fetch(`http://127.0.0.1:${port}/tiles/provinsi/4/13/8.mvt`, { headers: { 'accept-encoding': 'gzip' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      server.close();
    }
  });
});

describe('CORS', () => {
  it('is open (*) for GETs of the public read API', async () => {
    for (const path of [VALUES, '/api/indicators', '/api/regions/53', '/api/search?q=kupang', '/tiles/provinsi.json']) {
      const response = await app.request(path, { headers: { origin: 'https://elsewhere.example' } });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('access-control-allow-origin'), path).toBe('*');
    }
  });

  it('answers a preflight for reading with GET, HEAD and OPTIONS only', async () => {
    const response = await app.request(VALUES, {
      method: 'OPTIONS',
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,HEAD,OPTIONS');
  });

  it('is absent on imports and accounts, for reading and for preflights', async () => {
    for (const [method, path] of [
      ['GET', '/api/imports'],
      ['OPTIONS', '/api/imports'],
      ['POST', '/api/imports'],
      ['OPTIONS', '/api/auth/login'],
      ['POST', '/api/auth/login'],
      ['GET', '/api/users'],
    ] as const) {
      const response = await app.request(path, { method, headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' } });
      expect(response.headers.get('access-control-allow-origin'), `${method} ${path}`).toBeNull();
    }
  });
});

describe('503 instead of 500', () => {
  const failing = (error: unknown) => {
    const mini = new Hono();
    mini.onError(problemHandler);
    mini.get('/', () => {
      throw error;
    });
    return mini.request('/');
  };

  it.each([
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['connection closed by postgres.js', Object.assign(new Error('write CONNECTION_CLOSED'), { code: 'CONNECTION_CLOSED' })],
    ['administrator shutdown', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['database starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['every address refused', new AggregateError([Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })], 'connect failed')],
  ])('maps "%s" to 503 problem+json with Retry-After', async (_what, error) => {
    const response = await failing(error);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('still answers 500 for a genuine fault', async () => {
    expect((await failing(Object.assign(new Error('column "x" does not exist'), { code: '42703' }))).status).toBe(500);
  });

  it('answers a handler that hangs with 503 after the timeout', async () => {
    const mini = new Hono();
    mini.onError(problemHandler);
    mini.use(handlerTimeout(50));
    mini.get('/', () => new Promise<Response>(() => {}));
    const response = await mini.request('/');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
  });

  it('refuses a NUL character in any parameter with 400 before it reaches the database', async () => {
    const response = await app.request('/api/values?indicator=%00&period=2022&level=provinsi');
    expect(response.status).toBe(400);
  });
});
