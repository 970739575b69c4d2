import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportTiles } from '../../scripts/export-tiles.ts';
import { openTileStore } from '../../server/tiles/tile-store.ts';
import { decodeTile } from '../support/mvt.ts';

/** `npm run export:tiles`: the static tile folder for object storage and a CDN. */
describe('exporting the tiles as static files', () => {
  const out = mkdtempSync(join(tmpdir(), 'peta-tiles-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));

  it('writes every tile of the archive, byte for byte, with TileJSON and a note on headers', () => {
    const [summary] = exportTiles({ geodataDir: 'geodata', out, levels: ['provinsi'] });
    const archive = openTileStore('geodata').get('provinsi')?.archive;
    expect(summary).toMatchObject({ level: 'provinsi', tiles: archive?.header.numAddressedTiles });
    expect(files(join(out, 'provinsi')).filter((file) => file.endsWith('.mvt'))).toHaveLength(summary?.tiles ?? -1);

    const bytes = readFileSync(join(out, 'provinsi/4/13/8.mvt'));
    expect(new Uint8Array(bytes)).toEqual(archive?.getTile(4, 13, 8)?.data);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect(decodeTile(bytes).provinsi?.map((feature) => feature.kode)).toContain('53');

    const tileJson = JSON.parse(readFileSync(join(out, 'provinsi.json'), 'utf8'));
    expect(tileJson).toMatchObject({ tilejson: '3.0.0', tiles: ['provinsi/{z}/{x}/{y}.mvt'], minzoom: 0, maxzoom: 7 });
    expect(readFileSync(join(out, 'HEADERS.md'), 'utf8')).toContain('Content-Encoding: gzip');
  });

  it('points the TileJSON at --base-url when given', () => {
    exportTiles({ geodataDir: 'geodata', out, levels: ['provinsi'], baseUrl: 'https://cdn.example.org/peta/tiles/' });
    const tileJson = JSON.parse(readFileSync(join(out, 'provinsi.json'), 'utf8'));
    expect(tileJson.tiles).toEqual(['https://cdn.example.org/peta/tiles/provinsi/{z}/{x}/{y}.mvt']);
  });
});
