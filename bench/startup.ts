/**
 * Start-up budgets of the embedded default (issue 4): a fresh clone's first `npm start` (embedded
 * database created, shipped and demonstration data loaded) under 60 s, later starts under 10 s, and
 * the whole server under 1.5 GB of memory. Measures the server process itself (not npm), from spawn
 * to its "listening on" line, and its peak resident memory (VmHWM) after a round of requests.
 *
 * Usage: npx tsx bench/startup.ts      Output: a markdown table and bench/results/startup.json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

interface Run {
  seconds: number;
  peakMB: number;
}

async function start(pgliteDir: string): Promise<Run> {
  const began = performance.now();
  const child = spawn(process.execPath, ['--max-semi-space-size=32', '--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PGLITE_DIR: pgliteDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const seconds = (performance.now() - began) / 1000;
  // A round of typical requests, so the peak includes serving, not only loading.
  for (const path of ['/api/indicators', '/api/values?indicator=IH-1&period=2024&level=desa', '/api/values?indicator=IH-1&period=2024&level=kecamatan', '/tiles/desa/10/853/538.mvt']) {
    await (await fetch(url + path)).arrayBuffer();
  }
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const peakMB = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return { seconds, peakMB };
}

const dir = mkdtempSync(join(tmpdir(), 'peta-startup-'));
try {
  const first = await start(join(dir, 'pglite'));
  const later = [await start(join(dir, 'pglite')), await start(join(dir, 'pglite')), await start(join(dir, 'pglite'))];
  const laterMedian = later.map((run) => run.seconds).sort((a, b) => a - b)[1] ?? Number.NaN;
  const peakMB = Math.max(first.peakMB, ...later.map((run) => run.peakMB));
  const result = {
    date: new Date().toISOString(),
    machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    firstStartSeconds: first.seconds,
    laterStartSeconds: later.map((run) => run.seconds),
    laterStartMedianSeconds: laterMedian,
    peakResidentMB: peakMB,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/startup.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(`| measure | result | budget |
|---|---|---|
| first start, embedded database created, demonstration data generated | ${first.seconds.toFixed(1)} s | < 60 s |
| later starts (median of 3) | ${laterMedian.toFixed(1)} s | < 10 s |
| peak resident memory of the server | ${peakMB.toFixed(0)} MB | < 1,500 MB |

Machine: ${result.machine}; ${result.date}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
