import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEVELS, type Level } from '../catalogue.ts';
import { PmtilesArchive } from './pmtiles-archive.ts';

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
