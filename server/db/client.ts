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

/**
 * postgres.js opens connections lazily and drops broken ones, so when PostgreSQL goes away queries
 * fail (isDatabaseUnavailable) and, once it is back, the next query simply connects again: nothing
 * here has to notice the outage. A short connect timeout makes an unreachable server fail fast
 * (503) rather than hold requests for the 30 s default.
 */
export async function connectPostgres(url: string): Promise<Database> {
  const sql = postgres(url, { ...clientOptions, max: 10, connect_timeout: 5, idle_timeout: 60 });
  return { sql, kind: 'postgresql', close: () => sql.end({ timeout: 5 }) };
}

/** Socket errors and postgres.js's own connection errors: the database is unreachable or went away. */
const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE',
  'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT',
]);

/**
 * SQLSTATEs that mean "not now" rather than "wrong": class 08 (connection exception), 57P01-57P03
 * (admin or crash shutdown, still starting up) and 53300 (too many connections).
 */
const UNAVAILABLE_STATES = /^(08...|57P0[1-3]|53300)$/;

/** Text the database refused to store (a NUL character, 22021, or one its encoding lacks, 22P05): the client's input. */
export function isUnstorableText(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error.code === '22021' || error.code === '22P05');
}

/** Whether an error means the database is away, so the request deserves a 503, not a 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = 'code' in error ? String(error.code) : '';
  if (CONNECTION_ERRORS.has(code) || UNAVAILABLE_STATES.test(code)) return true;
  // Node reports a failed connection to several addresses (localhost: ::1 and 127.0.0.1) as one AggregateError.
  return error instanceof AggregateError && error.errors.some(isDatabaseUnavailable);
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
