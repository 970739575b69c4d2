/**
 * The levels nest: the label point of (nearly) every desa lies inside its own kecamatan's polygon, as
 * drawn in the kecamatan tiles at their max zoom (z11, 4.8 m grid, so the check sees the built shapes,
 * not the source). Kecamatan, kab/kota and provinsi are dissolved from the desa, so a failure here
 * means the build broke the topology or mixed up codes.
 */
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { zxyToTileId } from 'pmtiles';
import { readTileEntries, tileBytes, type TileEntry } from '../../scripts/geodata/pmtiles-reader.ts';
import { archive, regionIndex } from './committed.ts';

const Z = 11;
const EXTENT = 4096;

function project(lng: number, lat: number): { x: number; y: number; px: number; py: number } {
  const n = 2 ** Z;
  const wx = ((lng + 180) / 360) * n;
  const r = (lat * Math.PI) / 180;
  const wy = ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n;
  const x = Math.floor(wx);
  const y = Math.floor(wy);
  return { x, y, px: (wx - x) * EXTENT, py: (wy - y) * EXTENT };
}

/** Even-odd rule over all rings: right for any valid polygon whatever the ring order. */
function inside(rings: { x: number; y: number }[][], px: number, py: number): boolean {
  let odd = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if ((a.y > py) !== (b.y > py) && px < ((b.x - a.x) * (py - a.y)) / (b.y - a.y) + a.x) odd = !odd;
    }
  }
  return odd;
}

describe('nesting of desa in kecamatan', () => {
  it('puts the label point of at least 99.9% of desa inside their own kecamatan (z11 tiles)', () => {
    const buf = archive('kecamatan');
    const byId = new Map<number, TileEntry>();
    for (const e of readTileEntries(buf)) for (let k = 0; k < e.runLength; k++) byId.set(e.tileId + k, e);

    const pointsByTile = new Map<number, { kec: string; px: number; py: number }[]>();
    const desa = regionIndex().rows.filter((r) => r.level === 'desa' && r.has_geometry === '1');
    for (const r of desa) {
      const p = project(Number(r.label_lng), Number(r.label_lat));
      const id = zxyToTileId(Z, p.x, p.y);
      let list = pointsByTile.get(id);
      if (!list) pointsByTile.set(id, (list = []));
      list.push({ kec: r.parent, px: p.px, py: p.py });
    }

    let within = 0;
    const outside: string[] = [];
    for (const [id, points] of pointsByTile) {
      const entry = byId.get(id);
      if (!entry) { outside.push(...points.map((p) => `${p.kec} (no tile)`)); continue; }
      const layer = new VectorTile(new PbfReader(zlib.gunzipSync(tileBytes(buf, entry)))).layers.kecamatan;
      const wanted = new Set(points.map((p) => p.kec));
      const rings = new Map<string, { x: number; y: number }[][]>();
      for (let i = 0; layer && i < layer.length; i++) {
        const f = layer.feature(i);
        const kode = String(f.properties.kode);
        if (wanted.has(kode)) rings.set(kode, [...(rings.get(kode) ?? []), ...f.loadGeometry()]);
      }
      for (const p of points) {
        const r = rings.get(p.kec);
        if (r && inside(r, p.px, p.py)) within++;
        else outside.push(p.kec);
      }
    }
    const share = within / desa.length;
    console.log(`nesting: ${within} of ${desa.length} desa label points inside their kecamatan (${(share * 100).toFixed(3)}%)`);
    expect(desa.length).toBeGreaterThanOrEqual(83_402);
    expect(share, `outside: ${outside.slice(0, 20).join(', ')}`).toBeGreaterThanOrEqual(0.999);
  }, 180_000);
});
