import { describe, expect, it } from 'vitest';
import { sparklineGeometry } from '../../web/ui/sparkline.tsx';

const trend = (...values: (number | null)[]) => values.map((value, i) => ({ period: String(2021 + i), value, demo: false }));

describe('sparklineGeometry', () => {
  it('puts the highest value at the top and the lowest at the bottom', () => {
    const { points } = sparklineGeometry(trend(26.6, 32.7, 33.3, 37), null);
    expect(points.map((p) => p.period)).toEqual(['2021', '2022', '2023', '2024']);
    const ys = points.map((p) => p.y);
    expect(Math.max(...ys)).toBe(ys[0]); // 26,6 lowest value, lowest on screen (largest y)
    expect(Math.min(...ys)).toBe(ys[3]);
    expect(points[0]!.x).toBeLessThan(points[3]!.x);
  });

  it('breaks the line where a period has no value', () => {
    const { segments, points } = sparklineGeometry(trend(10, 12, null, 14, 15), null);
    expect(points).toHaveLength(4);
    expect(segments).toHaveLength(2);
  });

  it('draws the target only when it lies among the values', () => {
    expect(sparklineGeometry(trend(70, 80, 90), 85).targetY).not.toBeNull();
    expect(sparklineGeometry(trend(26, 33, 37), 14).targetY).toBeNull();
  });

  it('draws nothing without values, and a flat line for equal values', () => {
    expect(sparklineGeometry(trend(null, null), 14)).toEqual({ points: [], segments: [], targetY: null });
    const flat = sparklineGeometry(trend(5, 5, 5), null);
    expect(new Set(flat.points.map((p) => p.y)).size).toBe(1);
  });
});
