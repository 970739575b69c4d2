import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { cloneShippedDatabase, coverageCsv, importAuthorization, postImport } from './support.ts';

/**
 * Two server processes on one PostgreSQL, as behind a load balancer. Every cache is keyed by the
 * data version in the database, so a value imported through one is served by the other at once,
 * even when the other had the old answer cached.
 */
describe('two instances on one database', () => {
  let database: Awaited<ReturnType<typeof cloneShippedDatabase>>;
  let writer: AppServer;
  let reader: AppServer;

  beforeAll(async () => {
    database = await cloneShippedDatabase();
    // Started together, as in a deploy: one migrates and checks the shipped data while the other waits.
    [writer, reader] = await Promise.all([startAppServer({ DATABASE_URL: database.url }), startAppServer({ DATABASE_URL: database.url })]);
  });
  afterAll(async () => {
    await writer?.close();
    await reader?.close();
    await database?.drop();
  });

  it('serves a value imported through one instance from the other immediately', async () => {
    const valuesPath = '/api/values?indicator=IH-1&period=2024&level=desa&parent=53.71.01';
    const read = async (server: AppServer, path: string) => {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      return { etag: response.headers.get('etag'), body: (await response.json()) as { values: Record<string, { value: number; demo?: boolean }>; indicators?: { id: string; value: number | null; demo: boolean }[] } };
    };
    // The reader answers, and caches, the demonstration values first.
    const cached = await read(reader, valuesPath);
    const kode = Object.keys(cached.body.values)[0] ?? '';
    expect(cached.body.values[kode]?.demo).toBe(true);
    expect((await read(reader, valuesPath)).etag).toBe(cached.etag);
    const profilePath = `/api/regions/${kode}?period=2024`;
    await read(reader, profilePath);

    const response = await postImport(writer.url, await importAuthorization(database.url), coverageCsv([kode], ['IH-1'], 2024, () => 37), 'satu.csv');
    expect(response.status).toBe(201);

    const fresh = await read(reader, valuesPath);
    expect(fresh.etag).not.toBe(cached.etag);
    expect(fresh.body.values[kode]).toMatchObject({ value: 37, numerator: 37, denominator: 100 });
    expect(fresh.body.values[kode]?.demo).toBeUndefined();
    // The kecamatan's roll-up, and the desa's profile, from the reader as well.
    const kecamatan = await read(reader, '/api/values?indicator=IH-1&period=2024&level=kecamatan&parent=53.71');
    expect(kecamatan.body.values['53.71.01']).toMatchObject({ value: 37, basis: 'rollup', reporting: 1 });
    const profile = await read(reader, profilePath);
    expect(profile.body.indicators?.find((indicator) => indicator.id === 'IH-1')).toMatchObject({ value: 37, demo: false });
  });
});
