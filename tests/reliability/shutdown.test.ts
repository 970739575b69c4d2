import { connect } from 'node:net';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { cloneShippedDatabase, eventually } from './support.ts';

/**
 * SIGTERM (an orchestrator replacing the instance): the server stops accepting connections, lets
 * the request in flight finish, closes the database and exits 0. The request is held in flight by
 * a lock on the data_version table, which every values request reads.
 */
describe('graceful shutdown', () => {
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

  it('finishes the request in flight, refuses new connections, then exits 0', async () => {
    const port = Number(new URL(server.url).port);
    const blocker = postgres(database.url, { max: 1, onnotice: () => {} });
    const observer = postgres(database.url, { max: 1, onnotice: () => {} });
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holding = blocker.begin(async (sql) => {
      await sql`LOCK TABLE data_version IN ACCESS EXCLUSIVE MODE`;
      locked();
      await released;
    });
    try {
      await isLocked;
      const inFlight = fetch(`${server.url}/api/values?indicator=prevalensi_stunting&period=2022&level=provinsi`);
      await eventually('the request to wait for the lock', async () => {
        const [row] = await observer<{ waiting: number }[]>`
          SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
        return (row?.waiting ?? 0) > 0 ? true : undefined;
      });

      process.kill(server.pid, 'SIGTERM');
      await eventually('new connections to be refused', () => refused(port));
      release();
      const response = await inFlight;
      expect(response.status).toBe(200);
      const body = (await response.json()) as { values: Record<string, { value: number }> };
      expect(body.values['53']?.value).toBe(35.3);
    } finally {
      release();
      await holding;
      await blocker.end();
      await observer.end();
    }
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toMatch(/SIGTERM: shutting down/);
    expect(server.output()).toMatch(/database closed/);
    expect(server.output()).not.toMatch(/requests still running at the deadline were cut/);
  });
});

/** true when a TCP connection to the port is refused (the server stopped listening), else undefined. */
function refused(port: number): Promise<true | undefined> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED' ? true : undefined));
  });
}
