/**
 * The two clients of the tile benchmark: a sequential keep-alive node:http client for latency (it
 * does not decompress, so the time is the server's and the wire's, not gunzip's), and wrk with a Lua
 * script rotating through the URL list for throughput.
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
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

export interface LoadRun {
  requestsPerSecond: number;
  requests: number;
  seconds: number;
  megabytesPerSecond: number;
  /** socket errors and non-2xx answers; a run with errors is not a valid measurement */
  errors: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
}

/** Rotates through the URL list given as script argument; prints one JSON line at the end. */
const WRK_SCRIPT = `
local paths = {}
local i = 0
function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('\\nWRK-JSON {"requests":%d,"duration_us":%d,"bytes":%d,"errors":%d,"p50_us":%d,"p99_us":%d}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
`;

export function writeWrkFiles(dir: string, name: string, paths: string[]): { script: string; urls: string } {
  const script = join(dir, 'rotate.lua');
  const urls = join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.urls`);
  writeFileSync(script, WRK_SCRIPT);
  writeFileSync(urls, `${paths.join('\n')}\n`);
  return { script, urls };
}

const WRK_SUMMARY = z.object({ requests: z.number(), duration_us: z.number(), bytes: z.number(), errors: z.number(), p50_us: z.number(), p99_us: z.number() });

/** One wrk run: 1 thread (the other core is the server's), `connections` keep-alive connections. */
export function runWrk(origin: string, files: { script: string; urls: string }, seconds: number, connections: number): Promise<LoadRun> {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '5s', '-H', 'Accept-Encoding: gzip', '-s', files.script, `${origin}/`, '--', files.urls];
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // Bounded even if wrk hangs on a server that stopped answering.
    const killer = setTimeout(() => child.kill('SIGKILL'), (seconds + 20) * 1000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(killer);
      const line = /WRK-JSON (\{.*\})/.exec(output)?.[1];
      if (code !== 0 || !line) return reject(new Error(`wrk failed (${code}): ${output.slice(-2000)}`));
      const raw = WRK_SUMMARY.parse(JSON.parse(line));
      const secondsRun = raw.duration_us / 1e6;
      resolve({
        requestsPerSecond: raw.requests / secondsRun,
        requests: raw.requests,
        seconds: secondsRun,
        megabytesPerSecond: raw.bytes / secondsRun / 1e6,
        errors: raw.errors,
        latencyP50Ms: raw.p50_us / 1000,
        latencyP99Ms: raw.p99_us / 1000,
      });
    });
  });
}
