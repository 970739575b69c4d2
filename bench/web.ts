/**
 * The web map's budgets (map explorer issue), in headless Debian Chromium, side by side with a peer:
 * bench/web/peer.html, a bare MapLibre page painting the same tiles and values with a fixed colour
 * expression (the floor). Runs interleaved, app then peer, in one process.
 *
 *   - first choropleth: LCP (PerformanceObserver) and the time until the map says `data-map-state="idle"`
 *     with features drawn (web/map/test-hook.ts), from a fresh profile with the cache off (cold) and
 *     again in the same profile (warm);
 *   - repaint after changing period or indicator through the UI, until idle again: every kecamatan of
 *     Indonesia, every desa of the kabupaten with the most desa (the issue's two views), and the
 *     kecamatan of the kab/kota with the most (a view reached by clicking);
 *   - JavaScript loaded before the map is idle (network log: bytes sent, and gzip -6 of each file),
 *     and the built files (dist/web/assets).
 *
 * Inputs: dist/web (run `npx vite build` first); the app at WEB_BENCH_URL, or a server started here on
 * the embedded database in WEB_BENCH_DB (a folder, reused: a fresh one costs ~2 min of first start).
 * Outputs: bench/results/web.json and bench/results/web.md. Usage: npx tsx bench/web.ts [runs=5]
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startAppServer } from '../tests/support/app-server.ts';

const RUNS = Math.max(5, Number(process.argv[2] ?? 5));
const REPAINTS = Math.max(5, RUNS);
const VIEWPORT = { width: 1280, height: 800 };
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const FIRST = { level: 'provinsi', region: 'ID', indicator: 'prevalensi_stunting', period: '2022' };
const PERIODS = ['2021', '2022', '2023', '2024', '2025'];
/**
 * Each repaint starts from a settled page, for the app and the peer alike: software WebGL keeps the
 * page's main thread for a few hundred milliseconds after a frame of thousands of regions, and a
 * change sent at once would be timed with the previous one's tail.
 */
const SETTLE_MS = 1000;
const INDICATORS = ['IH-1', 'IH-2', 'IH-3', 'IH-4', 'IH-5', 'BD-1', 'BD-2', 'BD-3'];

const log = (text: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);
const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const i = (s.length - 1) * q;
  return (s[Math.floor(i)] as number) + ((s[Math.ceil(i)] as number) - (s[Math.floor(i)] as number)) * (i - Math.floor(i));
}
const stats = (xs: number[]) => ({ median: median(xs), p95: quantile(xs, 0.95), runs: xs.map((x) => Math.round(x)) });

// ---- the app and the peer's static server -------------------------------------------------------
const server = process.env.WEB_BENCH_URL ? null : await startAppServer(process.env.WEB_BENCH_DB ? { PGLITE_DIR: process.env.WEB_BENCH_DB } : {}, 600_000);
const app = process.env.WEB_BENCH_URL ?? (server?.url as string);
log(`app at ${app}`);
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const peerServer: Server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const file = path === '/peer.html' ? 'bench/web/peer.html' : path.startsWith('/ml/') ? join('node_modules/maplibre-gl/dist', path.slice(4).replace(/\.\./g, '')) : null;
  let body: Buffer;
  try {
    if (!file) throw new Error('not found');
    body = readFileSync(file);
  } catch {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
});
await new Promise<void>((resolve) => peerServer.listen(0, '127.0.0.1', resolve));
const address = peerServer.address();
const peerBase = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${app}${path}`);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}
type Children = { children: { kode: string; nama: string }[] };
const childCount = async (kode: string) => (await api<Children>(`/api/regions/${kode}/children`)).children.length;
async function largestChild(parents: string[]): Promise<{ kode: string; count: number; nama: string }> {
  let best = { kode: '', count: -1, nama: '' };
  for (const parent of parents) {
    const { children } = await api<Children>(`/api/regions/${parent}/children`);
    const counts = await Promise.all(children.map(async (c) => ({ kode: c.kode, nama: c.nama, count: await childCount(c.kode) })));
    for (const c of counts) if (c.count > best.count) best = c;
  }
  return best;
}
log('finding the views: every kecamatan of Indonesia, the kabupaten with the most desa, the kab/kota with the most kecamatan');
const provinces = (await api<Children>('/api/regions/ID/children')).children.map((c) => c.kode);
const allKecamatan = (await api<Children>('/api/regions/ID/children?level=kecamatan')).children.length;
const nationalKecamatan = { kode: 'ID', nama: 'Indonesia', count: allKecamatan };
const desaPerKab = new Map<string, number>();
for (const { kode } of (await api<Children>('/api/regions/ID/children?level=desa')).children) {
  desaPerKab.set(kode.slice(0, 5), (desaPerKab.get(kode.slice(0, 5)) ?? 0) + 1);
}
const [mostDesa, mostDesaCount] = [...desaPerKab].sort((a, b) => b[1] - a[1])[0] as [string, number];
const desaView = { kode: mostDesa, nama: (await api<{ nama: string }>(`/api/regions/${mostDesa}`)).nama, count: mostDesaCount };
const kecamatanView = await largestChild(provinces);
log(`views: ${nationalKecamatan.count} kecamatan of Indonesia; ${desaView.count} desa of ${desaView.nama} (${desaView.kode}); ${kecamatanView.count} kecamatan of ${kecamatanView.nama} (${kecamatanView.kode})`);

// ---- browser plumbing ----------------------------------------------------------------------------
/** Records LCP and every data-map-state change with its time, from the first byte of the page. */
const INIT = `(() => {
  window.__bench = { lcp: null, states: [], changeAt: null };
  // When the user's choice reached the page (a radio or the indicator select): repaints count from here.
  document.addEventListener('change', () => { window.__bench.changeAt = performance.now(); }, true);
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.lcp = e.startTime; })
    .observe({ type: 'largest-contentful-paint', buffered: true });
  // On the whole document: the map's element may be replaced (a remount), which must not lose the trail.
  const note = (records) => {
    for (const r of records) window.__bench.states.push([r.target.getAttribute('data-map-state'), performance.now()]);
  };
  document.addEventListener('DOMContentLoaded', () => new MutationObserver(note)
    .observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['data-map-state'] }));
})();`;

async function open(cacheOff: boolean): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'peta-webbench-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true, viewport: VIEWPORT, args: ARGS });
  const page = context.pages()[0] ?? (await context.newPage());
  if (cacheOff) await (await context.newCDPSession(page)).send('Network.setCacheDisabled', { cacheDisabled: true });
  await context.addInitScript(INIT);
  return { context, page, close: async () => { await context.close(); rmSync(dir, { recursive: true, force: true }); } };
}

const fillLayer = (level: string) => `${level}-nilai`;
/** Time (ms since navigation, or since `after`) when the map went idle with `level` drawn, after a loading state. */
async function waitIdle(page: Page, level: string, after = 0): Promise<number> {
  const handle = await page.waitForFunction(
    ({ layer, after }) => {
      const states: [string, number][] = window.__bench?.states ?? [];
      const current = document.querySelector('[data-map-state]')?.getAttribute('data-map-state');
      const last = current === 'idle' ? (states.findLast(([s]) => s === 'idle') ?? (after === 0 ? ['idle', performance.now()] : undefined)) : undefined;
      const sawLoading = after === 0 || states.some(([s, t]) => s === 'loading' && t >= after);
      if (!(last && last[0] === 'idle' && last[1] >= after && sawLoading)) return false;
      // Asked only once the map says it is idle: a query of every rendered feature takes the page's
      // main thread for tens of milliseconds at this size, and polling it would slow the very repaint measured.
      const kodes = window.__petaTestHook?.renderedKodes(layer) ?? [];
      return kodes.length > 0 ? last[1] : false;
    },
    { layer: fillLayer(level), after },
    { timeout: 60_000, polling: 50 },
  );
  return (await handle.jsonValue()) as number;
}

interface Load { paintedMs: number; lcpMs: number | null; jsSentKB: number; jsGzipKB: number; jsFiles: string[] }

async function loadApp(page: Page): Promise<Load> {
  const scripts: { url: string; sent: number; gzip: number }[] = [];
  const pending: Promise<void>[] = [];
  const onResponse = (response: import('playwright-core').Response) => {
    const url = response.url();
    if (!/\.m?js(\?|$)/.test(url)) return;
    pending.push((async () => {
      const body = await response.body().catch(() => Buffer.alloc(0));
      const sizes = await response.request().sizes().catch(() => ({ responseBodySize: body.length }));
      scripts.push({ url, sent: sizes.responseBodySize, gzip: gzipSync(body).length });
    })());
  };
  page.on('response', onResponse);
  const q = new URLSearchParams(FIRST);
  await page.goto(`${app}/?${q}`);
  const paintedMs = await waitIdle(page, FIRST.level);
  page.off('response', onResponse);
  await Promise.all(pending);
  const lcpMs = await page.evaluate(() => window.__bench.lcp as number | null);
  return {
    paintedMs,
    lcpMs,
    jsSentKB: scripts.reduce((s, x) => s + x.sent, 0) / 1024,
    jsGzipKB: scripts.reduce((s, x) => s + x.gzip, 0) / 1024,
    jsFiles: scripts.map((s) => new URL(s.url).pathname),
  };
}

async function loadPeer(page: Page, level: string, parent: string | null, indicator: string, period: string): Promise<number> {
  const q = new URLSearchParams({ api: app, level, parent: parent ?? '', indicator, period });
  await page.goto(`${peerBase}/peer.html?${q}`);
  const handle = await page.waitForFunction(() => (window as unknown as { peerPaintedAt?: number }).peerPaintedAt ?? false, null, { timeout: 120_000, polling: 50 });
  return (await handle.jsonValue()) as number;
}

declare global {
  interface Window {
    __bench: { lcp: number | null; states: [string, number][]; changeAt: number | null };
  }
}

// ---- 1. first choropleth, cold and warm ------------------------------------------------------------
const first = { app: { cold: [] as Load[], warm: [] as Load[] }, peer: { cold: [] as number[], warm: [] as number[] } };
/** One measurement; a failure (the checkout rebuilt under the server, a timeout) is logged and counted as missing. */
async function attempt<T>(what: string, fn: () => Promise<T>, missing: T): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    log(`${what} failed, counted as missing: ${String(error).split('\n')[0]}`);
    return missing;
  }
}
const NO_LOAD: Load = { paintedMs: Number.NaN, lcpMs: null, jsSentKB: Number.NaN, jsGzipKB: Number.NaN, jsFiles: [] };
for (let run = 1; run <= RUNS; run++) {
  const a = await open(true);
  first.app.cold.push(await attempt('app cold load', () => loadApp(a.page), NO_LOAD));
  await (await a.context.newCDPSession(a.page)).send('Network.setCacheDisabled', { cacheDisabled: false });
  await a.page.goto('about:blank');
  first.app.warm.push(await attempt('app warm load', () => loadApp(a.page), NO_LOAD));
  await a.close();
  const p = await open(true);
  first.peer.cold.push(await attempt('peer cold load', () => loadPeer(p.page, FIRST.level, null, FIRST.indicator, FIRST.period), Number.NaN));
  await (await p.context.newCDPSession(p.page)).send('Network.setCacheDisabled', { cacheDisabled: false });
  await p.page.goto('about:blank');
  first.peer.warm.push(await attempt('peer warm load', () => loadPeer(p.page, FIRST.level, null, FIRST.indicator, FIRST.period), Number.NaN));
  await p.close();
  const [ac, aw] = [first.app.cold.at(-1) as Load, first.app.warm.at(-1) as Load];
  log(`first paint ${run}/${RUNS}: app cold ${Math.round(ac.paintedMs)} ms (LCP ${Math.round(ac.lcpMs ?? NaN)}), warm ${Math.round(aw.paintedMs)} ms; peer cold ${Math.round(first.peer.cold.at(-1) ?? NaN)} ms, warm ${Math.round(first.peer.warm.at(-1) ?? NaN)} ms; JS ${Math.round(ac.jsGzipKB)} KB gzip`);
}

// ---- 2. repaint after a period or indicator change --------------------------------------------------
type Change = { kind: 'period' | 'indicator'; indicator: string; period: string };
function changes(): Change[] {
  const out: Change[] = [];
  // Periods cycle (the first visits fetch, later ones may be answered from the browser's cache);
  // indicators are each new.
  for (let i = 0; i < REPAINTS; i++) out.push({ kind: 'period', indicator: 'IH-1', period: PERIODS[(i + 4) % PERIODS.length] as string });
  for (let i = 0; i < REPAINTS; i++) out.push({ kind: 'indicator', indicator: INDICATORS[(i + 1) % INDICATORS.length] as string, period: '2024' });
  return out;
}

/** When the change event of the user's choice fired (after `t0`), or `t0` when none was seen. */
async function changedAt(page: Page, t0: number): Promise<number> {
  const at = await page.evaluate(() => window.__bench.changeAt);
  return at !== null && at >= t0 ? at : t0;
}

async function repaints(level: string, region: string, labels: '0' | null = null) {
  const result = { app: { period: [] as number[], indicator: [] as number[] }, peer: { period: [] as number[], indicator: [] as number[] }, loadMs: { app: 0, peer: 0 } };
  const a = await open(false);
  const page = a.page;
  await page.goto(`${app}/?${new URLSearchParams({ level, region, indicator: 'IH-1', period: '2024', lock: '1', ...(labels ? { labels } : {}) })}`);
  result.loadMs.app = await waitIdle(page, level);
  for (const change of changes()) await attempt(`app ${change.kind} change at ${level}`, async () => {
    await page.waitForTimeout(SETTLE_MS);
    const t0 = await page.evaluate(() => performance.now());
    if (change.kind === 'period') await page.getByRole('radio', { name: change.period, exact: true }).check();
    else {
      // The picker may already be on this period's indicator list; re-select period 2024 first when needed.
      if (!(await page.getByRole('radio', { name: '2024', exact: true }).isChecked())) {
        await page.getByRole('radio', { name: '2024', exact: true }).check();
        await waitIdle(page, level, t0);
      }
      const t1 = await page.evaluate(() => performance.now());
      await page.getByLabel(/^(Indikator|Indicator)$/).selectOption(change.indicator);
      result.app.indicator.push((await waitIdle(page, level, t1)) - (await changedAt(page, t1)));
      return;
    }
    result.app.period.push((await waitIdle(page, level, t0)) - (await changedAt(page, t0)));
  }, undefined);
  await a.close();
  const p = await open(false);
  result.loadMs.peer = await loadPeer(p.page, level, region, 'IH-1', '2024');
  for (const change of changes()) {
    await p.page.waitForTimeout(SETTLE_MS);
    const ms = await p.page.evaluate(({ indicator, period }) => (window as unknown as { peerRepaint(i: string, p: string): Promise<number> }).peerRepaint(indicator, period), change);
    result.peer[change.kind].push(ms);
  }
  await p.close();
  log(`repaint at ${level} of ${region}${labels ? ' (labels off)' : ''}: app period ${Math.round(median(result.app.period))} ms, indicator ${Math.round(median(result.app.indicator))} ms; peer period ${Math.round(median(result.peer.period))} ms, indicator ${Math.round(median(result.peer.indicator))} ms`);
  return result;
}

// The issue's two views (a level chosen below the region's children, web/state/view.ts levelsInside),
// and the kecamatan of one kab/kota as reached by clicking.
const repaintNational = await repaints('kecamatan', nationalKecamatan.kode);
const repaintDesa = await repaints('desa', desaView.kode);
const repaintKecamatan = await repaints('kecamatan', kecamatanView.kode);

// ---- 3. the built files -------------------------------------------------------------------------------
const assets = readdirSync('dist/web/assets').filter((f) => /\.m?js$/.test(f)).map((f) => {
  const bytes = readFileSync(join('dist/web/assets', f));
  return { file: f, KB: bytes.length / 1024, gzipKB: gzipSync(bytes).length / 1024 };
}).sort((x, y) => y.gzipKB - x.gzipKB);
// By name without the content hash: the checkout may be rebuilt while the bench runs.
const unhashed = (file: string) => file.replace(/-[A-Za-z0-9_-]{8}(\.m?js)$/, '$1');
const measured = first.app.cold.find((l) => l.jsFiles.length > 0) ?? NO_LOAD;
const initialFiles = new Set((measured.jsFiles ?? []).map((p) => unhashed(p.split('/').pop() ?? '')));

await peerServer.close();
await server?.close();

// ---- report -----------------------------------------------------------------------------------------
const cpu = cpus()[0]?.model ?? 'unknown';
const results = {
  date: new Date().toISOString(),
  machine: `${cpus().length} × ${cpu}, Node ${process.version}, ${execSync('/usr/bin/chromium --version', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim()}`,
  loadAverage: loadavg().map((x) => x.toFixed(2)).join(' '),
  runs: RUNS,
  views: { first: FIRST, nationalKecamatan, desa: desaView, kecamatan: kecamatanView },
  first: {
    appColdPaintedMs: stats(first.app.cold.map((l) => l.paintedMs)),
    appColdLcpMs: stats(first.app.cold.map((l) => l.lcpMs ?? NaN)),
    appWarmPaintedMs: stats(first.app.warm.map((l) => l.paintedMs)),
    appWarmLcpMs: stats(first.app.warm.map((l) => l.lcpMs ?? NaN)),
    peerColdPaintedMs: stats(first.peer.cold),
    peerWarmPaintedMs: stats(first.peer.warm),
    initialJs: { sentKB: measured.jsSentKB, gzipKB: measured.jsGzipKB, files: measured.jsFiles },
  },
  repaint: {
    nationalKecamatan: { view: nationalKecamatan, app: { period: stats(repaintNational.app.period), indicator: stats(repaintNational.app.indicator) }, peer: { period: stats(repaintNational.peer.period), indicator: stats(repaintNational.peer.indicator) } },
    desa: { view: desaView, app: { period: stats(repaintDesa.app.period), indicator: stats(repaintDesa.app.indicator) }, peer: { period: stats(repaintDesa.peer.period), indicator: stats(repaintDesa.peer.indicator) } },
    kecamatan: { view: kecamatanView, app: { period: stats(repaintKecamatan.app.period), indicator: stats(repaintKecamatan.app.indicator) }, peer: { period: stats(repaintKecamatan.peer.period), indicator: stats(repaintKecamatan.peer.indicator) } },
  },
  built: assets.map((a) => ({ ...a, loadedAtStart: initialFiles.has(unhashed(a.file)) })),
};
writeFileSync('bench/results/web.json', `${JSON.stringify(results, null, 2)}\n`);

const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x).toLocaleString('en')} ms` : '—');
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(1)}×` : '—');
const row = (label: string, app: { median: number; p95: number }, peer: { median: number; p95: number } | null, budget: string) =>
  `| ${label} | ${ms(app.median)} / ${ms(app.p95)} | ${peer ? `${ms(peer.median)} / ${ms(peer.p95)}` : '—'} | ${peer ? ratio(app.median, peer.median) : '—'} | ${budget} |`;
const f = results.first;
const r = results.repaint;
const md = `# Web map budgets — \`npx tsx bench/web.ts ${RUNS}\`

${results.date}; ${results.machine}; load average at the end ${results.loadAverage}. Headless Chromium with
WebGL on SwiftShader (software, on the CPU): every paint competes with the server and the rest of the machine.
${RUNS} runs each, interleaved app / peer; median / p95. Peer: bench/web/peer.html (bare MapLibre, same tiles
and values, fixed colour expression).

| measure | app (median / p95) | peer (median / p95) | app / peer | budget |
|---|---|---|---|---|
${row('first choropleth painted, cold (map idle with values)', f.appColdPaintedMs, f.peerColdPaintedMs, '')}
${row('LCP, cold', f.appColdLcpMs, null, '< 2,500 ms')}
${row('first choropleth painted, warm', f.appWarmPaintedMs, f.peerWarmPaintedMs, '')}
${row('LCP, warm', f.appWarmLcpMs, null, '< 2,500 ms')}
${row(`repaint, period change, all ${r.nationalKecamatan.view.count.toLocaleString('en')} kecamatan of Indonesia`, r.nationalKecamatan.app.period, r.nationalKecamatan.peer.period, '< 200 ms')}
${row(`repaint, indicator change, same view`, r.nationalKecamatan.app.indicator, r.nationalKecamatan.peer.indicator, '< 200 ms')}
${row(`repaint, period change, all ${r.desa.view.count} desa of ${r.desa.view.nama}`, r.desa.app.period, r.desa.peer.period, '< 200 ms')}
${row(`repaint, indicator change, same view`, r.desa.app.indicator, r.desa.peer.indicator, '< 200 ms')}
${row(`repaint, period change, ${r.kecamatan.view.count} kecamatan of ${r.kecamatan.view.nama}`, r.kecamatan.app.period, r.kecamatan.peer.period, '')}
${row(`repaint, indicator change, same view`, r.kecamatan.app.indicator, r.kecamatan.peer.indicator, '')}

Repaints count from the change event of the radio or select in the page to the map's next "idle" with
features drawn (the app) or from the call to the map's next "idle" (the peer), values fetched in both.
The app draws region names (deck.gl) by default for the children of a kab/kota (the last view); for a
level chosen below the children (the first two) names are off by default. The peer draws none.

Initial JavaScript (loaded before the first map is idle, provinces of Indonesia): ${Math.round(f.initialJs.gzipKB ?? 0)} KB gzipped
(${Math.round(f.initialJs.sentKB ?? 0)} KB as sent by the server), budget < 400 KB gzipped. Files: ${(f.initialJs.files ?? []).join(', ')}.

Built files (dist/web/assets, gzip -6):

| file | KB | gzip KB | loaded at start |
|---|---|---|---|
${results.built.map((a) => `| ${a.file} | ${a.KB.toFixed(1)} | ${a.gzipKB.toFixed(1)} | ${a.loadedAtStart ? 'yes' : 'no'} |`).join('\n')}
`;
writeFileSync('bench/results/web.md', md);
log('wrote bench/results/web.json and bench/results/web.md');
console.log(md);
