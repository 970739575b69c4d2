import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throw-away PostgreSQL cluster made with the machine's PostgreSQL binaries, on a free loopback
 * port, for tests and benchmarks. `stop()` removes it.
 */
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** initdb refuses to run as root; the cluster then belongs to the postgres system user. */
function asClusterOwner(command: string, args: string[]) {
  const isRoot = process.getuid?.() === 0;
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
}

/** A loopback port that the operating system reports free right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface PostgresCluster {
  url: string;
  /** Where the cluster lives, so another process (a test file) can stop and start its server. */
  dataDir: string;
  root: string;
  port: number;
  /** Stops the server and removes the cluster. */
  stop(): void;
}

/** Stops the cluster's server, leaving its files: `fast` ends sessions (57P01), `immediate` is a crash. */
export function stopClusterServer(cluster: Pick<PostgresCluster, 'dataDir'>, mode: 'fast' | 'immediate' = 'fast') {
  asClusterOwner(join(PG_BIN, 'pg_ctl'), ['-D', cluster.dataDir, '-m', mode, '-w', 'stop']);
}

/** Starts the server of a cluster made by startPostgresCluster again, on the same port. */
export function startClusterServer(cluster: Pick<PostgresCluster, 'dataDir' | 'root' | 'port'>) {
  asClusterOwner(join(PG_BIN, 'pg_ctl'), [
    '-D', cluster.dataDir, '-l', join(cluster.root, 'postgres.log'), '-w', '-t', '60',
    '-o', `-p ${cluster.port} -k ${cluster.root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`,
    'start',
  ]);
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  if (!existsSync(join(PG_BIN, 'initdb'))) {
    throw new Error(`no PostgreSQL binaries in ${PG_BIN}: install postgresql-15 or set DATABASE_URL (or PG_BIN)`);
  }
  const root = mkdtempSync(join(tmpdir(), 'peta-pg-'));
  const dataDir = join(root, 'data');
  if (process.getuid?.() === 0) {
    chownSync(root, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  }
  const port = await freePort();
  asClusterOwner(join(PG_BIN, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  startClusterServer({ dataDir, root, port });
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dataDir,
    root,
    port,
    stop() {
      asClusterOwner(join(PG_BIN, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
