/**
 * How search hits are ordered. Every hit gets one numeric key (smaller is better) that packs, from
 * most to least significant:
 *   1. whether it contradicts a leading level word ("kab bandung" puts Kota Bandung after every kabupaten),
 *   2. the tier: exact name > name starts with the query > every query word starts a word of the name
 *      > the same with help from the ancestors' names ("sukamaju cibadak") > typo > typo with ancestors,
 *   3. the number of edits (typo tiers only),
 *   4. the level: provinsi > kabkota > kecamatan > desa,
 *   5. the region's position in code order, so equal hits keep a stable, population-free order.
 * One number makes the top-k selection a plain comparison over tens of thousands of candidates.
 */
import type { Level } from '../catalogue.ts';

export const TIERS = ['exact', 'name-prefix', 'word-prefix', 'ancestor-prefix', 'typo', 'ancestor-typo'] as const;
export type Tier = (typeof TIERS)[number];
export type Match = 'exact' | 'prefix' | 'typo' | 'code';

export const LEVEL_ORDER: readonly Level[] = ['provinsi', 'kabkota', 'kecamatan', 'desa'];

/** Region positions are below 2^17 (91,599 regions); the key stays well inside 2^53. */
const POSITION_BITS = 2 ** 17;
const MAX_EDITS = 15;

export interface Rank {
  hintMismatch: boolean;
  tier: Tier;
  edits: number;
  levelRank: number;
  position: number;
}

export function rankKey({ hintMismatch, tier, edits, levelRank, position }: Rank): number {
  if (position >= POSITION_BITS) throw new RangeError(`region position ${position} does not fit the ranking key`);
  const major = ((hintMismatch ? 1 : 0) * TIERS.length + TIERS.indexOf(tier)) * (MAX_EDITS + 1) + Math.min(edits, MAX_EDITS);
  return (major * LEVEL_ORDER.length + levelRank) * POSITION_BITS + position;
}

export function positionOf(key: number): number {
  return key % POSITION_BITS;
}

/** The match a tier is reported as in the API. */
export function matchOf(tier: Tier): Match {
  if (tier === 'exact') return 'exact';
  if (tier === 'typo' || tier === 'ancestor-typo') return 'typo';
  return 'prefix';
}

export function tierOf(key: number): Tier {
  const major = Math.floor(key / POSITION_BITS / LEVEL_ORDER.length / (MAX_EDITS + 1));
  return TIERS[major % TIERS.length] ?? 'ancestor-typo';
}

/** The `size` smallest keys seen, smallest first; offers above the current worst cost one comparison. */
export class TopKeys {
  readonly keys: number[] = [];
  constructor(readonly size: number) {}

  offer(key: number): void {
    const keys = this.keys;
    if (keys.length === this.size && key >= (keys[keys.length - 1] ?? Infinity)) return;
    let i = keys.length;
    while (i > 0 && (keys[i - 1] ?? 0) > key) i--;
    keys.splice(i, 0, key);
    if (keys.length > this.size) keys.pop();
  }
}
