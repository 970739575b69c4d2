/**
 * Exports the boundary tiles as a static folder, for object storage behind a CDN: the map then
 * needs no tile server at all, only the values API.
 *
 * Usage: npm run export:tiles -- --out DIR [--base-url URL] [--levels provinsi,kabkota] [--geodata DIR]
 *
 * Input:  geodata/tiles/{level}.pmtiles (what the server serves at /tiles)
 * Output, under --out:
 *   {level}/{z}/{x}/{y}.mvt   every non-empty tile, gzip-compressed exactly as the server sends it
 *   {level}.json              TileJSON 3.0.0; tile URLs relative to it, or under --base-url
 *   HEADERS.md                the headers the storage must send with them (Content-Encoding: gzip!)
 *
 * Empty tiles (open sea) are not written: the bucket answers 404 for them, which MapLibre treats
 * as "nothing here". The files are byte-for-byte the archive's tiles, so the same archive always
 * gives the same folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isLevel, LEVELS, type Level } from '../server/catalogue.ts';
import { openTileStore, TILE_CACHE_CONTROL, type LevelTiles } from '../server/tiles/tile-store.ts';

export interface ExportOptions {
  geodataDir: string;
  out: string;
  /** absolute URL the folder will be served from; without it TileJSON tile URLs are relative */
  baseUrl?: string;
  levels?: readonly Level[];
  progress?: (line: string) => void;
}

export interface ExportSummary {
  level: Level;
  tiles: number;
  bytes: number;
}

/** The x and y range of tiles at zoom z that cover the archive's bounds (Web Mercator). */
export function tileRange(z: number, bounds: { minLon: number; minLat: number; maxLon: number; maxLat: number }) {
  const n = 2 ** z;
  const column = (lon: number) => Math.min(n - 1, Math.max(0, Math.floor(((lon + 180) / 360) * n)));
  const row = (lat: number) => {
    const rad = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
    return Math.min(n - 1, Math.max(0, Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)));
  };
  return { minX: column(bounds.minLon), maxX: column(bounds.maxLon), minY: row(bounds.maxLat), maxY: row(bounds.minLat) };
}

export function exportTiles(options: ExportOptions): ExportSummary[] {
  const store = openTileStore(options.geodataDir);
  const levels = options.levels ?? LEVELS.filter((level) => store.has(level));
  const summaries: ExportSummary[] = [];
  mkdirSync(options.out, { recursive: true });
  for (const level of levels) {
    const tiles = store.get(level);
    if (!tiles) throw new Error(`no tiles for ${level} in ${options.geodataDir}/tiles`);
    summaries.push(exportLevel(tiles, options));
    writeFileSync(join(options.out, `${level}.json`), `${JSON.stringify(tileJson(tiles, options.baseUrl), null, 2)}\n`);
  }
  writeFileSync(join(options.out, 'HEADERS.md'), HEADERS_NOTE);
  return summaries;
}

function exportLevel({ level, archive }: LevelTiles, options: ExportOptions): ExportSummary {
  const { minZoom, maxZoom } = archive.header;
  let tiles = 0;
  let bytes = 0;
  let lastReport = 0;
  for (let z = minZoom; z <= maxZoom; z++) {
    const { minX, maxX, minY, maxY } = tileRange(z, archive.header);
    const cells = (maxX - minX + 1) * (maxY - minY + 1);
    let looked = 0;
    for (let x = minX; x <= maxX; x++) {
      let columnMade = false;
      for (let y = minY; y <= maxY; y++) {
        looked++;
        const tile = archive.getTile(z, x, y);
        if (!tile) continue;
        const dir = join(options.out, level, String(z), String(x));
        if (!columnMade) mkdirSync(dir, { recursive: true });
        columnMade = true;
        writeFileSync(join(dir, `${y}.mvt`), tile.data);
        tiles++;
        bytes += tile.data.byteLength;
      }
      if (Date.now() - lastReport > 1000) {
        lastReport = Date.now();
        options.progress?.(`${level} z${z}: ${Math.round((100 * looked) / cells)}% of the area, ${tiles} tiles written so far`);
      }
    }
  }
  options.progress?.(`${level}: ${tiles} tiles, ${(bytes / 1024 / 1024).toFixed(1)} MB (zoom ${minZoom}-${maxZoom})`);
  return { level, tiles, bytes };
}

/** TileJSON 3.0.0 like the server's /tiles/{level}.json, pointing at the exported files. */
function tileJson({ level, archive, version }: LevelTiles, baseUrl: string | undefined) {
  const { header, metadata } = archive;
  const prefix = baseUrl ? `${baseUrl.replace(/\/+$/, '')}/` : '';
  return {
    tilejson: '3.0.0',
    name: `Batas ${level}`,
    description: `Batas wilayah tingkat ${level} (kode Kepmendagri 2025); fitur membawa kode dan nama`,
    version,
    attribution: typeof metadata.attribution === 'string' ? metadata.attribution : 'Batas wilayah: cahyadsn/wilayah_boundaries (MIT), kode Kepmendagri 2025',
    scheme: 'xyz',
    tiles: [`${prefix}${level}/{z}/{x}/{y}.mvt`],
    minzoom: header.minZoom,
    maxzoom: header.maxZoom,
    bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
    center: [header.centerLon, header.centerLat, header.centerZoom],
    vector_layers: [{ id: level, description: `Wilayah ${level}`, minzoom: header.minZoom, maxzoom: header.maxZoom, fields: { kode: 'String', nama: 'String' } }],
  };
}

const HEADERS_NOTE = `# Serving these tiles

Every \`.mvt\` file here is already gzip-compressed. The storage or CDN must send each with

    Content-Type: application/vnd.mapbox-vector-tile
    Content-Encoding: gzip
    Cache-Control: ${TILE_CACHE_CONTROL}
    Access-Control-Allow-Origin: *

Without \`Content-Encoding: gzip\` browsers hand the compressed bytes to MapLibre, which then draws
nothing. Do not let the CDN compress them again. Missing tiles (open sea) are simply absent: a 404
is fine. The TileJSON files (\`{level}.json\`) take \`Content-Type: application/json\` and a short
cache time, since they change when the boundaries are rebuilt.

For example, with the AWS CLI:

    aws s3 sync DIR s3://BUCKET/tiles --exclude '*' --include '*.mvt' \\
      --content-type application/vnd.mapbox-vector-tile --content-encoding gzip \\
      --cache-control '${TILE_CACHE_CONTROL}'
    aws s3 sync DIR s3://BUCKET/tiles --exclude '*' --include '*.json' --content-type application/json

or with gsutil: \`gsutil -m -h Content-Encoding:gzip -h Content-Type:application/vnd.mapbox-vector-tile cp -r DIR/* gs://BUCKET/tiles/\`.
`;

function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      'base-url': { type: 'string' },
      levels: { type: 'string' },
      geodata: { type: 'string', default: 'geodata' },
    },
  });
  if (!values.out) {
    console.error('usage: npm run export:tiles -- --out DIR [--base-url URL] [--levels provinsi,kabkota] [--geodata DIR]');
    process.exit(2);
  }
  const levels = values.levels?.split(',').map((level) => level.trim());
  const unknown = levels?.filter((level) => !isLevel(level));
  if (unknown && unknown.length > 0) {
    console.error(`unknown level ${unknown.join(', ')}; levels are ${LEVELS.join(', ')}`);
    process.exit(2);
  }
  if (values['base-url'] && !/^https?:\/\//.test(values['base-url'])) {
    console.error('--base-url must be an absolute http(s) URL, e.g. https://cdn.example.org/tiles');
    process.exit(2);
  }
  const started = performance.now();
  const summaries = exportTiles({
    geodataDir: values.geodata ?? 'geodata',
    out: values.out,
    ...(values['base-url'] ? { baseUrl: values['base-url'] } : {}),
    ...(levels ? { levels: levels.filter(isLevel) } : {}),
    progress: (line) => console.log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${line}`),
  });
  const total = summaries.reduce((sum, s) => sum + s.tiles, 0);
  console.log(`${total} tiles in ${values.out}; see ${join(values.out, 'HEADERS.md')} for the headers the storage must send`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
