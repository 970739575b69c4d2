import { describe, expect, it } from 'vitest';
import { childRange, descendantRange, levelOfCode, regionExists, TREE_LEVELS, type RegionTree, type TreeLevel } from '../../server/values/region-tree.ts';
import { treeOf } from './tree-fixture.ts';

// Two provinces; 11.01 has two kecamatan, one without desa; 11.02 has none; 12.01 has one.
const TREE = treeOf([
  '11', '12',
  '11.01', '11.02', '12.01',
  '11.01.01', '11.01.02', '12.01.01',
  '11.01.01.2001', '11.01.01.2002', '12.01.01.2001', '12.01.01.2002', '12.01.01.2003',
]);

/** The reference: every region of `level` whose chain of parents reaches `ancestor`. */
function bruteForce(tree: RegionTree, level: TreeLevel, ancestor: string): string[] {
  return tree[level].kodes.filter((kode) => {
    let current = kode;
    let depth = TREE_LEVELS.indexOf(level);
    while (depth > 0) {
      current = depth === 1 ? 'ID' : current.slice(0, current.lastIndexOf('.'));
      depth -= 1;
      if (current === ancestor) return true;
    }
    return false;
  });
}

const slice = (tree: RegionTree, level: TreeLevel, range: { start: number; end: number }) => tree[level].kodes.slice(range.start, range.end);

describe('descendantRange', () => {
  it('selects exactly the regions below any ancestor, for every level and every region above it', () => {
    for (const level of TREE_LEVELS) {
      for (const ancestorLevel of TREE_LEVELS.slice(0, TREE_LEVELS.indexOf(level))) {
        for (const ancestor of TREE[ancestorLevel].kodes) {
          expect(slice(TREE, level, descendantRange(TREE, level, ancestor)), `${level} below ${ancestor}`).toEqual(bruteForce(TREE, level, ancestor));
        }
      }
    }
  });

  it('finds the desa of a kab/kota and of a province, and nothing under a region without any', () => {
    expect(slice(TREE, 'desa', descendantRange(TREE, 'desa', '11.01'))).toEqual(['11.01.01.2001', '11.01.01.2002']);
    expect(slice(TREE, 'desa', descendantRange(TREE, 'desa', '12'))).toEqual(['12.01.01.2001', '12.01.01.2002', '12.01.01.2003']);
    expect(slice(TREE, 'desa', descendantRange(TREE, 'desa', 'ID'))).toHaveLength(5);
    expect(slice(TREE, 'desa', descendantRange(TREE, 'desa', '11.02'))).toEqual([]);
    expect(slice(TREE, 'desa', descendantRange(TREE, 'desa', '11.01.02'))).toEqual([]);
  });

  it('is empty for an unknown region and for one at or below the level', () => {
    expect(descendantRange(TREE, 'desa', '13')).toEqual({ start: 0, end: 0 });
    expect(descendantRange(TREE, 'kecamatan', '11.01.01')).toEqual({ start: 0, end: 0 });
    expect(descendantRange(TREE, 'kabkota', '11.01.01.2001')).toEqual({ start: 0, end: 0 });
  });

  it('gives for a direct parent what childRange gives', () => {
    for (const level of TREE_LEVELS.slice(1)) {
      const above = TREE_LEVELS[TREE_LEVELS.indexOf(level) - 1] ?? 'nasional';
      for (const parent of TREE[above].kodes) expect(childRange(TREE, level, parent)).toEqual(descendantRange(TREE, level, parent));
    }
    // childRange stays children only
    expect(childRange(TREE, 'desa', '11.01')).toEqual({ start: 0, end: 0 });
  });
});

describe('levelOfCode and regionExists', () => {
  it.each([
    ['ID', 'nasional'],
    ['53', 'provinsi'],
    ['53.01', 'kabkota'],
    ['53.01.01', 'kecamatan'],
    ['53.01.01.2001', 'desa'],
  ])('%s is a %s', (kode, level) => expect(levelOfCode(kode)).toBe(level));

  it('knows the regions of the tree only', () => {
    expect(regionExists(TREE, '11.01.01')).toBe(true);
    expect(regionExists(TREE, 'ID')).toBe(true);
    expect(regionExists(TREE, '11.01.03')).toBe(false);
  });
});
