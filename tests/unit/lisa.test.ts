import { describe, expect, it } from 'vitest';
import { localMoran } from '../../server/analysis/lisa.ts';

/** Queen neighbours of the cells of a rows x cols grid, numbered row by row. */
function queenGrid(rows: number, cols: number): number[][] {
  const neighbours: number[][] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const around: number[] = [];
      for (let dr = -1; dr <= 1; dr++) {
        for (let dc = -1; dc <= 1; dc++) {
          const [nr, nc] = [r + dr, c + dc];
          if ((dr || dc) && nr >= 0 && nr < rows && nc >= 0 && nc < cols) around.push(nr * cols + nc);
        }
      }
      neighbours.push(around);
    }
  }
  return neighbours;
}

describe('local Moran’s I', () => {
  // Four regions in a row, values 1, 2, 3, 10. By hand: mean 4, z = (-3, -2, -1, 6),
  // m2 = (9 + 4 + 1 + 36) / 4 = 12.5, neighbour means of z = (-2, -2.5 + 0.5 = -2, 2, -1),
  // I = z / m2 * lag = (0.48, 0.32, -0.16, -0.48).
  const path = [[1], [0, 2], [1, 3], [2]];

  it('matches values computed by hand on a small lattice', () => {
    const result = localMoran([1, 2, 3, 10], path, { permutations: 99 });
    expect([...result.lag]).toEqual([-2, -2, 2, -1]);
    [0.48, 0.32, -0.16, -0.48].forEach((expected, i) => expect(result.localI[i]).toBeCloseTo(expected, 12));
  });

  it('gives the exact permutation p-value in the limit', () => {
    // Region 0 has one neighbour, drawn from the others' z (-2, -1, 6): I would be 0.48, 0.24 or -1.44.
    // One draw in three is at least the observed 0.48, so p tends to 1/3.
    const result = localMoran([1, 2, 3, 10], path, { permutations: 9999, seed: 7 });
    expect(result.p[0]).toBeGreaterThan(1 / 3 - 0.02);
    expect(result.p[0]).toBeLessThan(1 / 3 + 0.02);
    expect(result.cluster[0]).toBe('not-significant');
  });

  it('finds a high cluster and a low cluster where the answer is known', () => {
    // 8 x 8 grid: left half around 10, right half around 0 (a little deterministic noise).
    const rows = 8;
    const cols = 8;
    const values = Array.from({ length: rows * cols }, (_, i) => (i % cols < cols / 2 ? 10 : 0) + ((i * 7) % 5) / 10);
    const result = localMoran(values, queenGrid(rows, cols), { seed: 1 });
    // Cells away from the border between the halves have only like neighbours: significant.
    for (let r = 1; r < rows - 1; r++) {
      expect(result.cluster[r * cols + 1]).toBe('high-high');
      expect(result.cluster[r * cols + cols - 2]).toBe('low-low');
    }
    expect([...result.localI].every((i) => i > 0)).toBe(true);
    expect(result.cluster.some((c) => c === 'high-low' || c === 'low-high')).toBe(false);
  });

  it('finds spatial outliers in a checkerboard', () => {
    const rows = 6;
    const cols = 6;
    // Rook-alternating values on a grid with rook neighbours: every neighbour is the opposite.
    const rook = Array.from({ length: rows * cols }, (_, i) => {
      const [r, c] = [Math.floor(i / cols), i % cols];
      return [[r - 1, c], [r + 1, c], [r, c - 1], [r, c + 1]]
        .filter(([nr, nc]) => nr! >= 0 && nr! < rows && nc! >= 0 && nc! < cols)
        .map(([nr, nc]) => nr! * cols + nc!);
    });
    const values = Array.from({ length: rows * cols }, (_, i) => ((Math.floor(i / cols) + (i % cols)) % 2 === 0 ? 10 : 0));
    const result = localMoran(values, rook, { seed: 3 });
    expect([...result.localI].every((i) => i < 0)).toBe(true);
    const interior = 2 * cols + 2;
    expect(['high-low', 'low-high']).toContain(result.cluster[interior]);
  });

  it('is the same for the same seed and leaves islands out', () => {
    const values = [5, 1, 7, 3, 9, 2];
    const neighbours = [[1], [0, 2], [1, 3], [2, 4], [3], []];
    const a = localMoran(values, neighbours, { seed: 42 });
    const b = localMoran(values, neighbours, { seed: 42 });
    expect([...a.p]).toEqual([...b.p]);
    expect(a.cluster[5]).toBe('no-neighbours');
    expect(Number.isNaN(a.p[5])).toBe(true);
  });

  it('says nothing stands out when all values are equal', () => {
    const result = localMoran([4, 4, 4, 4], path);
    expect(result.cluster).toEqual(['not-significant', 'not-significant', 'not-significant', 'not-significant']);
  });

  it('refuses inputs it cannot answer', () => {
    expect(() => localMoran([1, 2], [[1], [0]])).toThrow(/at least 3/);
    expect(() => localMoran([1, 2, 3], [[1], [0]])).toThrow(/neighbour lists/);
  });
});
