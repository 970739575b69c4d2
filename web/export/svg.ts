import { z } from 'zod';
import { formatValue } from '../format/number.ts';
import { creditLines, legendRows, publishedAltText, publishedTitle, regionColour, type PublishedMap } from './figure.ts';

/**
 * The map as SVG for print layout: one <path> per region shown (polygons from the server's OGC API,
 * `/ogc/collections/{level}/items`, projected to Web Mercator and fitted to the page), filled with its
 * class colour; title, legend and credits as vector <text>; the generated description as <title>/<desc>.
 */
const position = z.tuple([z.number(), z.number()]).rest(z.number());
const ring = z.array(position);
const geometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring)) }),
]);
const collectionSchema = z.object({
  features: z.array(z.object({ properties: z.object({ kode: z.string(), nama: z.string() }), geometry: geometrySchema })),
});
export type RegionShapes = z.infer<typeof collectionSchema>['features'];

export function ogcItemsUrl(map: PublishedMap): string {
  const params = new URLSearchParams({ limit: '10000' });
  if (map.view.region !== 'ID') params.set('parent', map.view.region);
  return `/ogc/collections/${map.view.level}/items?${params.toString()}`;
}

export async function fetchShapes(map: PublishedMap): Promise<RegionShapes> {
  const url = ogcItemsUrl(map);
  const response = await fetch(url, { headers: { accept: 'application/geo+json' } });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  const parsed = collectionSchema.safeParse(await response.json());
  if (!parsed.success) throw new Error(`${url}: ${z.prettifyError(parsed.error)}`);
  return parsed.data.features;
}

/** Web Mercator, in units of the world's width (0..1 both ways, y down). */
function mercator(lng: number, lat: number): [number, number] {
  const clamped = Math.max(-85, Math.min(85, lat));
  const s = Math.sin((clamped * Math.PI) / 180);
  return [(lng + 180) / 360, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)];
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const SVG_WIDTH = 1000;

export function buildSvg(map: PublishedMap, shapes: RegionShapes): string {
  const W = SVG_WIDTH;
  const margin = 24;
  const header = 56;
  const polygons = shapes.map((f) => ({
    ...f.properties,
    rings: (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat().map((r) => r.map(([lng, lat]) => mercator(lng, lat))),
  }));
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of polygons)
    for (const r of p.rings)
      for (const [x, y] of r) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
  if (!Number.isFinite(x0)) [x0, y0, x1, y1] = [0, 0, 1, 1];
  const mapW = W - 2 * margin;
  const mapH = Math.max(300, Math.min(700, (mapW * (y1 - y0)) / Math.max(1e-12, x1 - x0)));
  const scale = Math.min(mapW / Math.max(1e-12, x1 - x0), mapH / Math.max(1e-12, y1 - y0));
  const ox = margin + (mapW - (x1 - x0) * scale) / 2;
  const oy = header + (mapH - (y1 - y0) * scale) / 2;
  const paths = polygons
    .map((p) => {
      const d = p.rings
        .map((r) => `M${r.map(([x, y]) => `${(ox + (x - x0) * scale).toFixed(1)},${(oy + (y - y0) * scale).toFixed(1)}`).join('L')}Z`)
        .join('');
      const v = map.values[p.kode];
      const label = `${p.nama}: ${v ? formatValue(v.value, map.unit) : '—'}`;
      return `<path data-kode="${esc(p.kode)}" d="${d}" fill="${regionColour(map, p.kode)}"><title>${esc(label)}</title></path>`;
    })
    .join('\n');

  const rows = legendRows(map);
  const legendTop = header + mapH + 16;
  const perRow = 5;
  const cell = (W - 2 * margin) / perRow;
  const legend = rows
    .map((row, i) => {
      const x = margin + (i % perRow) * cell;
      const y = legendTop + Math.floor(i / perRow) * 24;
      return `<rect x="${x}" y="${y}" width="16" height="16" fill="${row.color}" stroke="#00000040"/><text x="${x + 22}" y="${y + 12.5}">${esc(row.label)}</text>`;
    })
    .join('');
  const creditsTop = legendTop + Math.ceil(rows.length / perRow) * 24 + 12;
  const credits = creditLines(map)
    .map((line, i) => `<text x="${margin}" y="${creditsTop + i * 17 + 12}" fill="#5f5b55">${esc(line)}</text>`)
    .join('');
  const height = Math.ceil(creditsTop + creditLines(map).length * 17 + margin);
  const title = publishedTitle(map);
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" role="img" aria-labelledby="title desc" font-family="system-ui, 'Noto Sans', Arial, sans-serif" font-size="13" fill="#22211f">
<title id="title">${esc(title)}</title>
<desc id="desc">${esc(publishedAltText(map))}</desc>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="${margin}" y="${header / 2 + 7}" font-size="20" font-weight="bold">${esc(title)}</text>
<g stroke="#ffffff" stroke-width="0.6" stroke-linejoin="round">
${paths}
</g>
<g>${legend}</g>
<g font-size="11.5">${credits}</g>
</svg>
`;
}

export async function svgBlob(map: PublishedMap): Promise<Blob> {
  return new Blob([buildSvg(map, await fetchShapes(map))], { type: 'image/svg+xml' });
}
