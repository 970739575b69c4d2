/**
 * The servers the tile benchmark compares, each serving the same gzip MVT bytes on 127.0.0.1:
 * ours (server/main.ts), a bare node:http and a tile-route-only Hono (diagnostics, same archives),
 * tileserver-gl-light on MBTiles written here, and nginx on a static {z}/{x}/{y}.mvt folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { PmtilesArchive } from '../../server/tiles/pmtiles-archive.ts';
import { freePort, spawnServer, type Server } from './processes.ts';
import { archiveTiles, type BenchLevel, type Tile } from './sample.ts';

export interface Peer extends Server {
  /** request path of a tile on this server */
  path(tile: Tile): string;
}

/** Where `bench/tiles.ts` looks for tileserver-gl-light (override with TILESERVER_GL_LIGHT_DIR). */
export const TILESERVER_DIR = process.env.TILESERVER_GL_LIGHT_DIR ?? join(homedir(), '.cache', 'peta-bench', 'tileserver');
export const TILESERVER_HELP = `mkdir -p ${TILESERVER_DIR} && cd ${TILESERVER_DIR} && npm init -y && npm install tileserver-gl-light
  (if its sqlite3 then fails to load: npm_config_nodedir=/usr npm rebuild sqlite3)`;

/** Writes every tile of every archive as {root}/{level}/{z}/{x}/{y}.mvt, gzip bytes as stored. */
export function writeTileFolder(root: string, archives: Map<BenchLevel, PmtilesArchive>): Map<BenchLevel, number> {
  const counts = new Map<BenchLevel, number>();
  for (const [level, archive] of archives) {
    let count = 0;
    for (const { z, x, y, data } of archiveTiles(archive)) {
      const dir = join(root, level, String(z), String(x));
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${y}.mvt`), data);
      count++;
    }
    counts.set(level, count);
  }
  return counts;
}

const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * One MBTiles file per level (metadata + tiles, TMS rows), filled by the sqlite3 CLI reading the
 * tile folder with its readfile(), so the blobs are byte for byte the archive's gzip data.
 */
export function writeMbtiles(folder: string, out: string, archives: Map<BenchLevel, PmtilesArchive>): void {
  mkdirSync(out, { recursive: true });
  for (const [level, archive] of archives) {
    const { header, metadata } = archive;
    const meta: Record<string, string> = {
      name: `Batas ${level}`,
      format: 'pbf',
      type: 'overlay',
      minzoom: String(header.minZoom),
      maxzoom: String(header.maxZoom),
      bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat].join(','),
      center: [header.centerLon, header.centerLat, header.centerZoom].join(','),
      json: JSON.stringify({ vector_layers: metadata.vector_layers ?? [] }),
    };
    const lines = [
      'PRAGMA journal_mode=OFF;',
      'PRAGMA synchronous=OFF;',
      'BEGIN;',
      'CREATE TABLE metadata (name text, value text);',
      'CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob);',
      'CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);',
      ...Object.entries(meta).map(([name, value]) => `INSERT INTO metadata VALUES (${sqlText(name)}, ${sqlText(value)});`),
    ];
    for (const { z, x, y } of archiveTiles(archive)) {
      const file = join(folder, level, String(z), String(x), `${y}.mvt`);
      lines.push(`INSERT INTO tiles VALUES (${z}, ${x}, ${2 ** z - 1 - y}, readfile(${sqlText(file)}));`);
    }
    lines.push('COMMIT;');
    const result = spawnSync('sqlite3', [join(out, `${level}.mbtiles`)], { input: lines.join('\n'), encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`sqlite3 failed for ${level}: ${result.stderr || result.error?.message}`);
  }
}

export async function startOurs(pgliteDir: string): Promise<Peer> {
  const server = await spawnServer({
    name: 'ours',
    command: process.execPath,
    // As `npm start` runs it: a 32 MB young generation (BENCHMARKS.md, tile serving).
    args: ['--max-semi-space-size=32', '--import', 'tsx', 'server/main.ts'],
    env: { PORT: '0', HOST: '127.0.0.1', PGLITE_DIR: pgliteDir, DATABASE_URL: '' },
    readyLine: /listening on (http:\/\/\S+)/,
    timeoutMs: 180_000,
  });
  return { ...server, path: (t) => `/tiles/${t.level}/${t.z}/${t.x}/${t.y}.mvt` };
}

/** Diagnostics: the same archives behind our fast path alone in node:http, and behind only the Hono tile route. */
export async function startNodeDiagnostic(mode: 'bare' | 'hono'): Promise<Peer> {
  const server = await spawnServer({
    name: mode === 'bare' ? 'bare node:http, fast path only' : 'Hono tile route only',
    command: process.execPath,
    args: ['--import', 'tsx', 'bench/tiles/node-server.ts', mode],
    env: { PORT: '0' },
    readyLine: /listening on (http:\/\/\S+)/,
    timeoutMs: 60_000,
  });
  return { ...server, path: (t) => `/tiles/${t.level}/${t.z}/${t.x}/${t.y}.mvt` };
}

export async function startTileserver(mbtilesDir: string, levels: BenchLevel[]): Promise<Peer> {
  const main = join(TILESERVER_DIR, 'node_modules', 'tileserver-gl-light', 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`tileserver-gl-light is not installed; install it with:\n  ${TILESERVER_HELP}`);
  const config = join(mbtilesDir, 'config.json');
  const data = Object.fromEntries(levels.map((level) => [level, { mbtiles: `${level}.mbtiles` }]));
  writeFileSync(config, JSON.stringify({ options: { paths: { root: mbtilesDir, mbtiles: mbtilesDir } }, data }, null, 2));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = await spawnServer({
    name: 'tileserver-gl-light',
    command: process.execPath,
    // --silent: no access log line for 200s, which would otherwise cost it throughput.
    args: [main, '--config', config, '--port', String(port), '--bind', '127.0.0.1', '--silent'],
    origin,
    readyPath: `/data/${levels[0]}.json`,
    timeoutMs: 60_000,
  });
  return { ...server, path: (t) => `/data/${t.level}/${t.z}/${t.x}/${t.y}.pbf` };
}

/** nginx, one worker (like one Node process), serving the stored gzip bytes with our headers. */
export async function startNginx(tileFolder: string, workDir: string, probe: Tile): Promise<Peer> {
  const nginx = ['/usr/sbin/nginx', 'nginx'].find((candidate) => spawnSync(candidate, ['-v']).status === 0);
  if (!nginx) throw new Error('nginx is not installed; install it with: apt-get install -y nginx');
  const port = await freePort();
  mkdirSync(workDir, { recursive: true });
  const conf = join(workDir, 'nginx.conf');
  writeFileSync(
    conf,
    `user root;
worker_processes 1;
daemon off;
pid ${join(workDir, 'nginx.pid')};
error_log ${join(workDir, 'error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path ${workDir}; proxy_temp_path ${workDir}; fastcgi_temp_path ${workDir};
  uwsgi_temp_path ${workDir}; scgi_temp_path ${workDir};
  types { }
  default_type application/vnd.mapbox-vector-tile;
  server {
    listen 127.0.0.1:${port};
    root ${tileFolder};
    location / {
      add_header Content-Encoding gzip;
      add_header Cache-Control "public, max-age=86400, stale-while-revalidate=604800";
      add_header Access-Control-Allow-Origin *;
      add_header Vary Accept-Encoding;
    }
  }
}
`,
  );
  const path = (t: Tile) => `/${t.level}/${t.z}/${t.x}/${t.y}.mvt`;
  const server = await spawnServer({
    name: 'nginx',
    command: nginx,
    args: ['-p', workDir, '-c', conf],
    origin: `http://127.0.0.1:${port}`,
    readyPath: path(probe),
    timeoutMs: 20_000,
  });
  return { ...server, path };
}
