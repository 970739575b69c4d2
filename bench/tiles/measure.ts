/**
 * The latency client of the tile benchmark: a sequential keep-alive node:http client (it does not
 * decompress, so the time is the server's and the wire's, not gunzip's). Throughput is wrk's
 * (bench/wrk.ts).
 */
import { Agent, request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { Tile } from './sample.ts';

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
export const median = (values: number[]) => percentile(values, 50);

interface Fetched {
  ms: number;
  status: number;
  encoding: string | undefined;
  body: Buffer;
}

function get(agent: Agent, url: URL): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const req = request(url, { agent, headers: { 'accept-encoding': 'gzip' }, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ ms: performance.now() - began, status: res.statusCode ?? 0, encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer in 10 s from ${url.href}`)));
    req.on('error', reject);
    req.end();
  });
}

/**
 * Requests every tile once, in order, one at a time, and returns each time in ms. Checks that every
 * answer is a 200 with Content-Encoding gzip whose content is the archive's tile, so no server is
 * fast by answering something else (tileserver-gl-light re-compresses, so contents are compared).
 */
export async function sequentialPass(origin: string, tiles: Tile[], path: (tile: Tile) => string, agent: Agent): Promise<number[]> {
  const times: number[] = [];
  for (const tile of tiles) {
    const url = new URL(path(tile), origin);
    const answer = await get(agent, url);
    if (answer.status !== 200) throw new Error(`${url.href}: status ${answer.status}, expected 200`);
    if (answer.encoding !== 'gzip') throw new Error(`${url.href}: Content-Encoding ${answer.encoding}, expected gzip`);
    if (!answer.body.equals(Buffer.from(tile.data)) && !gunzipSync(answer.body).equals(gunzipSync(tile.data))) {
      throw new Error(`${url.href}: the tile differs from the archive's`);
    }
    times.push(answer.ms);
  }
  return times;
}

export const keepAliveAgent = () => new Agent({ keepAlive: true, maxSockets: 1 });
