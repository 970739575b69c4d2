import { levelOfCode, TREE_LEVELS, type LevelNodes, type RegionTree, type TreeLevel } from '../../server/values/region-tree.ts';

/** A tree as loadRegionTree builds it, from codes alone (each level in code order). */
export function treeOf(codes: string[]): RegionTree {
  const tree = {} as Record<TreeLevel, LevelNodes>;
  for (const level of TREE_LEVELS) {
    const kodes = (level === 'nasional' ? ['ID'] : codes.filter((kode) => levelOfCode(kode) === level)).sort();
    const above = TREE_LEVELS[TREE_LEVELS.indexOf(level) - 1];
    const parentOf = Int32Array.from(kodes, (kode) => {
      if (!above) return -1;
      const parent = above === 'nasional' ? 'ID' : kode.slice(0, kode.lastIndexOf('.'));
      return tree[above].ordinalOf.get(parent) ?? -1;
    });
    tree[level] = { kodes, parentOf, labels: new Float64Array(kodes.length * 2), ordinalOf: new Map(kodes.map((kode, i) => [kode, i])) };
  }
  return tree;
}

