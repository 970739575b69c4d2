import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createAccounts } from '../../server/auth/accounts.ts';
import { NATIONAL } from '../../server/auth/scope.ts';
import { readCatalogue } from '../../server/catalogue.ts';
import { recordAudit } from '../../server/db/audit.ts';
import { connectPostgres, startEmbedded, type Database, type DatabaseKind } from '../../server/db/client.ts';
import { applyImport } from '../../server/db/imports.ts';
import { migrate } from '../../server/db/migrate.ts';
import { loadShippedData } from '../../server/db/shipped-data.ts';
import { openTileStore } from '../../server/tiles/tile-store.ts';
import { loadRegionTree } from '../../server/values/region-tree.ts';
import { readSuccessions } from '../../server/values/succession.ts';
import { login } from '../support/accounts.ts';
import { DATABASE_KINDS, emptyPostgresDatabase, freshDatabase } from '../support/databases.ts';

/**
 * The core of accounts on both databases: the first admin, users, login, an import in and out of
 * scope, rollback, lockout shared by two server instances (state lives in the database), audit entries
 * in the transaction of their change, a target that survives a reload of the shipped catalogue, and
 * the create-admin command.
 */
const MINUTE = 60_000;
const ADMIN_PASSWORD = 'kata sandi admin nasional';

describe.each(DATABASE_KINDS)('accounts on %s', (kind) => {
  let db: Database;
  let clock = new Date();
  let instanceA: ReturnType<typeof createApp>;
  let instanceB: ReturnType<typeof createApp>;
  const count = async (table: 'import_batch' | 'audit_log' | 'observation') => (await db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM ${db.sql(table)}`)[0]?.n ?? 0;

  beforeAll(async () => {
    db = await freshDatabase(kind);
    await loadShippedData(db, { geodataDir: 'geodata', dataDir: 'data' });
    const regionTree = await loadRegionTree(db);
    // Two server instances on one database, as behind a load balancer.
    const make = () =>
      createApp({ db, tiles: openTileStore('geodata'), regionTree, successions: readSuccessions('data'), catalogue: readCatalogue('data'), auth: { now: () => clock, trustProxy: true } });
    instanceA = make();
    instanceB = make();
    // what `npm run create-admin` does
    await createAccounts(db, { now: () => clock }).create({ userId: null, name: 'cli:test', ip: null, scope: NATIONAL }, { email: 'admin@peta.test', name: 'Admin', role: 'admin', region: null, password: ADMIN_PASSWORD });
  });
  afterAll(() => db?.close());

  it('lets the admin create an operator, who imports in their kab/kota and is refused whole outside it', async () => {
    const admin = await login(instanceA, 'admin@peta.test', ADMIN_PASSWORD, '192.0.2.1');
    const created = await instanceA.request('/api/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...admin.writeHeaders },
      body: JSON.stringify({ email: 'operator@denpasar.test', name: 'Operator Denpasar', role: 'kabkota', region: '51.71', password: 'sandi operator denpasar' }),
    });
    expect(created.status).toBe(201);

    const operator = await login(instanceB, 'operator@denpasar.test', 'sandi operator denpasar', '192.0.2.2');
    const upload = (text: string) => {
      const form = new FormData();
      form.append('file', new File([text], 'capaian.csv', { type: 'text/csv' }));
      return instanceB.request('/api/imports', { method: 'POST', body: form, headers: operator.writeHeaders });
    };
    const before = { batches: await count('import_batch'), audit: await count('audit_log'), observations: await count('observation') };
    const refused = await upload('kode,indikator,periode,pembilang,penyebut\n51.71.01.1001,IH-1,2024,9,10\n51.03.01.1001,IH-1,2024,3,10\n');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ scope: '51.71', outside: 1, rows: [{ line: 3, kode: '51.03.01.1001' }] });
    expect({ batches: await count('import_batch'), audit: await count('audit_log'), observations: await count('observation') }).toEqual(before);

    const done = await upload('kode,indikator,periode,pembilang,penyebut\n51.71.01.1001,IH-1,2024,9,10\n51.71.01.1002,IH-1,2024,3,10\n');
    expect(done.status).toBe(201);
    const { summary } = (await done.json()) as { summary: { batchId: number } };
    const [entry] = await db.sql<{ actor: string; scope: string; after: { rows: number; region_scope: string } }[]>`
      SELECT actor, scope, after FROM audit_log WHERE action = 'import' AND target = ${`batch:${summary.batchId}`}`;
    expect(entry).toMatchObject({ actor: 'operator@denpasar.test', scope: '51.71.01', after: { rows: 2, region_scope: '51.71.01' } });

    // the admin, on the other instance, rolls it back
    const rollback = await instanceA.request(`/api/imports/${summary.batchId}/rollback`, { method: 'POST', headers: admin.writeHeaders });
    expect(rollback.status).toBe(200);
    expect(await count('observation')).toBe(before.observations);
  });

  it('shares lockout between instances through the database, and lifts it after 15 minutes', async () => {
    const attempt = (app: ReturnType<typeof createApp>, password: string, ip: string) =>
      app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify({ email: 'admin@peta.test', password }) });
    const statuses = [];
    for (let n = 1; n <= 5; n += 1) statuses.push((await attempt(n % 2 ? instanceA : instanceB, `wrong ${n}`, `192.0.2.${10 + n}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const locked = await attempt(instanceA, ADMIN_PASSWORD, '192.0.2.20');
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('900');
    clock = new Date(clock.getTime() + 15 * MINUTE + 1000);
    expect((await attempt(instanceB, ADMIN_PASSWORD, '192.0.2.20')).status).toBe(200);
    const actions = await db.sql<{ action: string }[]>`SELECT action FROM audit_log WHERE action LIKE 'auth.%' AND actor = 'admin@peta.test' ORDER BY id`;
    expect(actions.map((row) => row.action).filter((action) => action !== 'auth.login')).toEqual([...Array(5).fill('auth.login_failed'), 'auth.lockout']);
  });

  it('writes an audit entry in the transaction of its change: a failed write leaves neither', async () => {
    const before = { batches: await count('import_batch'), audit: await count('audit_log') };
    const write = applyImport(
      db,
      [{ kode: '51.71.01.1003', indicator: 'IH-1', period: '2023', value: 50, numerator: 5, denominator: 10 }],
      { createdBy: 'test', filename: 'x.csv', fileSha256: '0'.repeat(64), format: 'long', source: 'test' },
      {
        dryRun: false,
        inTransaction: async (sql) => {
          await recordAudit(sql, { at: clock, userId: null, actor: 'test', action: 'import', target: 'batch:x', scope: null, before: null, after: null, ip: null });
          throw new Error('the disk is full');
        },
      },
    );
    await expect(write).rejects.toThrow('the disk is full');
    expect({ batches: await count('import_batch'), audit: await count('audit_log') }).toEqual(before);
  });

  it('keeps a target an admin set when the shipped catalogue is loaded again', async () => {
    const admin = await login(instanceA, 'admin@peta.test', ADMIN_PASSWORD, '192.0.2.30');
    const response = await instanceA.request('/api/indicators/prevalensi_stunting/target', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...admin.writeHeaders },
      body: JSON.stringify({ target: 14.2, target_year: 2029, target_source: 'RPJMN 2025-2029' }),
    });
    expect(response.status).toBe(200);
    await db.sql`UPDATE indicator SET target = 1 WHERE id = 'IH-5'`;
    await db.sql`UPDATE shipped_dataset SET checksum = 'stale'`;
    expect((await loadShippedData(db, { geodataDir: 'geodata', dataDir: 'data' })).changed).toBe(true);
    const rows = await db.sql<{ id: string; target: number; target_source: string }[]>`SELECT id, target, target_source FROM indicator WHERE id IN ('prevalensi_stunting', 'IH-5') ORDER BY id`;
    expect(rows).toEqual([
      { id: 'IH-5', target: 70, target_source: expect.any(String) },
      { id: 'prevalensi_stunting', target: 14.2, target_source: 'RPJMN 2025-2029' },
    ]);
  });

  it('creates the first admin with `npm run create-admin`, refuses a second run, and resets the password when asked', async () => {
    const target = await scratchTarget(kind);
    try {
      const run = (...args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'scripts/create-admin.ts', ...args], {
          env: { ...withoutDatabaseUrl(), ...target.env, PETA_ADMIN_PASSWORD: 'kata sandi pertama admin' },
          encoding: 'utf8',
          timeout: 120_000,
        });
      const first = run('--email', 'Kepala@Bangda.test', '--name', 'Kepala Bangda');
      expect(first.status, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/admin kepala@bangda\.test dibuat/);
      const again = run('--email', 'kepala@bangda.test', '--name', 'Kepala Bangda');
      expect(again.status).toBe(1);
      expect(again.stderr).toMatch(/--reset-password/);
      const reset = run('--email', 'kepala@bangda.test', '--reset-password', '--api-token', 'otomasi');
      expect(reset.status, reset.stderr).toBe(0);
      expect(reset.stdout.trim()).toMatch(/^peta_[\w-]{43}$/);
      expect(run('--email', 'x@y.test').status).toBe(2);
      const weak = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/create-admin.ts', '--email', 'w@y.test', '--name', 'W'], {
        env: { ...withoutDatabaseUrl(), ...target.env, PETA_ADMIN_PASSWORD: 'short' },
        encoding: 'utf8',
      });
      expect(weak.status).toBe(1);
      expect(weak.stderr).toMatch(/at least 12 characters/);

      const check = await target.open();
      try {
        const users = await check.sql<{ email: string; role: string }[]>`SELECT email, role FROM app_user`;
        expect(users).toEqual([{ email: 'kepala@bangda.test', role: 'admin' }]);
        const audit = await check.sql<{ action: string; actor: string }[]>`SELECT action, actor FROM audit_log ORDER BY id`;
        expect(audit.map((row) => row.action)).toEqual(['user.create', 'user.update', 'auth.token_create']);
        expect(audit[0]?.actor).toMatch(/^cli:/);
        if (kind === 'pglite') {
          // while a process holds the embedded database, the command refuses instead of corrupting it
          const held = run('--email', 'other@bangda.test', '--name', 'Other');
          expect(held.status).toBe(1);
          expect(held.stderr).toMatch(/in use by process/);
        }
      } finally {
        await check.close();
      }
    } finally {
      await target.drop();
    }
  }, 300_000);
});

function withoutDatabaseUrl(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, ...env } = process.env;
  return env;
}

/** An empty database for the command to work on: a folder for PGlite, a new database on the PostgreSQL server. */
async function scratchTarget(kind: DatabaseKind): Promise<{ env: Record<string, string>; open(): Promise<Database>; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const root = mkdtempSync(join(tmpdir(), 'peta-create-admin-'));
    const dir = join(root, 'pglite');
    return {
      env: { PGLITE_DIR: dir },
      open: async () => {
        const db = await startEmbedded(dir);
        await migrate(db);
        return db;
      },
      drop: async () => rmSync(root, { recursive: true, force: true }),
    };
  }
  const empty = await emptyPostgresDatabase();
  return {
    env: { DATABASE_URL: empty.url },
    open: () => connectPostgres(empty.url),
    drop: () => empty.drop(),
  };
}
