/**
 * Draws bench/results/budgets.svg: every measured budget as a bar of "share of the budget used", so a
 * reader sees at a glance what is comfortably inside its budget and what is at or over it.
 *
 * Inputs: bench/results/{import,startup,web,values,tiles}.json and bench/results/geodata-size.json
 * (written by the other bench scripts). Usage: npx tsx bench/chart.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

interface Bar {
  label: string;
  measured: number;
  budget: number;
  unit: string;
}

const read = (file: string): Record<string, number> | null =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>) : null;

const bars: Bar[] = [];
const startup = read('bench/results/startup.json');
if (startup) {
  bars.push({ label: 'first start (embedded DB + demo data)', measured: startup.firstStartSeconds ?? 0, budget: 60, unit: 's' });
  bars.push({ label: 'later start', measured: startup.laterStartMedianSeconds ?? 0, budget: 10, unit: 's' });
  bars.push({ label: 'server peak memory', measured: startup.peakResidentMB ?? 0, budget: 1500, unit: 'MB' });
}
const imports = read('bench/results/import.json');
if (imports) {
  bars.push({ label: 'import 2.5 M values (PostgreSQL)', measured: imports.importSeconds ?? 0, budget: 60, unit: 's' });
  bars.push({ label: 'roll-up to every level', measured: imports.rollupSeconds ?? 0, budget: 15, unit: 's' });
  if (!existsSync('bench/results/values.json')) {
    bars.push({ label: 'all desa values, first request', measured: imports.desaValuesColdMs ?? 0, budget: 200, unit: 'ms' });
    bars.push({ label: 'all desa values, repeated', measured: imports.desaValuesWarmMedianMs ?? 0, budget: 200, unit: 'ms' });
  }
}
// bench/values.ts measures the values endpoint on its own (cold = after a data change), both databases.
const values = existsSync('bench/results/values.json')
  ? (JSON.parse(readFileSync('bench/results/values.json', 'utf8')) as { databases: { kind: string; cases: { name: string; coldP50: number; warmP50: number }[] }[] })
  : null;
for (const database of values?.databases ?? []) {
  const find = (prefix: string) => database.cases.find((c) => c.name.startsWith(prefix));
  const real = find('IH-1 desa (real)');
  const demo = find('IH-2 desa (demo)');
  if (real) bars.push({ label: `all desa, real, first request (${database.kind})`, measured: real.coldP50, budget: 200, unit: 'ms' });
  if (demo) bars.push({ label: `all desa, demo, first request (${database.kind})`, measured: demo.coldP50, budget: 200, unit: 'ms' });
  if (real && database.kind === 'postgresql') bars.push({ label: 'all desa values, repeated', measured: real.warmP50, budget: 200, unit: 'ms' });
}
const tileServing = existsSync('bench/results/tiles.json')
  ? (JSON.parse(readFileSync('bench/results/tiles.json', 'utf8')) as { ratios: { nginxOverOurs: number } })
  : null;
if (tileServing) bars.push({ label: 'tiles: nginx / ours (req/s)', measured: tileServing.ratios.nginxOverOurs, budget: 3, unit: '×' });
const tiles = read('bench/results/geodata-size.json');
if (tiles) {
  bars.push({ label: 'largest tile (gzip)', measured: tiles.maxKB ?? 0, budget: 500, unit: 'KB' });
  bars.push({ label: 'mean tile (gzip), largest level', measured: tiles.worstMeanKB ?? 0, budget: 50, unit: 'KB' });
}
const web = existsSync('bench/results/web.json')
  ? (JSON.parse(readFileSync('bench/results/web.json', 'utf8')) as {
      first: { appColdPaintedMs: { median: number }; appColdLcpMs: { median: number }; initialJs: { gzipKB: number } };
      repaint: Record<'nationalKecamatan' | 'desa', { app: Record<'period' | 'indicator', { median: number }> }>;
    })
  : null;
if (web) {
  bars.push({ label: 'map: first choropleth painted, cold', measured: web.first.appColdPaintedMs.median, budget: 2500, unit: 'ms' });
  bars.push({ label: 'map: LCP, cold', measured: web.first.appColdLcpMs.median, budget: 2500, unit: 'ms' });
  bars.push({ label: 'map: repaint, all kecamatan of Indonesia', measured: web.repaint.nationalKecamatan.app.period.median, budget: 200, unit: 'ms' });
  bars.push({ label: 'map: repaint, all desa of a kabupaten', measured: web.repaint.desa.app.period.median, budget: 200, unit: 'ms' });
  bars.push({ label: 'map: initial JavaScript (gzip)', measured: web.first.initialJs.gzipKB, budget: 400, unit: 'KB' });
}

const rowHeight = 30;
const labelWidth = 290;
const barWidth = 380;
const height = bars.length * rowHeight + 60;
const scale = (share: number) => Math.min(share, 2) * (barWidth / 2);
const rows = bars.map((bar, i) => {
  const y = 40 + i * rowHeight;
  const share = bar.measured / bar.budget;
  const colour = share <= 0.8 ? '#1b7837' : share <= 1 ? '#d9a400' : '#b2182b';
  const value = `${bar.measured < 10 ? bar.measured.toFixed(1) : Math.round(bar.measured).toLocaleString('en')} ${bar.unit} of ${bar.budget.toLocaleString('en')} ${bar.unit}`;
  return `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${bar.label}</text>
  <rect x="${labelWidth}" y="${y + 3}" width="${Math.max(1, scale(share)).toFixed(1)}" height="18" fill="${colour}"/>
  <text x="${labelWidth + Math.max(1, scale(share)) + 6}" y="${y + 16}" fill="#333">${value}</text>`;
});
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth + barWidth + 200}" height="${height}" font-family="sans-serif" font-size="13">
  <rect width="100%" height="100%" fill="#fff"/>
  <text x="10" y="22" font-weight="bold">Share of each budget used (the line is the budget; bars stop at 2x)</text>
  <line x1="${labelWidth + barWidth / 2}" y1="32" x2="${labelWidth + barWidth / 2}" y2="${height - 10}" stroke="#333" stroke-dasharray="4 3"/>
  ${rows.join('\n  ')}
</svg>
`;
writeFileSync('bench/results/budgets.svg', svg);
console.log(`bench/results/budgets.svg: ${bars.length} budgets`);
