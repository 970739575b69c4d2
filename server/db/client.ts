import { mkdirSync } from 'node:fs';
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
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({ dataDir });
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
    },
  };
}

export function openDatabase(options: { databaseUrl?: string; pgliteDir: string }): Promise<Database> {
  return options.databaseUrl ? connectPostgres(options.databaseUrl) : startEmbedded(options.pgliteDir);
}
