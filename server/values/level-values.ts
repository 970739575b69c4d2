import type { TreeLevel } from './region-tree.ts';
import { CATEGORY_COUNT } from './rollup.ts';

/**
 * The resolved values of a run of regions of one level (a whole level, or one region's children,
 * which are contiguous ordinals), held as columns indexed by ordinal - start rather than as one
 * object per region: 83,762 desa are a few typed arrays, cheap to fill from the stored arrays and
 * to write out as JSON or into tiles.
 */
export const FLAG = {
  /** the region has a value */
  value: 1,
  demo: 2,
  rollup: 4,
  /** reporting and expected are set */
  counts: 8,
  /** categories (distribution) are set */
  distribution: 16,
} as const;

/** One region's value, as `resolveValues` has always returned it. */
export interface ResolvedValue {
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: string;
  demo: boolean;
  basis: 'direct' | 'rollup';
  /** roll-ups: how many of the regions below reported, out of how many */
  reporting?: number;
  expected?: number;
  /** category roll-ups: how many regions below fall in each category */
  distribution?: number[];
  note?: string;
  /** the code of the region before a split whose figure this is (see succession.ts) */
  inheritedFrom?: string;
}

export class LevelValues {
  readonly size: number;
  readonly flags: Uint8Array;
  readonly values: Float64Array;
  /** NaN: none */
  readonly numerators: Float64Array;
  readonly denominators: Float64Array;
  /** index into `sources` */
  readonly sourceOf: Int32Array;
  readonly reporting: Int32Array;
  readonly expected: Int32Array;
  /** CATEGORY_COUNT per region, allocated on first use */
  categories: Int32Array | null = null;
  readonly sources: string[] = [];
  /** notes of regions whose figure is their predecessor's (successions), by index */
  readonly notes = new Map<number, { note: string; inheritedFrom?: string }>();
  private readonly sourceIndex = new Map<string, number>();

  constructor(
    readonly level: TreeLevel,
    /** first ordinal; index i holds ordinal start + i */
    readonly start: number,
    end: number,
  ) {
    this.size = Math.max(0, end - start);
    this.flags = new Uint8Array(this.size);
    this.values = new Float64Array(this.size);
    this.numerators = new Float64Array(this.size).fill(Number.NaN);
    this.denominators = new Float64Array(this.size).fill(Number.NaN);
    this.sourceOf = new Int32Array(this.size);
    this.reporting = new Int32Array(this.size);
    this.expected = new Int32Array(this.size);
  }

  get end(): number {
    return this.start + this.size;
  }

  /** Index of an ordinal, or -1 when outside the run. */
  indexOf(ordinal: number | undefined): number {
    if (ordinal === undefined) return -1;
    const i = ordinal - this.start;
    return i >= 0 && i < this.size ? i : -1;
  }

  sourceId(name: string): number {
    let id = this.sourceIndex.get(name);
    if (id === undefined) {
      id = this.sources.push(name) - 1;
      this.sourceIndex.set(name, id);
    }
    return id;
  }

  /** Replaces whatever index i held. */
  set(i: number, entry: ResolvedValue): void {
    let flags = FLAG.value;
    if (entry.demo) flags |= FLAG.demo;
    if (entry.basis === 'rollup') flags |= FLAG.rollup;
    this.values[i] = entry.value;
    this.numerators[i] = entry.numerator ?? Number.NaN;
    this.denominators[i] = entry.denominator ?? Number.NaN;
    this.sourceOf[i] = this.sourceId(entry.source);
    if (entry.reporting !== undefined && entry.expected !== undefined) {
      flags |= FLAG.counts;
      this.reporting[i] = entry.reporting;
      this.expected[i] = entry.expected;
    }
    if (entry.distribution) {
      flags |= FLAG.distribution;
      this.categories ??= new Int32Array(this.size * CATEGORY_COUNT);
      this.categories.set(entry.distribution.slice(0, CATEGORY_COUNT), i * CATEGORY_COUNT);
    }
    this.flags[i] = flags;
    this.notes.delete(i);
    if (entry.note !== undefined) this.notes.set(i, { note: entry.note, ...(entry.inheritedFrom === undefined ? {} : { inheritedFrom: entry.inheritedFrom }) });
  }

  /** The value at index i as an object, or undefined when the region has none. */
  get(i: number): ResolvedValue | undefined {
    const flags = this.flags[i] ?? 0;
    if (!(flags & FLAG.value)) return undefined;
    const numerator = this.numerators[i] ?? Number.NaN;
    const denominator = this.denominators[i] ?? Number.NaN;
    const entry: ResolvedValue = {
      value: this.values[i] ?? Number.NaN,
      numerator: Number.isNaN(numerator) ? null : numerator,
      denominator: Number.isNaN(denominator) ? null : denominator,
      source: this.sources[this.sourceOf[i] ?? 0] ?? '',
      demo: (flags & FLAG.demo) !== 0,
      basis: flags & FLAG.rollup ? 'rollup' : 'direct',
    };
    if (flags & FLAG.counts) {
      entry.reporting = this.reporting[i] ?? 0;
      entry.expected = this.expected[i] ?? 0;
    }
    if (flags & FLAG.distribution && this.categories) entry.distribution = Array.from(this.categories.subarray(i * CATEGORY_COUNT, (i + 1) * CATEGORY_COUNT));
    const note = this.notes.get(i);
    if (note?.inheritedFrom !== undefined) entry.inheritedFrom = note.inheritedFrom;
    if (note) entry.note = note.note;
    return entry;
  }

  /** Keyed by code, in code order: the shape callers outside the hot paths use. */
  toMap(kodes: readonly string[]): Map<string, ResolvedValue> {
    const map = new Map<string, ResolvedValue>();
    for (let i = 0; i < this.size; i++) {
      const entry = this.get(i);
      const kode = kodes[this.start + i];
      if (entry && kode !== undefined) map.set(kode, entry);
    }
    return map;
  }

  /** Approximate memory held, for caches bounded by bytes. */
  get byteLength(): number {
    return this.size * (1 + 8 * 3 + 4 * 3) + (this.categories?.byteLength ?? 0);
  }
}
