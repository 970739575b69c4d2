import { describe, expect, it } from 'vitest';
import { insideRings, segmentTouchesRect, type Bbox } from '../../server/ogc/geometry.ts';
import { levelOfCode } from '../../server/ogc/items.ts';
import { ITEMS_QUERY } from '../../server/ogc/query.ts';
import { withPaging } from '../../server/routes/ogc.ts';

describe('withPaging', () => {
  it.each([
    ['', 100, 10, 'offset=100&limit=10'],
    ['?limit=10', 10, 10, 'limit=10&offset=10'],
    ['?offset=0&limit=5&parent=51', 5, 5, 'offset=5&limit=5&parent=51'],
    // kept as sent: GDAL looks for its own query string in the link
    ['?indicator=IH-1&period=2024&bbox=115.2%2C-8.7%2C115.3%2C-8.6&limit=2', 2, 2, 'indicator=IH-1&period=2024&bbox=115.2%2C-8.7%2C115.3%2C-8.6&limit=2&offset=2'],
    ['?bbox=1,2,3,4&limit=2', 4, 2, 'bbox=1,2,3,4&limit=2&offset=4'],
    ['?%6Cimit=3', 3, 3, 'limit=3&offset=3'],
  ])('%s -> offset %i, limit %i', (search, offset, limit, expected) => {
    expect(withPaging(search, offset, limit)).toBe(expected);
  });
});

describe('segmentTouchesRect', () => {
  const rect: Bbox = [0, 0, 10, 10];
  it.each([
    ['inside', [1, 1, 2, 2], true],
    ['crossing the box without an end in it', [-5, 5, 15, 5], true],
    ['crossing a corner diagonally', [-1, 9, 2, 12], true],
    ['touching an edge', [10, 5, 12, 5], true],
    ['outside, parallel', [-5, 11, 15, 11], false],
    ['outside, passing a corner', [9, 12, 12, 9.5], false],
    ['a point inside', [5, 5, 5, 5], true],
    ['a point outside', [11, 5, 11, 5], false],
  ] as const)('%s', (_what, [x0, y0, x1, y1], expected) => {
    expect(segmentTouchesRect(x0, y0, x1, y1, rect)).toBe(expected);
  });
});

describe('insideRings', () => {
  const square = [0, 0, 10, 0, 10, 10, 0, 10, 0, 0];
  const hole = [4, 4, 4, 6, 6, 6, 6, 4, 4, 4];
  it.each([
    ['inside the square', [square], 5, 1, true],
    ['outside the square', [square], 11, 5, false],
    ['in the hole', [square, hole], 5, 5, false],
    ['around the hole', [square, hole], 2, 2, true],
  ] as const)('%s', (_what, rings, x, y, expected) => {
    expect(insideRings(rings.map((ring) => [...ring]), x, y)).toBe(expected);
  });
});

describe('ITEMS_QUERY', () => {
  it('reads a bbox, with or without heights, and splits one across the antimeridian', () => {
    expect(ITEMS_QUERY.parse({ bbox: '115.1,-8.8,115.3,-8.6' }).bbox).toEqual([[115.1, -8.8, 115.3, -8.6]]);
    expect(ITEMS_QUERY.parse({ bbox: '115.1,-8.8,0,115.3,-8.6,100' }).bbox).toEqual([[115.1, -8.8, 115.3, -8.6]]);
    expect(ITEMS_QUERY.parse({ bbox: '170,-10,-170,10' }).bbox).toEqual([[170, -10, 180, 10], [-180, -10, -170, 10]]);
  });

  it('defaults and caps limit, defaults offset', () => {
    expect(ITEMS_QUERY.parse({})).toMatchObject({ limit: 100, offset: 0 });
    expect(ITEMS_QUERY.parse({ limit: '20000', offset: '7' })).toMatchObject({ limit: 10_000, offset: 7 });
  });

  it.each([
    [{ bbox: '1,2,3' }, 'bbox'],
    [{ bbox: '1,2,,4' }, 'bbox'],
    [{ bbox: '1,2,3,4,5' }, 'bbox'],
    [{ bbox: 'Infinity,2,3,4' }, 'bbox'],
    [{ limit: '1e3' }, 'limit'],
    [{ limit: '0' }, 'limit'],
    [{ offset: '' }, 'offset'],
    [{ parent: '5' }, 'parent'],
    [{ indicator: 'IH-1' }, 'period'],
    [{ nama: 'Bali' }, '(request)'],
  ])('refuses %j, naming %s', (query, parameter) => {
    const result = ITEMS_QUERY.safeParse(query);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.') || '(request)')).toContain(parameter === '(request)' ? '(request)' : parameter);
  });
});

describe('levelOfCode', () => {
  it.each([
    ['53', 'provinsi'],
    ['53.01', 'kabkota'],
    ['53.01.01', 'kecamatan'],
    ['53.01.01.2001', 'desa'],
    ['53.01.01.2001.1', undefined],
  ])('%s is %s', (kode, level) => {
    expect(levelOfCode(kode)).toBe(level);
  });
});
