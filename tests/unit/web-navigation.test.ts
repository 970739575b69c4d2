import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { STUNTING_PREVALENCE } from '../../web/map/classes.ts';
import { buildStyle, LAYER, TILE_ZOOMS } from '../../web/map/style.ts';
import { budgetCircles, circleRadius, MAX_RADIUS, niceFloor, referenceValues } from '../../web/map/budget-circles.ts';
import { LEVEL_ZOOMS, levelStep, viewAfterZoom, zoomDirection } from '../../web/map/level-zoom.ts';
import { containsPoint } from '../../web/map/point-in-region.ts';
import { labelText, placeLabels, type LabelCandidate } from '../../web/map/region-labels.ts';
import { sameCamera } from '../../web/map/camera.ts';
import { ancestorLine, viewForFound } from '../../web/state/region-search.ts';
import { budgetPeriod, labelsShown } from '../../web/state/use-overlay.ts';
import { parseView, VIEW_DEFAULTS, viewToSearch, type Level, type View } from '../../web/state/view.ts';

const NATIONAL: View = { ...VIEW_DEFAULTS, level: 'provinsi', region: 'ID', indicator: 'prevalensi_stunting', period: '2022' };
const NTT: View = { ...NATIONAL, level: 'kabkota', region: '53' };

describe('levelStep: the level follows the zoom, with hysteresis', () => {
  it.each<[Level, number, 'in' | 'out', 'down' | 'up' | null]>([
    // Zooming in: a level is entered at its `enter` zoom, not before.
    ['provinsi', 6.99, 'in', null],
    ['provinsi', 7, 'in', 'down'],
    ['kabkota', 8.9, 'in', null],
    ['kabkota', 9, 'in', 'down'],
    ['kecamatan', 11, 'in', 'down'],
    ['desa', 14, 'in', null],
    // Zooming out: a level is left below its `leave` zoom, 1.5 under where it was entered.
    ['kabkota', 5.5, 'out', null],
    ['kabkota', 5.49, 'out', 'up'],
    ['kecamatan', 7.49, 'out', 'up'],
    ['desa', 9.49, 'out', 'up'],
    ['provinsi', 2, 'out', null],
    // Between the two thresholds nothing moves in either direction: no jitter.
    ['kabkota', 6, 'in', null],
    ['kabkota', 6, 'out', null],
    ['kecamatan', 8, 'in', null],
    ['kecamatan', 8, 'out', null],
    // A region fitted far out (a large province on a phone) does not go down by zooming out, nor up by zooming in.
    ['kabkota', 4, 'in', null],
    ['desa', 15, 'out', null],
  ])('%s at zoom %s zooming %s moves %s', (level, zoom, direction, expected) => {
    expect(levelStep(level, zoom, direction)).toBe(expected);
  });

  it('never goes straight back: entering a level leaves room before leaving it', () => {
    for (const [level, zooms] of Object.entries(LEVEL_ZOOMS)) {
      if (zooms === null) continue;
      expect(zooms.enter - zooms.leave, level).toBeGreaterThanOrEqual(1);
      expect(levelStep(level as Level, zooms.enter, 'out'), level).toBeNull();
    }
  });

  it('enters each level where the tiles of the level above are about to run out', () => {
    // Tile zooms (style.ts TILE_ZOOMS): provinsi to 7, kabkota to 10, kecamatan to 11; desa from 8.
    expect(LEVEL_ZOOMS.kabkota?.enter).toBeLessThanOrEqual(7);
    expect(LEVEL_ZOOMS.kecamatan?.enter).toBeLessThanOrEqual(10);
    expect(LEVEL_ZOOMS.desa?.enter).toBeLessThanOrEqual(11);
    // The desa map cannot zoom out below the desa tiles' min zoom: leaving must be reachable above it.
    expect(LEVEL_ZOOMS.desa?.leave).toBeGreaterThan(TILE_ZOOMS.desa.minzoom);
  });
});

describe('zoomDirection', () => {
  it.each([
    [4, 5, 'in'],
    [5, 4.2, 'out'],
    [6, 6, null],
    [6, 6.0000001, null],
  ])('%s to %s is %s', (from, to, expected) => {
    expect(zoomDirection(from, to)).toBe(expected);
  });
});

describe('viewAfterZoom', () => {
  const camera = { zoom: 7.2, lat: -8.6, lng: 121.1 };
  it('shows the children of the region under the centre, keeping the camera and dropping the selection', () => {
    expect(viewAfterZoom({ ...NATIONAL, selected: '51' }, '53', camera)).toEqual({ ...NTT, camera, selected: null });
    expect(viewAfterZoom(NTT, 'ID', camera)).toEqual({ ...NATIONAL, camera });
  });
  it('has nothing to show below a desa', () => {
    expect(viewAfterZoom(NTT, '53.01.01.2001', camera)).toBeNull();
  });
});

describe('sameCamera', () => {
  it('compares cameras as the URL writes them', () => {
    const a = { zoom: 7.123, lat: -8.600001, lng: 121.100001 };
    expect(sameCamera(a, { zoom: 7.12, lat: -8.6, lng: 121.1 })).toBe(true);
    expect(sameCamera(a, { ...a, zoom: 7.2 })).toBe(false);
    expect(sameCamera(null, null)).toBe(true);
    expect(sameCamera(a, null)).toBe(false);
  });
});

describe('containsPoint', () => {
  const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]] };
  it.each([
    [[1, 1], true],
    [[5, 5], false], // in the hole
    [[11, 5], false],
    [[-1, -1], false],
  ] as const)('%o in a square with a hole: %s', (point, expected) => {
    expect(containsPoint(square, point)).toBe(expected);
  });
  it('reads multipolygons and ignores other geometries', () => {
    const two = { type: 'MultiPolygon' as const, coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[20, 20], [30, 20], [30, 30], [20, 30], [20, 20]]]] };
    expect(containsPoint(two, [25, 25])).toBe(true);
    expect(containsPoint(two, [15, 15])).toBe(false);
    expect(containsPoint({ type: 'Point', coordinates: [1, 1] }, [1, 1])).toBe(false);
  });
});

describe('budget circles', () => {
  it('scales area, not radius, with the amount', () => {
    expect(circleRadius(100, 100)).toBe(MAX_RADIUS);
    expect(circleRadius(25, 100)).toBeCloseTo(MAX_RADIUS / 2);
    // Four times the money, twice the radius, four times the area.
    expect(circleRadius(4, 100) * 2).toBeCloseTo(circleRadius(16, 100));
  });

  it.each([
    [0, 100],
    [-5, 100],
    [Number.NaN, 100],
    [10, 0],
    [10, Number.POSITIVE_INFINITY],
  ])('draws nothing for %s of %s', (value, max) => {
    expect(circleRadius(value, max)).toBe(0);
  });

  it.each([
    [95_000_000_000, 50_000_000_000],
    [100, 100],
    [199, 100],
    [2.5, 2],
    [0.37, 0.2],
    [0, 0],
    [-3, 0],
  ])('rounds %s down to %s', (x, expected) => {
    expect(niceFloor(x)).toBeCloseTo(expected);
  });

  it('gives three round reference amounts of clearly different sizes', () => {
    expect(referenceValues(127_148_246_095)).toEqual([100_000_000_000, 20_000_000_000, 5_000_000_000]);
    expect(referenceValues(0)).toEqual([]);
    for (const max of [1, 7, 33, 4_200, 95e9]) {
      const refs = referenceValues(max);
      expect(refs).toHaveLength(3);
      expect(refs[0]).toBeLessThanOrEqual(max);
      expect(new Set(refs).size).toBe(3);
    }
  });

  it('places circles at label points, largest first, and skips regions without a point or amount', () => {
    const points = [
      { kode: '53.01', label: [119.4, -9.6] as const },
      { kode: '53.02', label: [120.2, -9.9] as const },
      { kode: '53.03', label: null },
      { kode: '53.04', label: [121, -9] as const },
      { kode: '53.05', label: [122, -9] as const },
    ];
    const values = new Map([['53.01', 25], ['53.02', 100], ['53.03', 400], ['53.05', 0]]);
    const { circles, max } = budgetCircles(points, values);
    // The largest amount sets the scale even when its region cannot be drawn.
    expect(max).toBe(400);
    expect(circles.map((c) => c.kode)).toEqual(['53.02', '53.01']);
    expect(circles[0]?.radius).toBeCloseTo(MAX_RADIUS / 2);
    expect(circles[0]?.position).toEqual([120.2, -9.9]);
  });
});

describe('placeLabels', () => {
  const label = (kode: string, x: number, y: number, priority: number, width = 60): LabelCandidate => ({ kode, x, y, width, height: 14, priority });

  it('keeps the larger region when two names overlap', () => {
    expect(placeLabels([label('small', 100, 100, 1), label('large', 120, 105, 9)], 500, 500)).toEqual(new Set(['large']));
  });
  it('keeps names that do not touch, and drops names cut by the edge of the map', () => {
    const shown = placeLabels([label('a', 100, 100, 1), label('b', 100, 130, 1), label('edge', 10, 100, 5)], 500, 500);
    expect(shown).toEqual(new Set(['a', 'b']));
  });
  it('handles nothing and ties', () => {
    expect(placeLabels([], 100, 100).size).toBe(0);
    expect(placeLabels([label('b', 50, 50, 1), label('a', 50, 50, 1)], 100, 100)).toEqual(new Set(['a']));
  });
});

describe('labelText', () => {
  it.each([
    ['Kabupaten Timor Tengah Selatan', 'Timor Tengah Selatan'],
    ['Kota Kupang', 'Kota Kupang'],
    ['Nusa Tenggara Timur', 'Nusa Tenggara Timur'],
    ['Sukamaju', 'Sukamaju'],
  ])('%s is written %s', (nama, expected) => {
    expect(labelText(nama)).toBe(expected);
  });
});

describe('choosing a region in the search box', () => {
  const desa = {
    kode: '12.06.04.2023',
    level: 'desa' as const,
    nama: 'Sukamaju',
    ancestors: [
      { kode: '12', level: 'provinsi', nama: 'Sumatera Utara' },
      { kode: '12.06', level: 'kabkota', nama: 'Kabupaten Karo' },
      { kode: '12.06.04', level: 'kecamatan', nama: 'Tigapanah' },
    ],
  };

  it('shows a desa among the desa of its kecamatan, selected', () => {
    expect(viewForFound({ ...NATIONAL, camera: { zoom: 5, lat: 0, lng: 110 } }, desa)).toEqual({
      ...NATIONAL,
      level: 'desa',
      region: '12.06.04',
      selected: '12.06.04.2023',
      camera: null,
    });
  });

  it('shows the children of any other region, fitted', () => {
    expect(viewForFound(NATIONAL, { kode: '73.22.06', level: 'kecamatan', nama: 'Sukamaju', ancestors: [] })).toEqual({
      ...NATIONAL,
      level: 'desa',
      region: '73.22.06',
    });
    expect(viewForFound(NTT, { kode: '11', level: 'provinsi', nama: 'Aceh', ancestors: [] })).toMatchObject({ level: 'kabkota', region: '11' });
  });

  it('tells one Sukamaju from another by its ancestors, nearest first', () => {
    expect(ancestorLine(desa)).toBe('Kec. Tigapanah, Kab. Karo, Sumatera Utara');
    expect(ancestorLine({ ancestors: [{ kode: '32', level: 'provinsi', nama: 'Jawa Barat' }, { kode: '32.71', level: 'kabkota', nama: 'Kota Bogor' }] })).toBe(
      'Kota Bogor, Jawa Barat',
    );
    expect(ancestorLine({ ancestors: [] })).toBe('');
  });
});

describe('layers in the view', () => {
  it('shows names by default below the provinces only, unless chosen', () => {
    expect(labelsShown(NATIONAL)).toBe(false);
    expect(labelsShown(NTT)).toBe(true);
    expect(labelsShown({ ...NATIONAL, labels: true })).toBe(true);
    expect(labelsShown({ ...NTT, labels: false })).toBe(false);
  });

  it.each<View>([
    { ...NTT, budgetCircles: true },
    { ...NTT, labels: false },
    { ...NATIONAL, labels: true, budgetCircles: true, lockLevel: true },
  ])('round-trips the layer switches through the URL: %o', (view) => {
    expect(parseView(viewToSearch(view))).toEqual(view);
  });

  it('writes them only when they differ from the default', () => {
    expect(viewToSearch(NTT)).toBe('?level=kabkota&region=53&indicator=prevalensi_stunting&period=2022');
    expect(viewToSearch({ ...NTT, budgetCircles: true, labels: false })).toBe(
      '?level=kabkota&region=53&indicator=prevalensi_stunting&period=2022&budget=1&labels=0',
    );
    expect(parseView('?region=53&budget=yes&labels=2')).toMatchObject({ budgetCircles: false, labels: null });
  });

  it('draws the budget of the year shown, else the budget default', () => {
    const budget = { periods: ['2021', '2022', '2023', '2024', '2025'], default_period: '2025' };
    expect(budgetPeriod(budget, '2022')).toBe('2022');
    expect(budgetPeriod(budget, '2019')).toBe('2025');
    expect(budgetPeriod(budget, null)).toBe('2025');
    expect(budgetPeriod({ periods: ['2023', '2024'] }, '2019')).toBe('2024');
    expect(budgetPeriod({ periods: [] }, null)).toBeNull();
  });
});

describe('the outline of the selected region', () => {
  const input = { origin: 'http://127.0.0.1:8080', level: 'desa', parent: '12.06.04', classification: STUNTING_PREVALENCE } as const;

  it("is drawn last, from the selected region's own level, and passes the style validator", () => {
    const style = buildStyle({ ...input, selected: '12.06.04.2023' });
    expect(validateStyleMin(style)).toEqual([]);
    const [casing, line] = style.layers.slice(-2);
    expect([casing?.id, line?.id]).toEqual([LAYER.pickedCasing, LAYER.pickedLine]);
    expect(line).toMatchObject({ source: 'desa', 'source-layer': 'desa', filter: ['==', ['get', 'kode'], '12.06.04.2023'] });
  });

  it('is absent without a selection', () => {
    const ids = buildStyle(input).layers.map((l) => l.id);
    expect(ids).not.toContain(LAYER.pickedLine);
    expect(buildStyle({ ...input, selected: null }).layers.map((l) => l.id)).toEqual(ids);
  });
});
