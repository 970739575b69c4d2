import { createRandom, type Random } from '../demo/random.ts';

/**
 * Local Moran's I (Anselin 1995, "Local indicators of spatial association — LISA") with
 * row-standardised weights and conditional permutation inference, computed as GeoDa and PySAL's
 * `esda.Moran_Local` do, so that their results can be checked against ours:
 *
 *   z_i = x_i - mean(x),  m2 = sum(z_i^2) / n,  I_i = (z_i / m2) * sum_j w_ij z_j,  w_ij = 1 / |N(i)|
 *
 * Significance: for each region, its neighbours' values are replaced `permutations` times by values
 * drawn without replacement from all other regions; the pseudo p-value is (k + 1) / (permutations + 1),
 * k being the number of draws at least as extreme as the observed I on the observed side (folded,
 * as PySAL does). The generator is seeded, so the same input gives the same answer everywhere.
 *
 * No library does this in JavaScript (GeoDa's WASM build is unmaintained); it is short enough to read.
 */

export type LisaCluster = 'high-high' | 'low-low' | 'high-low' | 'low-high' | 'not-significant' | 'no-neighbours';

export interface LisaResult {
  /** Local Moran's I per region, in input order. */
  readonly localI: Float64Array;
  /** Spatial lag of the standardised value: the mean of the neighbours' z. */
  readonly lag: Float64Array;
  /** Pseudo p-value per region; NaN for a region without neighbours. */
  readonly p: Float64Array;
  readonly cluster: LisaCluster[];
}

export interface LisaOptions {
  /** Number of conditional permutations (999 by default, as GeoDa). */
  readonly permutations?: number;
  /** p-value at or below which a region is significant (0.05 by default). */
  readonly significance?: number;
  readonly seed?: number;
}

/**
 * `values[i]` is region i's value; `neighbours[i]` the indexes of its neighbours (symmetric, without i).
 * Regions without a value must be left out by the caller (and out of everyone's neighbour lists).
 */
export function localMoran(values: ArrayLike<number>, neighbours: readonly (readonly number[])[], options: LisaOptions = {}): LisaResult {
  const { permutations = 999, significance = 0.05, seed = 12345 } = options;
  const n = values.length;
  if (neighbours.length !== n) throw new Error(`${n} values but ${neighbours.length} neighbour lists`);
  if (n < 3) throw new Error(`local Moran's I needs at least 3 regions with a value, got ${n}`);

  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i] as number;
  mean /= n;
  const z = new Float64Array(n);
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    z[i] = (values[i] as number) - mean;
    m2 += z[i]! * z[i]!;
  }
  m2 /= n;

  const localI = new Float64Array(n);
  const lag = new Float64Array(n);
  const p = new Float64Array(n).fill(Number.NaN);
  const cluster: LisaCluster[] = new Array(n);
  if (m2 === 0) {
    // Every value equal: nothing stands out anywhere.
    for (let i = 0; i < n; i++) cluster[i] = neighbours[i]!.length === 0 ? 'no-neighbours' : 'not-significant';
    return { localI, lag, p, cluster };
  }

  // One table of draws shared by every region, as PySAL does: row d holds maxK distinct indexes into
  // "the other n - 1 regions". Region i reads it shifted by its own random offset, so that regions do
  // not share their draws, and index j >= i stands for region j + 1 (i itself is never drawn).
  const random = createRandom(seed);
  const maxK = Math.min(n - 1, Math.max(...neighbours.map((around) => around.length)));
  const draws = drawTable(random, permutations, maxK, n - 1);
  for (let i = 0; i < n; i++) {
    const around = neighbours[i]!;
    const k = around.length;
    if (k === 0) {
      cluster[i] = 'no-neighbours';
      continue;
    }
    if (k > n - 1) throw new Error(`region ${i} has ${k} neighbours but there are only ${n - 1} other regions`);
    let sum = 0;
    for (const j of around) sum += z[j]!;
    lag[i] = sum / k;
    const scale = z[i]! / m2;
    localI[i] = scale * lag[i]!;

    const offset = Math.floor(random.next() * (n - 1));
    let atLeast = 0;
    for (let draw = 0; draw < permutations; draw++) {
      let permutedSum = 0;
      const row = draw * maxK;
      for (let c = 0; c < k; c++) {
        let j = draws[row + c]! + offset;
        if (j >= n - 1) j -= n - 1;
        permutedSum += z[j >= i ? j + 1 : j]!;
      }
      if (scale * (permutedSum / k) >= localI[i]!) atLeast++;
    }
    const extreme = Math.min(atLeast, permutations - atLeast);
    p[i] = (extreme + 1) / (permutations + 1);
    cluster[i] = p[i]! > significance ? 'not-significant' : quadrant(z[i]!, lag[i]!);
  }
  return { localI, lag, p, cluster };
}

/** `rows` rows of `width` distinct integers in [0, range), drawn by rejection (width is small). */
function drawTable(random: Random, rows: number, width: number, range: number): Int32Array {
  const table = new Int32Array(rows * width);
  for (let r = 0; r < rows; r++) {
    const row = r * width;
    for (let c = 0; c < width; c++) {
      let pick: number;
      do pick = Math.floor(random.next() * range);
      while (table.subarray(row, row + c).includes(pick));
      table[row + c] = pick;
    }
  }
  return table;
}

function quadrant(zi: number, lagi: number): LisaCluster {
  if (zi >= 0) return lagi >= 0 ? 'high-high' : 'high-low';
  return lagi < 0 ? 'low-low' : 'low-high';
}
