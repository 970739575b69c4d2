import type { Database } from '../db/client.ts';

/**
 * The hierarchy of all regions as arrays indexed by ordinal (a region's position within its level in
 * code order), the shape roll-ups and demonstration series work on. Built once from the region table.
 */
export const TREE_LEVELS = ['nasional', 'provinsi', 'kabkota', 'kecamatan', 'desa'] as const;
export type TreeLevel = (typeof TREE_LEVELS)[number];

export interface LevelNodes {
  kodes: string[];
  /** ordinal of each region's parent in the level above; -1 for Indonesia */
  parentOf: Int32Array;
  /** label point of each region, [lng, lat] pairs; NaN where the region has no polygon */
  labels: Float64Array;
  ordinalOf: Map<string, number>;
}

export type RegionTree = Record<TreeLevel, LevelNodes>;

export function parentLevel(level: TreeLevel): TreeLevel | null {
  const index = TREE_LEVELS.indexOf(level);
  return index > 0 ? (TREE_LEVELS[index - 1] ?? null) : null;
}

export async function loadRegionTree({ sql }: Database): Promise<RegionTree> {
  const rows = await sql<RegionRow[]>`
    SELECT kode, level, parent, label_lng, label_lat FROM region ORDER BY level, ordinal`;
  const byLevel = new Map<TreeLevel, RegionRow[]>();
  for (const row of rows) {
    const list = byLevel.get(row.level) ?? [];
    list.push(row);
    byLevel.set(row.level, list);
  }
  // Built top-down: each level looks its parents up in the level built before it.
  const tree = new Map<TreeLevel, LevelNodes>();
  for (const level of TREE_LEVELS) {
    const list = byLevel.get(level) ?? [];
    const parent = parentLevel(level);
    const parentOrdinals = (parent && tree.get(parent)?.ordinalOf) || new Map<string, number>();
    const labels = new Float64Array(list.length * 2).fill(Number.NaN);
    list.forEach((row, i) => {
      if (row.label_lng !== null && row.label_lat !== null) labels.set([row.label_lng, row.label_lat], i * 2);
    });
    tree.set(level, {
      kodes: list.map((row) => row.kode),
      parentOf: Int32Array.from(list, (row) => (row.parent === null ? -1 : (parentOrdinals.get(row.parent) ?? -1))),
      labels,
      ordinalOf: new Map(list.map((row, i) => [row.kode, i])),
    });
    const parentOf = tree.get(level)?.parentOf ?? new Int32Array(0);
    // Ordinals follow code order, so each region's children are one contiguous run (childRange).
    for (let i = 1; i < parentOf.length; i++) {
      if ((parentOf[i] ?? 0) < (parentOf[i - 1] ?? 0)) throw new Error(`region ordinals of ${level} are not in code order at ${list[i]?.kode}`);
    }
  }
  const nodes = (level: TreeLevel) => tree.get(level) ?? { kodes: [], parentOf: new Int32Array(0), labels: new Float64Array(0), ordinalOf: new Map() };
  return { nasional: nodes('nasional'), provinsi: nodes('provinsi'), kabkota: nodes('kabkota'), kecamatan: nodes('kecamatan'), desa: nodes('desa') };
}

/** The level of a region code from its shape: ID, 53, 53.01, 53.01.01, 53.01.01.2001. */
export function levelOfCode(kode: string): TreeLevel | undefined {
  return kode === 'ID' ? 'nasional' : TREE_LEVELS[kode.split('.').length];
}

/** Whether the tree (the region table as loaded at start) holds this code. */
export function regionExists(tree: RegionTree, kode: string): boolean {
  const level = levelOfCode(kode);
  return level !== undefined && tree[level].ordinalOf.has(kode);
}

/** Ordinals [start, end) of the children of `parent` at `level`: contiguous, as ordinals follow code order. */
export function childRange(tree: RegionTree, level: TreeLevel, parent: string): { start: number; end: number } {
  const above = parentLevel(level);
  return above && levelOfCode(parent) === above ? descendantRange(tree, level, parent) : { start: 0, end: 0 };
}

/**
 * Ordinals [start, end) of the regions of `level` below `ancestor`, a region of any level above it
 * (empty when it is unknown or not above). Each region's children are one contiguous run of the level
 * below, so the run of descendants is too: two binary searches per level down.
 */
export function descendantRange(tree: RegionTree, level: TreeLevel, ancestor: string): { start: number; end: number } {
  const from = levelOfCode(ancestor);
  const ordinal = from === undefined ? undefined : tree[from].ordinalOf.get(ancestor);
  const depth = TREE_LEVELS.indexOf(level);
  if (from === undefined || ordinal === undefined || TREE_LEVELS.indexOf(from) >= depth) return { start: 0, end: 0 };
  let start = ordinal;
  let end = ordinal + 1;
  for (let d = TREE_LEVELS.indexOf(from) + 1; d <= depth; d++) {
    const parentOf = tree[TREE_LEVELS[d] ?? 'desa'].parentOf;
    [start, end] = [lowerBound(parentOf, start), lowerBound(parentOf, end)];
  }
  return { start, end };
}

/** The first index whose parent ordinal is at least `target` (parentOf is sorted). */
function lowerBound(parentOf: Int32Array, target: number): number {
  let low = 0;
  let high = parentOf.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((parentOf[mid] ?? 0) < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

interface RegionRow {
  kode: string;
  level: TreeLevel;
  parent: string | null;
  label_lng: number | null;
  label_lat: number | null;
}
