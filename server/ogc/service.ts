import { LEVELS, type IndicatorDefinition, type Level } from '../catalogue.ts';
import { readDataVersion } from '../db/data-version.ts';
import { findIndicator } from '../db/indicators.ts';
import { levelExtents, namesWithAncestors } from '../db/regions.ts';
import { badRequest, notFound } from '../problem.ts';
import { resolveValues, type ValueContext } from '../values/resolve.ts';
import type { Bbox, LevelGeometry } from './geometry.ts';
import type { GeometrySource } from './geometry-store.ts';

/** Name and ancestors' names of a region, as feature properties. */
export interface RegionNames {
  nama: string;
  provinsi: string | null;
  kabkota: string | null;
  kecamatan: string | null;
}

export interface LevelSummary {
  level: Level;
  /** regions of the level that have a polygon (features of the collection) */
  count: number;
  bbox: Bbox;
}

/** A value joined to a feature: /api/values' entry with the source named rather than indexed. */
export interface JoinedValue {
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: string;
  demo: boolean;
  basis: string;
  note: string | null;
}

export interface JoinedValues {
  indicator: IndicatorDefinition;
  period: string;
  values: Map<string, JoinedValue>;
}

/** How many joined value sets (indicator, period, level) are kept; paging through one reuses it. */
const VALUE_CACHE_ENTRIES = 8;

/**
 * What the /ogc routes read, each loaded on first use and kept: polygons (GeometrySource), names
 * with ancestors per level, the collections' extents, and recently joined indicator values (per data
 * version, so an import is seen at once).
 */
export class OgcService {
  private readonly names = new Map<Level, Promise<Map<string, RegionNames>>>();
  private summaries: Promise<Map<Level, LevelSummary>> | undefined;
  private readonly valueCache = new Map<string, Promise<Map<string, JoinedValue>>>();

  constructor(
    private readonly context: ValueContext,
    private readonly geometry: GeometrySource,
  ) {}

  levelGeometry(level: Level): Promise<LevelGeometry> {
    return this.geometry.load(level);
  }

  /** Whether `kode` is a region of the code list (with or without a polygon). */
  regionExists(level: Level | 'nasional', kode: string): boolean {
    return this.context.tree[level].ordinalOf.has(kode);
  }

  regionNames(level: Level): Promise<Map<string, RegionNames>> {
    let pending = this.names.get(level);
    if (!pending) {
      pending = namesWithAncestors(this.context.db, { level }).then((rows) => new Map(rows.map(({ kode, ...names }) => [kode, names])));
      this.names.set(level, pending);
      pending.catch(() => this.names.delete(level));
    }
    return pending;
  }

  /**
   * Count and extent per level from the region index, so /ogc/collections answers without reading
   * any polygon. The index measures the unsimplified polygons; the extent is widened by 0.001° and
   * rounded outwards so that it also holds the served polygons, which quantisation may move by up to
   * half a grid step (0.00005°).
   */
  levelSummaries(): Promise<Map<Level, LevelSummary>> {
    if (!this.summaries) {
      this.summaries = levelExtents(this.context.db).then((rows) => {
        const byLevel = new Map<Level, LevelSummary>();
        for (const level of LEVELS) {
          const row = rows.find((r) => r.level === level);
          if (!row) continue;
          const [w, s, e, n] = row.bbox;
          const out = (value: number, direction: 1 | -1) => (direction < 0 ? Math.floor((value - 0.001) * 1000) : Math.ceil((value + 0.001) * 1000)) / 1000;
          byLevel.set(level, { level, count: row.count, bbox: [out(w, -1), out(s, -1), out(e, 1), out(n, 1)] });
        }
        return byLevel;
      });
      this.summaries.catch(() => (this.summaries = undefined));
    }
    return this.summaries;
  }

  /** The indicator named by a request, checked as /api/values checks it. */
  async indicator(id: string, level: Level): Promise<IndicatorDefinition> {
    const indicator = await findIndicator(this.context.db, id);
    if (!indicator) throw notFound(`unknown indicator "${id}"; GET /api/indicators lists them`);
    if (!indicator.levels.includes(level)) throw badRequest(`${indicator.id} is reported for ${indicator.levels.join(', ')}, not ${level}`);
    return indicator;
  }

  /**
   * Every value of a level for one indicator and period, resolved exactly as /api/values resolves
   * them (real, then roll-up, then demonstration data) and rounded as it rounds them.
   */
  async values(indicator: IndicatorDefinition, period: string, level: Level): Promise<JoinedValues> {
    const { version } = await readDataVersion(this.context.db);
    const key = `${version}|${indicator.id}|${period}|${level}`;
    let pending = this.valueCache.get(key);
    if (pending) {
      this.valueCache.delete(key);
    } else {
      pending = resolveValues(this.context, { indicator, period, level }).then((resolved) => {
        const joined = new Map<string, JoinedValue>();
        for (const [kode, { value, numerator, denominator, source, demo, basis, note }] of resolved) {
          joined.set(kode, { value: roundValue(value), numerator, denominator, source, demo, basis, note: note ?? null });
        }
        return joined;
      });
      pending.catch(() => this.valueCache.delete(key));
    }
    // Map order is the eviction order: most recently used last.
    this.valueCache.set(key, pending);
    if (this.valueCache.size > VALUE_CACHE_ENTRIES) {
      const oldest = this.valueCache.keys().next().value;
      if (oldest !== undefined) this.valueCache.delete(oldest);
    }
    return { indicator, period, values: await pending };
  }
}

/** Four decimals, as /api/values rounds (server/routes/values.ts); tests/api/ogc.test.ts checks they agree. */
function roundValue(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
