/**
 * Region and header names folded so that spelling habits do not matter: case, accents, punctuation,
 * repeated spaces, and the administrative prefixes people add or drop ("Kab. Bogor", "Kabupaten
 * Bogor", "Bogor"). Also the edit distance used to suggest what an unknown name or id probably meant.
 */
import type { Level } from './types.ts';

const COMBINING_MARKS = /\p{M}+/gu;
const ASCII = /^[\x20-\x7e]*$/;
const APOSTROPHES = /['’‘`ʼ]/g;
const NOT_ALPHANUMERIC = /[^a-z0-9]+/g;

/** Lower case, no accents, apostrophes dropped ("Regapu’u" = "regapuu"), other punctuation as one space. */
export function foldText(text: string): string {
  // Nearly every Kemendagri name is plain ASCII; Unicode normalisation is the slow part, so skip it for those.
  const decomposed = ASCII.test(text) ? text : text.normalize('NFKD').replace(COMBINING_MARKS, '');
  return decomposed.toLowerCase().replace(APOSTROPHES, '').replace(NOT_ALPHANUMERIC, ' ').trim();
}

/** Abbreviations in provinsi and kabupaten/kota names, written out as in Kepmendagri. */
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['kab', 'kabupaten'],
  ['kep', 'kepulauan'],
  ['kodya', 'kota'],
  ['kotamadya', 'kota'],
  ['prov', 'provinsi'],
  ['propinsi', 'provinsi'],
  ['dki', 'daerah khusus ibukota'],
  ['di', 'daerah istimewa'],
  ['diy', 'daerah istimewa yogyakarta'],
  ['ntb', 'nusa tenggara barat'],
  ['ntt', 'nusa tenggara timur'],
]);

/** Words that only say which level a name is at. */
const LEVEL_PREFIXES: Readonly<Record<Level, ReadonlySet<string>>> = {
  provinsi: new Set(['provinsi']),
  kabkota: new Set(['kabupaten', 'kota']),
  kecamatan: new Set(['kecamatan', 'kec']),
  desa: new Set(['desa', 'kelurahan', 'kel', 'ds']),
};

export interface FoldedName {
  /** The whole name folded, abbreviations written out: "kabupaten bogor". */
  full: string;
  /** Without the level word: "bogor". */
  bare: string;
  /** Kabupaten Bandung and Kota Bandung share a bare name; the prefix tells them apart. */
  kind: 'kabupaten' | 'kota' | null;
}

export function foldRegionName(name: string, level: Level): FoldedName {
  let words = foldText(name).split(' ');
  if (level === 'provinsi' || level === 'kabkota') words = words.flatMap((word) => (ABBREVIATIONS.get(word) ?? word).split(' '));
  const full = words.join(' ');
  const first = words[0] ?? '';
  if (words.length < 2 || !LEVEL_PREFIXES[level].has(first)) return { full, bare: full, kind: null };
  let rest = words.slice(1);
  // DKI Jakarta's units are "Kota Administrasi Jakarta Pusat", "Kabupaten Administrasi Kepulauan Seribu".
  if (level === 'kabkota' && rest[0] === 'administrasi' && rest.length > 1) rest = rest.slice(1);
  const kind = first === 'kabupaten' || first === 'kota' ? first : null;
  return { full, bare: rest.join(' '), kind };
}

/**
 * Levenshtein distance, giving up (returning `limit + 1`) as soon as it must exceed `limit`, so
 * comparing one name against thousands stays cheap.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** The items whose key is within `limit` edits of `query`, closest first (ties keep input order). */
export function closest<T>(query: string, items: Iterable<T>, key: (item: T) => string, limit: number, count: number): T[] {
  const scored: { item: T; distance: number; order: number }[] = [];
  let order = 0;
  for (const item of items) {
    const distance = editDistance(query, key(item), limit);
    if (distance <= limit) scored.push({ item, distance, order });
    order++;
  }
  scored.sort((x, y) => x.distance - y.distance || x.order - y.order);
  return scored.slice(0, count).map((entry) => entry.item);
}

/** How many edits still count as "probably meant": one per four letters, at least two. */
export function typoAllowance(text: string): number {
  return Math.max(2, Math.floor(text.length / 4));
}
