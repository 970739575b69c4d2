/** The markdown of `bench/results/tiles.md`, from the result object `bench/tiles.ts` also writes as JSON. */
import type { WrkRun } from '../wrk.ts';
import { BENCH_LEVELS, type BenchLevel } from './sample.ts';

export interface LevelLatency {
  tiles: number;
  meanKB: number;
  coldP95Ms: number;
  coldMaxMs: number;
  warmMedianMs: number;
  warmP95Ms: number;
}

export interface ServerResult {
  name: string;
  role: 'ours' | 'peer' | 'diagnostic';
  runs: WrkRun[];
  medianRequestsPerSecond: number;
  latency: Partial<Record<BenchLevel, LevelLatency>>;
}

export interface TilesResult {
  date: string;
  machine: string;
  versions: Record<string, string>;
  setup: { connections: number; secondsPerRun: number; runs: number; warmPasses: number; seed: number; tiles: number; zooms: string };
  servers: ServerResult[];
  ratios: { oursOverTileserver: number; nginxOverOurs: number; bareOverOurs: number; honoRouteOverOurs: number };
}

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—');
const ms = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '—' : n < 10 ? n.toFixed(2) : n.toFixed(1));
const ratio = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : '—');

export function markdown(result: TilesResult): string {
  const { setup, servers, ratios } = result;
  const byName = (name: string) => servers.find((server) => server.name === name);
  const lines: string[] = [];
  lines.push(`# Tile serving (issue 5) — \`npx tsx bench/tiles.ts\``, '');
  lines.push(
    `${setup.tiles} non-empty tiles over populated areas (${setup.zooms}; seed ${setup.seed}), the same gzip MVT bytes from every server, ` +
      `requested with \`Accept-Encoding: gzip\` on 127.0.0.1.`,
    '',
  );
  lines.push(`## Throughput: wrk -t1 -c${setup.connections}, ${setup.secondsPerRun} s per run, runs interleaved across servers`, '');
  lines.push(`| server | ${setup.runs > 0 ? [...Array(setup.runs).keys()].map((i) => `run ${i + 1}`).join(' | ') : ''} | **median req/s** | MB/s | wrk p50 / p99 ms | errors |`);
  lines.push(`|---|${'---|'.repeat(setup.runs)}---|---|---|---|`);
  for (const server of servers) {
    const mid = server.runs.find((run) => run.requestsPerSecond === server.medianRequestsPerSecond) ?? server.runs[0];
    const label = server.role === 'diagnostic' ? `${server.name} (diagnostic)` : server.role === 'ours' ? `**${server.name}**` : server.name;
    lines.push(
      `| ${label} | ${server.runs.map((run) => int(run.requestsPerSecond)).join(' | ')} | **${int(server.medianRequestsPerSecond)}** | ` +
        `${mid ? mid.megabytesPerSecond.toFixed(0) : '—'} | ${mid ? `${ms(mid.latencyP50Ms)} / ${ms(mid.latencyP99Ms)}` : '—'} | ${server.runs.reduce((sum, run) => sum + run.errors, 0)} |`,
    );
  }
  lines.push('');
  lines.push('| ratio (of medians) | result | budget |', '|---|---|---|');
  lines.push(`| ours / tileserver-gl-light | ${ratio(ratios.oursOverTileserver)} | ≥ 1.0× |`);
  lines.push(`| nginx / ours | ${ratio(ratios.nginxOverOurs)} | ≤ 3× (ours within 3× of nginx) |`);
  lines.push(`| bare node:http, fast path only / ours (diagnostic) | ${ratio(ratios.bareOverOurs)} | |`);
  lines.push(`| Hono tile route only / ours (diagnostic) | ${ratio(ratios.honoRouteOverOurs)} | |`);
  lines.push('');
  lines.push(
    `## Latency, sequential keep-alive client (ms, to the last byte)`,
    '',
    `Cold: the first request of each tile after the server started (our tiles are already in memory, so cold means first request, ` +
      `JIT not yet warm). Warm: ${setup.warmPasses} more passes over the same tiles.`,
    '',
  );
  const shown = servers.filter((server) => server.role !== 'diagnostic');
  lines.push(`| level | tiles | mean size | ${shown.map((s) => `${s.name} cold p95 | ${s.name} warm median | ${s.name} warm p95`).join(' | ')} |`);
  lines.push(`|---|---|---|${'---|---|---|'.repeat(shown.length)}`);
  const ours = byName('ours');
  for (const level of BENCH_LEVELS) {
    const first = ours?.latency[level];
    const cells = shown.map((server) => {
      const l = server.latency[level];
      return `${ms(l?.coldP95Ms)} | ${ms(l?.warmMedianMs)} | ${ms(l?.warmP95Ms)}`;
    });
    lines.push(`| ${level} | ${first?.tiles ?? '—'} | ${first ? first.meanKB.toFixed(1) : '—'} KB | ${cells.join(' | ')} |`);
  }
  lines.push('');
  lines.push(`Machine: ${result.machine}; ${result.date}.`, '');
  lines.push(`Versions: ${Object.entries(result.versions).map(([name, version]) => `${name} ${version}`).join(', ')}.`, '');
  lines.push(
    'Caveat: the load generator (wrk, one thread) and the server under test share the same 2 cores, so the numbers are a ' +
      'side-by-side comparison on this machine, not capacity figures; nginx runs one worker, like the one Node process.',
    '',
  );
  return lines.join('\n');
}
