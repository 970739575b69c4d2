import { valueNumbers } from '../api/client.ts';

/**
 * Ranks among sibling regions and the rows of the ranking table. Pure: the values shown on the map
 * and the indicator's direction decide. The server ranks the same way in a region's profile
 * (server/values/region-profile.ts `rank`), so the tooltip, the table and the panel agree.
 */

export type Direction = 'higher' | 'lower' | 'none';

/** Whether an indicator's values can be ranked: it says which way is better and is not a category. */
export function rankable(indicator: { readonly direction: string; readonly kind: string }): boolean {
  return (indicator.direction === 'higher' || indicator.direction === 'lower') && indicator.kind !== 'category';
}

/**
 * Competition ranks ("1, 2, 2, 4"): rank 1 is the best value (the lowest where lower is better, the
 * highest where higher is better) and ties share the better rank. Regions without a value are left
 * out; a direction of "none" ranks nothing.
 */
export function rankValues(values: Iterable<readonly [string, number]>, direction: string): Map<string, number> {
  const ranks = new Map<string, number>();
  if (direction !== 'higher' && direction !== 'lower') return ranks;
  const sorted = [...values].filter(([, v]) => Number.isFinite(v)).sort(([, a], [, b]) => (direction === 'lower' ? a - b : b - a));
  let previous: number | undefined;
  let rank = 0;
  sorted.forEach(([kode, value], i) => {
    if (value !== previous) rank = i + 1;
    previous = value;
    ranks.set(kode, rank);
  });
  return ranks;
}

/** One region's rank and how many were ranked ("peringkat 3 dari 22"), or null when it has none. */
export function rankAmong(
  values: Iterable<readonly [string, number]>,
  kode: string,
  direction: string,
): { rank: number; of: number } | null {
  const ranks = rankValues(values, direction);
  const rank = ranks.get(kode);
  return rank === undefined ? null : { rank, of: ranks.size };
}

export interface RankingRow {
  readonly kode: string;
  readonly nama: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly demo: boolean;
  readonly rank: number | null;
}

export const SORT_KEYS = ['rank', 'name', 'value', 'fraction'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';
export interface Sort {
  readonly key: SortKey;
  readonly direction: SortDirection;
}

/** The table's first order: best first when the indicator can be ranked, else by name. */
export function defaultSort(canRank: boolean): Sort {
  return { key: canRank ? 'rank' : 'name', direction: 'ascending' };
}

/**
 * The order after a click on a column header: the same column turns around; another column starts
 * the way people expect it (names A-Z, ranks best first, values and counts largest first).
 */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'name' || key === 'rank' ? 'ascending' : 'descending' };
}

const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });

/** What a column sorts on; the numerator/denominator column sorts on the size of the group (the denominator). */
function sortValue(row: RankingRow, key: Exclude<SortKey, 'name'>): number | null {
  if (key === 'rank') return row.rank;
  if (key === 'value') return row.value;
  return row.denominator ?? row.numerator;
}

/**
 * The rows in the order asked for. Regions without a figure always come last, whichever way the
 * column is sorted; equal figures keep the order of their names, so the order never jumps.
 */
export function sortRows(rows: readonly RankingRow[], sort: Sort): RankingRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const byName = (a: RankingRow, b: RankingRow) => collator.compare(a.nama, b.nama) || a.kode.localeCompare(b.kode);
  if (sort.key === 'name') return [...rows].sort((a, b) => sign * byName(a, b));
  const key = sort.key;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

/** The table's rows: every child region, with its value and rank where it has them. */
export function rankingRows(
  children: readonly { readonly kode: string; readonly nama: string }[],
  values: Readonly<Record<string, { value: number; numerator?: number; denominator?: number; demo: boolean }>>,
  direction: string | null,
): RankingRow[] {
  const ranks = direction === null ? new Map<string, number>() : rankValues(valueNumbers(values), direction);
  return children.map((child) => {
    const v = values[child.kode];
    return {
      kode: child.kode,
      nama: child.nama,
      value: v?.value ?? null,
      numerator: v?.numerator ?? null,
      denominator: v?.denominator ?? null,
      demo: v?.demo ?? false,
      rank: ranks.get(child.kode) ?? null,
    };
  });
}
