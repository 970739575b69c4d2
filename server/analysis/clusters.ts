import type { LevelValues } from '../values/level-values.ts';
import { FLAG } from '../values/level-values.ts';
import type { ClusterWire } from '../../shared/api/supervision.ts';
import { localMoran } from './lisa.ts';
import { neighboursOf, type LevelNeighbours } from './neighbours.ts';

/** LISA settings, as GeoDa's defaults: 999 permutations, p <= 0.05, a fixed seed so every answer is the same. */
export const LISA_SETTINGS = { permutations: 999, significance: 0.05, seed: 12345 } as const;

export interface ClusterInput {
  /** codes of the level by ordinal, and the resolved values of a run of them */
  kodes: readonly string[];
  values: LevelValues;
  /** only regions whose code starts with this prefix (`53.` for the regions of NTT); '' for all */
  within: string;
  neighbours: LevelNeighbours;
}

export interface ClusterOutput {
  /** codes of the regions computed on (those with a value), in code order */
  kodes: string[];
  values: Float64Array;
  /** neighbour lists as indexes into `kodes` */
  neighbours: number[][];
  regionsWithoutValue: number;
}

/**
 * The regions LISA runs on and their neighbours: regions with a value within the subset, each with
 * the neighbours that are also in it (a neighbour without a value, or across the subset's border,
 * is left out, as lisa.ts asks).
 */
export function clusterInput({ kodes, values, within, neighbours }: ClusterInput): ClusterOutput {
  const picked: string[] = [];
  const numbers: number[] = [];
  let without = 0;
  for (let i = 0; i < values.size; i++) {
    const kode = kodes[values.start + i] ?? '';
    if (within && !kode.startsWith(within)) continue;
    if (!((values.flags[i] ?? 0) & FLAG.value)) {
      without++;
      continue;
    }
    picked.push(kode);
    numbers.push(values.values[i] ?? Number.NaN);
  }
  const indexOf = new Map(picked.map((kode, i) => [kode, i]));
  const lists = picked.map((kode) => {
    const at = neighbours.indexOf.get(kode);
    if (at === undefined) return [];
    const out: number[] = [];
    for (const other of neighboursOf(neighbours, at)) {
      const j = indexOf.get(neighbours.kodes[other] ?? '');
      if (j !== undefined) out.push(j);
    }
    return out;
  });
  return { kodes: picked, values: Float64Array.from(numbers), neighbours: lists, regionsWithoutValue: without };
}

export function clusterCounts(clusters: readonly ClusterWire[]): Record<ClusterWire, number> {
  const counts: Record<ClusterWire, number> = { 'high-high': 0, 'low-low': 0, 'high-low': 0, 'low-high': 0, 'not-significant': 0, 'no-neighbours': 0 };
  for (const c of clusters) counts[c]++;
  return counts;
}

export function runClusters(input: ClusterOutput) {
  if (input.kodes.length < 3) return null;
  return localMoran(input.values, input.neighbours, LISA_SETTINGS);
}
