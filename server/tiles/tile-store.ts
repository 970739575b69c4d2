import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEVELS, type Level } from '../catalogue.ts';
import { PmtilesArchive, type ArchiveTile } from './pmtiles-archive.ts';

/** The geometry tile archives of every level that `geodata/tiles/` holds, opened once at start. */
export interface LevelTiles {
  level: Level;
  archive: PmtilesArchive;
  /** short content hash of the archive, so ETags change whenever the geometry is rebuilt */
  version: string;
}

export type TileStore = Map<Level, LevelTiles>;

export function openTileStore(geodataDir: string): TileStore {
  const store: TileStore = new Map();
  for (const level of LEVELS) {
    const path = join(geodataDir, 'tiles', `${level}.pmtiles`);
    if (!existsSync(path)) continue;
    const bytes = new Uint8Array(readFileSync(path));
    const version = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
    store.set(level, { level, archive: new PmtilesArchive(bytes), version });
  }
  return store;
}

/** Geometry never changes between deploys of the same archive, so tiles may be cached for a day. */
export const TILE_CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800';

/** Changes whenever the archive is rebuilt (its hash) and differs per tile (its offset). */
export function tileEtag(tiles: LevelTiles, tile: ArchiveTile): string {
  return `"${tiles.version}-${tile.offset.toString(36)}"`;
}
