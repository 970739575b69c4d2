import { gunzipSync, gzipSync } from 'node:zlib';
import type { IndicatorDefinition, Level } from '../catalogue.ts';
import { readDataVersion } from '../db/data-version.ts';
import { indicatorPeriods } from '../db/values.ts';
import { FLAG, type LevelValues } from '../values/level-values.ts';
import { resolveLevel, type ValueContext } from '../values/resolve.ts';
import { roundValue } from '../values/values-json.ts';
import { spliceProperties, type PropertyValue } from './mvt-splice.ts';
import type { ArchiveTile } from './pmtiles-archive.ts';
import type { LevelTiles } from './tile-store.ts';

/**
 * Tiles with an indicator's values in the features, for third-party maps that cannot join values to
 * features themselves (QGIS, Leaflet, static styles): the geometry tile with `value`, `numerator`,
 * `denominator`, `source`, `demo` (and `basis` for roll-ups) spliced into every feature's properties,
 * resolved exactly as /api/values resolves them. Everything is keyed by the data version, so an
 * import is seen by the next request, and older entries simply age out.
 */

/**
 * Joined tiles may change with any import, so they are cached for minutes, not the day geometry
 * tiles are: a third-party map shows new figures at most 5 minutes after an import, and meanwhile a
 * map view (20-40 tiles) is not revalidated tile by tile on every pan. After that the ETag (which
 * holds the data version) makes revalidation a 304 until the data changes.
 */
export const JOINED_TILE_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=3600';

/** The fields joined tiles add, for TileJSON's vector_layers. */
export const JOINED_FIELDS = {
  value: 'Number',
  numerator: 'Number',
  denominator: 'Number',
  source: 'String',
  demo: 'Boolean',
  basis: 'String',
} as const;

export interface JoinedTile {
  etag: string;
  gzipped: Uint8Array<ArrayBuffer>;
}

/** Least recently used entries out first, bounded by bytes and by count. */
class Lru<T> {
  private readonly entries = new Map<string, { value: T; bytes: number }>();
  private bytes = 0;
  constructor(
    private readonly maxBytes: number,
    private readonly maxEntries: number,
  ) {}

  get(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  set(key: string, value: T, bytes: number): void {
    const previous = this.entries.get(key);
    if (previous) this.bytes -= previous.bytes;
    this.entries.delete(key);
    this.entries.set(key, { value, bytes });
    this.bytes += bytes;
    while (this.entries.size > 1 && (this.bytes > this.maxBytes || this.entries.size > this.maxEntries)) {
      const [oldest, entry] = this.entries.entries().next().value ?? [];
      if (oldest === undefined || !entry) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.bytes;
    this.entries.delete(key);
  }
}

export interface JoinedTilesOptions {
  /** bytes of gzipped joined tiles kept (a desa tile is ~8 KB) */
  maxTileBytes?: number;
  /** resolved levels kept (all desa of one indicator and period is ~3 MB) */
  maxLevels?: number;
}

export class JoinedTiles {
  private readonly tiles: Lru<JoinedTile>;
  private readonly levels: Lru<Promise<LevelValues>>;
  private readonly periods = new Lru<Promise<string[]>>(Number.POSITIVE_INFINITY, 256);

  constructor(
    private readonly context: ValueContext,
    { maxTileBytes = 32 * 2 ** 20, maxLevels = 8 }: JoinedTilesOptions = {},
  ) {
    this.tiles = new Lru(maxTileBytes, Number.POSITIVE_INFINITY);
    this.levels = new Lru(Number.POSITIVE_INFINITY, maxLevels);
  }

  get db(): ValueContext['db'] {
    return this.context.db;
  }

  dataVersion(): Promise<number> {
    return readDataVersion(this.context.db).then(({ version }) => version);
  }

  /** Periods with values of the indicator, as of `version`. */
  periodsOf(indicator: string, version: number): Promise<string[]> {
    return this.remember(this.periods, `${version}|${indicator}`, () => indicatorPeriods(this.context.db, indicator));
  }

  etag(tiles: LevelTiles, tile: ArchiveTile, version: number): string {
    return `"${tiles.version}-${tile.offset.toString(36)}-d${version}"`;
  }

  /** The geometry tile with the values of `indicator` in `period` joined to its features. */
  async tile(tiles: LevelTiles, tile: ArchiveTile, query: { indicator: IndicatorDefinition; period: string; version: number }): Promise<JoinedTile> {
    const { indicator, period, version } = query;
    const key = `${version}|${indicator.id}|${period}|${tiles.level}|${tile.offset}`;
    const cached = this.tiles.get(key);
    if (cached) return cached;
    const values = await this.levelValues(tiles.level, indicator, period, version);
    const nodes = this.context.tree[tiles.level];
    const joined = spliceProperties(gunzipSync(tile.data), tiles.level, (kode) => properties(values, values.indexOf(nodes.ordinalOf.get(kode))));
    const entry: JoinedTile = { etag: this.etag(tiles, tile, version), gzipped: new Uint8Array(gzipSync(joined)) };
    this.tiles.set(key, entry, entry.gzipped.byteLength + key.length * 2 + 64);
    return entry;
  }

  private levelValues(level: Level, indicator: IndicatorDefinition, period: string, version: number): Promise<LevelValues> {
    // One resolution per level however many tiles of a view ask for it at once.
    return this.remember(this.levels, `${version}|${indicator.id}|${period}|${level}`, () => resolveLevel(this.context, { indicator, period, level }));
  }

  private remember<T>(cache: Lru<Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit) return hit;
    const pending = load();
    cache.set(key, pending, 0);
    pending.catch(() => cache.delete(key));
    return pending;
  }
}

/** The properties of index i, as /api/values gives them but with the source named. */
function properties(values: LevelValues, i: number): Record<string, PropertyValue> | undefined {
  const flags = i < 0 ? 0 : (values.flags[i] ?? 0);
  if (!(flags & FLAG.value)) return undefined;
  const numerator = values.numerators[i] ?? Number.NaN;
  const denominator = values.denominators[i] ?? Number.NaN;
  return {
    value: roundValue(values.values[i] ?? Number.NaN),
    ...(Number.isNaN(numerator) ? {} : { numerator }),
    ...(Number.isNaN(denominator) ? {} : { denominator }),
    source: values.sources[values.sourceOf[i] ?? 0] ?? '',
    demo: (flags & FLAG.demo) !== 0,
    ...(flags & FLAG.rollup ? { basis: 'rollup' } : {}),
  };
}
