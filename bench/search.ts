/**
 * Region search budget (issue 5): GET /api/search under 50 ms at the 95th percentile, and the index
 * build adding no more than ~1 s (it is built on the first search, so it adds nothing to start).
 * 500 seeded queries of the kinds people type: prefixes of real names, whole names, names with a
 * place ("sukamaju sukabumi"), one-letter typos, and codes with or without dots.
 * The peer is PostgreSQL-side `nama ILIKE 'q%' OR kode LIKE 'q%'` on the same embedded database: what
 * the endpoint would be without an index of its own (no accents, typos, words or ancestors).
 *
 * Usage: npx tsx bench/search.ts      Output: a markdown table on stdout and bench/results/search.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../server/app.ts';
import { readCatalogue } from '../server/catalogue.ts';
import { startEmbedded } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { loadSearchRegions } from '../server/db/search.ts';
import { loadShippedData } from '../server/db/shipped-data.ts';
import { createRandom } from '../server/demo/random.ts';
import { buildRegionIndex, type IndexedRegion } from '../server/search/region-index.ts';
import { openTileStore } from '../server/tiles/tile-store.ts';
import { geometryFromGeodata } from '../server/ogc/geometry-store.ts';
import { loadRegionTree } from '../server/values/region-tree.ts';
import { readSuccessions } from '../server/values/succession.ts';

const QUERIES = 500;
const log = (line: string) => console.error(`[bench] ${line}`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

type Kind = 'prefix' | 'name' | 'name+place' | 'typo' | 'code';
interface Query {
  kind: Kind;
  q: string;
  /** the region the query was made from: is it among the 10 hits? */
  target: string;
}

/** Seeded queries built from real regions; most regions are desa, so most queries are too. */
function makeQueries(regions: IndexedRegion[]): Query[] {
  const random = createRandom(5);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random.next() * items.length)] ?? items[0]!;
  const byKode = new Map(regions.map((region) => [region.kode, region]));
  const bare = (nama: string) => nama.replace(/^(Kabupaten|Kota)( Administrasi)? /, '');
  const queries: Query[] = [];
  while (queries.length < QUERIES) {
    const region = pick(regions);
    const name = bare(region.nama).toLowerCase();
    const roll = random.next();
    if (roll < 0.4) {
      queries.push({ kind: 'prefix', q: name.slice(0, 3 + Math.floor(random.next() * Math.max(1, name.length - 2))), target: region.kode });
    } else if (roll < 0.5) {
      queries.push({ kind: 'name', q: region.nama, target: region.kode });
    } else if (roll < 0.6) {
      const kabkota = byKode.get(region.kode.slice(0, 5));
      if (region.level === 'desa' && kabkota) queries.push({ kind: 'name+place', q: `${name} ${bare(kabkota.nama).toLowerCase()}`, target: region.kode });
    } else if (roll < 0.85) {
      if (name.length < 5) continue;
      // One edit, never on the first letter (the index trusts it, as most search engines do).
      const at = 1 + Math.floor(random.next() * (name.length - 2));
      const letter = pick('abcdefghijklmnopqrstuvwxyz'.split(''));
      const edits = [
        name.slice(0, at) + name.slice(at + 1),
        name.slice(0, at) + letter + name.slice(at + 1),
        name.slice(0, at) + letter + name.slice(at),
        name.slice(0, at) + (name[at + 1] ?? '') + (name[at] ?? '') + name.slice(at + 2),
      ];
      queries.push({ kind: 'typo', q: pick(edits), target: region.kode });
    } else {
      const code = random.next() < 0.5 ? region.kode : region.kode.replaceAll('.', '');
      queries.push({ kind: 'code', q: code, target: region.kode });
    }
  }
  return queries;
}

function summarise(timings: number[]) {
  const sorted = [...timings].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

const root = mkdtempSync(join(tmpdir(), 'peta-bench-search-'));
const db = await startEmbedded(join(root, 'pglite'));
try {
  log('loading the shipped regions into a fresh embedded database');
  await migrate(db);
  await loadShippedData(db, { geodataDir: 'geodata', dataDir: 'data' });
  const regionTree = await loadRegionTree(db);

  const options = { db, tiles: openTileStore('geodata'), geometry: geometryFromGeodata('geodata'), regionTree, successions: readSuccessions('data'), catalogue: readCatalogue('data') };
  let t = performance.now();
  const app = createApp(options);
  const createAppMs = performance.now() - t;

  // The first search loads and indexes every name; measure that, then the parts on their own.
  t = performance.now();
  const first = await app.request('/api/search?q=sukamaju');
  if (!first.ok) throw new Error(`first search failed: ${first.status} ${await first.text()}`);
  const firstSearchMs = performance.now() - t;
  t = performance.now();
  const regions = await loadSearchRegions(db);
  const loadMs = performance.now() - t;
  t = performance.now();
  buildRegionIndex(regions);
  const buildMs = performance.now() - t;
  log(`first search ${firstSearchMs.toFixed(0)} ms (load ${loadMs.toFixed(0)} ms + build ${buildMs.toFixed(0)} ms)`);

  const queries = makeQueries(regions);
  const ours: number[] = [];
  const peer: number[] = [];
  const found = { ours: new Map<Kind, number>(), peer: new Map<Kind, number>() };
  const count = new Map<Kind, number>();
  for (const { kind, q, target } of queries) {
    count.set(kind, (count.get(kind) ?? 0) + 1);
    t = performance.now();
    const response = await app.request(`/api/search?q=${encodeURIComponent(q)}&limit=10`);
    const body = (await response.json()) as { hits?: { kode: string }[] };
    ours.push(performance.now() - t);
    if (body.hits?.some((hit) => hit.kode === target)) found.ours.set(kind, (found.ours.get(kind) ?? 0) + 1);

    // The peer, through the same connection. Bench-only SQL, like bench/import.ts's COPY floor.
    const pattern = `${q.replace(/[\\%_]/g, '\\$&')}%`;
    t = performance.now();
    const rows = await db.sql<{ kode: string }[]>`
      SELECT kode, level, nama FROM region WHERE nama ILIKE ${pattern} OR kode LIKE ${pattern} ORDER BY kode LIMIT 10`;
    peer.push(performance.now() - t);
    if (rows.some((row) => row.kode === target)) found.peer.set(kind, (found.peer.get(kind) ?? 0) + 1);
  }

  const oursSummary = summarise(ours);
  const peerSummary = summarise(peer);
  const kinds = [...count.keys()].sort();
  const recall = (map: Map<Kind, number>) => Object.fromEntries(kinds.map((kind) => [kind, (map.get(kind) ?? 0) / (count.get(kind) ?? 1)]));
  const result = {
    date: new Date().toISOString(),
    machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, PGlite (embedded)`,
    regions: regions.length,
    queries: queries.length,
    queryKinds: Object.fromEntries(kinds.map((kind) => [kind, count.get(kind) ?? 0])),
    createAppMs,
    firstSearchMs,
    indexLoadMs: loadMs,
    indexBuildMs: buildMs,
    searchMs: oursSummary,
    peerIlikeMs: peerSummary,
    peerOverSearch: { p50: peerSummary.p50 / oursSummary.p50, p95: peerSummary.p95 / oursSummary.p95 },
    targetInTop10: { search: recall(found.ours), peerIlike: recall(found.peer) },
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/search.json', `${JSON.stringify(result, null, 2)}\n`);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const row = (label: string, s: ReturnType<typeof summarise>) => `| ${label} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} |`;
  const percent = (value: number | undefined) => `${Math.round(100 * (value ?? 0))}%`;
  console.log(`| ${QUERIES} queries | p50 | p95 | p99 | max |
|---|---|---|---|---|
${row('GET /api/search (index, through app.request)', oursSummary)}
${row("peer: SQL nama ILIKE 'q%' OR kode LIKE 'q%'", peerSummary)}
| peer / search | ${result.peerOverSearch.p50.toFixed(1)}x | ${result.peerOverSearch.p95.toFixed(1)}x | | |

| index | result | budget |
|---|---|---|
| createApp (index not built at start) | ${ms(createAppMs)} | - |
| first search: load ${regions.length.toLocaleString('en')} names + build + answer | ${ms(firstSearchMs)} | ~1 s, not at start |
| of which: SQL load / index build | ${ms(loadMs)} / ${ms(buildMs)} | |

| query kind | count | region made from is in the 10 hits: search | peer |
|---|---|---|---|
${kinds.map((kind) => `| ${kind} | ${count.get(kind)} | ${percent(result.targetInTop10.search[kind])} | ${percent(result.targetInTop10.peerIlike[kind])} |`).join('\n')}

Machine: ${result.machine}; ${result.date}`);
} finally {
  await db.close();
  rmSync(root, { recursive: true, force: true });
}
