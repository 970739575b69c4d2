import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { cloneShippedDatabase, coverageCsv, desaCodes, eventually, importAuthorization, postImport } from './support.ts';

/**
 * The server is killed (SIGKILL: no shutdown of any kind) while an import over HTTP is rebuilding
 * its roll-ups, after the values and the batch are written. Since the import, roll-ups included,
 * is one transaction, nothing of it may remain; a restarted server serves the old values and imports
 * again normally.
 */
describe('an import killed midway', () => {
  let database: Awaited<ReturnType<typeof cloneShippedDatabase>>;
  let observer: postgres.Sql;
  const servers: AppServer[] = [];

  beforeAll(async () => {
    database = await cloneShippedDatabase();
    observer = postgres(database.url, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await observer?.end();
    await database?.drop();
  });

  const state = async () => {
    const [row] = await observer<{ batches: number; observations: number; rollups: number; version: number }[]>`
      SELECT (SELECT count(*) FROM import_batch)::int AS batches, (SELECT count(*) FROM observation)::int AS observations,
             (SELECT count(*) FROM rollup)::int AS rollups, (SELECT version FROM data_version)::int AS version`;
    return row;
  };

  it('leaves no batch, no values and no roll-ups behind, and the restarted server imports again', async () => {
    const startup = Date.now();
    const first = await startAppServer({ DATABASE_URL: database.url });
    servers.push(first);
    const startupMs = Date.now() - startup;
    const authorization = await importAuthorization(database.url);
    const before = await state();

    // 83,762 desa x 3 indicators: about 250,000 values, 8 MB.
    const started = Date.now();
    // How the upload ended, if it did before the kill: an answer then means the import was never
    // caught in its roll-ups (refused, or done too soon), and the test says so instead of waiting out its time.
    let ended: string | null = null;
    const upload = postImport(first.url, authorization, coverageCsv(desaCodes(), ['IH-1', 'IH-2', 'IH-3'], 2024, (i) => i % 101), 'nasional.csv').then(
      async (response) => {
        ended = `${response.status} after ${Date.now() - started} ms: ${(await response.clone().text()).slice(0, 300)}`;
        return response;
      },
      (error: unknown) => error,
    );
    await eventually(
      `the import to be rebuilding roll-ups inside its transaction (the server started in ${startupMs} ms)`,
      async () => {
        if (ended !== null) return true;
        const [row] = await observer<{ busy: number }[]>`
          SELECT count(*)::int AS busy FROM pg_stat_activity
          WHERE datname = current_database() AND xact_start IS NOT NULL
            AND query ~ '(DELETE FROM rollup|INSERT INTO rollup|SELECT o\\.kode, r\\.level)'`;
        return (row?.busy ?? 0) > 0 ? true : undefined;
      },
      60_000,
      20,
    );
    expect(ended, 'the import answered before it could be killed in its roll-ups').toBeNull();
    process.kill(first.pid, 'SIGKILL');
    expect(await first.exited).toMatchObject({ signal: 'SIGKILL' });
    expect(await upload).toBeInstanceOf(Error);

    // PostgreSQL rolls the transaction back once it notices its client is gone.
    await eventually('the killed server\'s session to end', async () => {
      const [row] = await observer<{ sessions: number }[]>`
        SELECT count(*)::int AS sessions FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`;
      return row?.sessions === 0 ? true : undefined;
    });
    expect(await state()).toEqual(before);

    const restarted = await startAppServer({ DATABASE_URL: database.url });
    servers.push(restarted);
    const values = async () => {
      const response = await fetch(`${restarted.url}/api/values?indicator=IH-1&period=2024&level=desa&parent=53.71.01`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { values: Record<string, { value: number; demo?: boolean }> }).values;
    };
    const kodes = Object.keys(await values());
    expect(kodes.length).toBeGreaterThan(0);
    expect(Object.values(await values()).every((value) => value.demo === true)).toBe(true);

    // Nothing is left locked: the next import goes through at once.
    const response = await postImport(restarted.url, authorization, coverageCsv(kodes.slice(0, 1), ['IH-1'], 2024, () => 42), 'satu.csv');
    expect(response.status).toBe(201);
    expect((await values())[kodes[0] ?? '']).toMatchObject({ value: 42 });
    expect((await state())?.batches).toBe((before?.batches ?? 0) + 1);
  });
});
