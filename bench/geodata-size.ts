/**
 * Tile-size statistics of the committed PMTiles archives, per level and zoom: tile count, mean,
 * largest (gzipped bytes, as stored and served). Prints markdown for BENCHMARKS.md and writes it to
 * bench/results/geodata-size.md.
 *
 * Usage: npx tsx bench/geodata-size.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tileIdToZxy } from 'pmtiles';
import { readTileEntries } from '../scripts/geodata/pmtiles-reader.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LEVELS = ['provinsi', 'kabkota', 'kecamatan', 'desa'];
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

const lines = [
  `## Tile sizes of geodata/tiles (gzipped MVT, as stored)`,
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}. Budget: largest <= 500 KB, mean <= 50 KB.`,
  '',
  '| level | zoom | tiles | mean KB | max KB | total MB |',
  '|---|---:|---:|---:|---:|---:|',
];
let maxBytes = 0;
let worstMeanBytes = 0;
for (const level of LEVELS) {
  const file = path.join(root, 'geodata/tiles', `${level}.pmtiles`);
  const entries = readTileEntries(fs.readFileSync(file));
  const byZoom = new Map<number, number[]>();
  for (const e of entries) {
    const z = tileIdToZxy(e.tileId)[0];
    const sizes = byZoom.get(z) ?? [];
    for (let k = 0; k < e.runLength; k++) sizes.push(e.length);
    byZoom.set(z, sizes);
  }
  const all: number[] = [];
  for (const [z, sizes] of [...byZoom].sort((a, b) => a[0] - b[0])) {
    all.push(...sizes);
    const sum = sizes.reduce((a, b) => a + b, 0);
    lines.push(`| ${level} | ${z} | ${sizes.length} | ${kb(sum / sizes.length)} | ${kb(Math.max(...sizes))} | ${(sum / 1e6).toFixed(2)} |`);
  }
  const sum = all.reduce((a, b) => a + b, 0);
  maxBytes = Math.max(maxBytes, ...all);
  worstMeanBytes = Math.max(worstMeanBytes, sum / all.length);
  lines.push(`| **${level}** | all | ${all.length} | ${kb(sum / all.length)} | ${kb(Math.max(...all))} | ${(fs.statSync(file).size / 1e6).toFixed(2)} (file) |`);
}
const markdown = lines.join('\n') + '\n';
process.stdout.write(markdown);
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/geodata-size.md'), markdown);
fs.writeFileSync(
  path.join(root, 'bench/results/geodata-size.json'),
  `${JSON.stringify({ date: new Date().toISOString(), maxKB: maxBytes / 1024, worstMeanKB: worstMeanBytes / 1024 }, null, 2)}\n`,
);
