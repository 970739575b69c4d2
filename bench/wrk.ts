/**
 * wrk as the throughput client of the benchmarks (bench/load.ts, bench/tiles.ts): a Lua script that
 * rotates through a URL list and prints one JSON line at the end, and the parser of that line.
 * Needs wrk (/usr/bin/wrk, Debian package wrk).
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** Rotates through the URL list given as script argument; prints one JSON line with the error kinds at the end. */
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
  io.write(string.format('\\nWRK-JSON {"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50_us":%d,"p99_us":%d,"max_us":%d}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
`;

const WRK_SUMMARY = z.object({
  requests: z.number(), duration_us: z.number(), bytes: z.number(),
  connect: z.number(), read: z.number(), write: z.number(), status: z.number(), timeout: z.number(),
  p50_us: z.number(), p99_us: z.number(), max_us: z.number(),
});

export interface WrkRun {
  requestsPerSecond: number;
  requests: number;
  seconds: number;
  megabytesPerSecond: number;
  /** all errors; the kinds below add up to it. A run with errors is not a valid measurement */
  errors: number;
  /** socket errors, non-2xx/3xx answers (status), answers slower than the timeout (timeout) */
  errorKinds: { connect: number; read: number; write: number; status: number; timeout: number };
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
}

export interface WrkFiles {
  script: string;
  urls: string;
}

/** Writes the Lua script and the URL list of a run named `name` into `dir`. */
export function writeWrkFiles(dir: string, name: string, paths: string[]): WrkFiles {
  const script = join(dir, 'rotate.lua');
  const urls = join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.urls`);
  writeFileSync(script, WRK_SCRIPT);
  writeFileSync(urls, `${paths.join('\n')}\n`);
  return { script, urls };
}

/** The run's figures from everything wrk printed (its own report, then the script's JSON line). */
export function parseWrkOutput(output: string): WrkRun {
  const line = /WRK-JSON (\{.*\})/.exec(output)?.[1];
  if (!line) throw new Error(`wrk printed no WRK-JSON line: ${output.slice(-2000)}`);
  const raw = WRK_SUMMARY.parse(JSON.parse(line));
  const seconds = raw.duration_us / 1e6;
  const errorKinds = { connect: raw.connect, read: raw.read, write: raw.write, status: raw.status, timeout: raw.timeout };
  return {
    requestsPerSecond: raw.requests / seconds,
    requests: raw.requests,
    seconds,
    megabytesPerSecond: raw.bytes / seconds / 1e6,
    errors: Object.values(errorKinds).reduce((sum, n) => sum + n, 0),
    errorKinds,
    latencyP50Ms: raw.p50_us / 1000,
    latencyP99Ms: raw.p99_us / 1000,
    latencyMaxMs: raw.max_us / 1000,
  };
}

/** One wrk run: 1 thread (the other core is the server's), `connections` keep-alive connections, gzip accepted, 5 s timeout. */
export function runWrk(origin: string, files: WrkFiles, seconds: number, connections: number): Promise<WrkRun> {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '5s', '-H', 'Accept-Encoding: gzip', '-s', files.script, `${origin}/`, '--', files.urls];
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // Bounded even if wrk hangs on a server that stopped answering.
    const killer = setTimeout(() => child.kill('SIGKILL'), (seconds + 30) * 1000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(killer);
      if (code !== 0) return reject(new Error(`wrk failed (${code}): ${output.slice(-2000)}`));
      try {
        resolve(parseWrkOutput(output));
      } catch (error) {
        reject(error);
      }
    });
  });
}
