import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';

/**
 * One data-access connection for both databases. The embedded default is PGlite served over the
 * PostgreSQL wire protocol on a loopback port, so postgres.js (and all our SQL) is the same whether
 * DATABASE_URL points at a real PostgreSQL or not.
 */
export type DatabaseKind = 'postgresql' | 'pglite';

export interface Database {
  sql: postgres.Sql;
  kind: DatabaseKind;
  close(): Promise<void>;
}

const NUMERIC_OID = 1700;
const INT8_OID = 20;

/** numeric and bigint come back as JS numbers: our values are rates, counts and rupiah well inside 2^53. */
const clientOptions = {
  types: {
    numeric: { to: NUMERIC_OID, from: [NUMERIC_OID], serialize: String, parse: Number },
    bigint: { to: INT8_OID, from: [INT8_OID], serialize: String, parse: Number },
  },
  onnotice: () => {},
} satisfies postgres.Options<Record<string, postgres.PostgresType>>;

export async function connectPostgres(url: string): Promise<Database> {
  const sql = postgres(url, { ...clientOptions, max: 10 });
  return { sql, kind: 'postgresql', close: () => sql.end({ timeout: 5 }) };
}

/** `dataDir` is a directory, or `memory://` for a database that lives only as long as the process. */
export async function startEmbedded(dataDir: string): Promise<Database> {
  // Loaded lazily: a PostgreSQL deployment never pays for the WASM build.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const releaseLock = inMemory ? () => {} : lockDataDir(dataDir);
  let pglite: InstanceType<typeof PGlite>;
  try {
    pglite = await PGlite.create({ dataDir });
  } catch (error) {
    releaseLock();
    throw new Error(
      `the embedded database in ${dataDir} could not be opened (${String(error)}). If the server was killed ` +
        'while writing, the folder may be damaged: move it away and start again to rebuild it from the shipped data ' +
        '(imported data in it would then have to be imported again).',
    );
  }
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0 });
  await server.start();
  const address = server.getServerConn();
  // PGlite runs one query at a time; one client connection avoids interleaving transactions.
  const sql = postgres(`postgres://postgres@${address}/postgres`, { ...clientOptions, max: 1 });
  return {
    sql,
    kind: 'pglite',
    async close() {
      await sql.end({ timeout: 5 });
      await server.stop();
      await pglite.close();
      releaseLock();
    },
  };
}

export function openDatabase(options: { databaseUrl?: string; pgliteDir: string }): Promise<Database> {
  return options.databaseUrl ? connectPostgres(options.databaseUrl) : startEmbedded(options.pgliteDir);
}

/**
 * PGlite is a single-process database: two processes writing the same folder corrupt it. A pid file
 * keeps a second server, or the import command, from opening a folder that a live process holds.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = join(dataDir, 'peta.pid');
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(readFileSync(lockFile, 'utf8'));
    if (holder !== process.pid && isAlive(holder)) {
      throw new Error(`the embedded database in ${dataDir} is in use by process ${holder} (is \`npm start\` running?); stop it first, or use the HTTP import`);
    }
    writeFileSync(lockFile, String(process.pid));
  }
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
