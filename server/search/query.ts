/**
 * What a search box query means: a Kemendagri code (with or without dots) or words of a name.
 * Names are folded as the importer folds them (case, accents, apostrophes, punctuation), and the
 * words that only say a level ("kab", "kota", "kec", "desa", ...) are set aside as a hint, so "kab
 * bandung" and "bandung" both find Kabupaten Bandung, the first ranking it above Kota Bandung.
 */
import type { Level } from '../catalogue.ts';
import { foldText } from '../import/names.ts';

/** What a leading level word asks for; kabupaten and kota are both level kabkota. */
export interface LevelHint {
  level: Level;
  kind?: 'kabupaten' | 'kota';
}

export interface NameQuery {
  /** The words as typed, folded, level words written out: "kabupaten bandung". */
  full: string;
  /** Without level words: "bandung". */
  bare: string;
  /** The words every hit must match (by prefix, or with a typo). */
  tokens: string[];
  hint: LevelHint | null;
}

export type ParsedQuery =
  | { kind: 'code'; digits: string }
  | { kind: 'name'; variants: NameQuery[] }
  | { kind: 'empty' };

const LEVEL_WORDS: ReadonlyMap<string, { written: string; hint: LevelHint }> = new Map([
  ['provinsi', { written: 'provinsi', hint: { level: 'provinsi' } }],
  ['propinsi', { written: 'provinsi', hint: { level: 'provinsi' } }],
  ['prov', { written: 'provinsi', hint: { level: 'provinsi' } }],
  ['kabupaten', { written: 'kabupaten', hint: { level: 'kabkota', kind: 'kabupaten' } }],
  ['kab', { written: 'kabupaten', hint: { level: 'kabkota', kind: 'kabupaten' } }],
  ['kota', { written: 'kota', hint: { level: 'kabkota', kind: 'kota' } }],
  ['kodya', { written: 'kota', hint: { level: 'kabkota', kind: 'kota' } }],
  ['kotamadya', { written: 'kota', hint: { level: 'kabkota', kind: 'kota' } }],
  ['kecamatan', { written: 'kecamatan', hint: { level: 'kecamatan' } }],
  ['kec', { written: 'kecamatan', hint: { level: 'kecamatan' } }],
  ['desa', { written: 'desa', hint: { level: 'desa' } }],
  ['ds', { written: 'desa', hint: { level: 'desa' } }],
  ['kelurahan', { written: 'kelurahan', hint: { level: 'desa' } }],
  ['kel', { written: 'kelurahan', hint: { level: 'desa' } }],
]);

/**
 * Province nicknames everyone uses. They are tried as an alternative reading, not a replacement:
 * "jabar" is also the start of desa names such as Jabaranya.
 */
const NICKNAMES: ReadonlyMap<string, string> = new Map([
  ['ntt', 'nusa tenggara timur'],
  ['ntb', 'nusa tenggara barat'],
  ['dki', 'daerah khusus ibukota'],
  ['diy', 'daerah istimewa yogyakarta'],
  ['jabar', 'jawa barat'],
  ['jateng', 'jawa tengah'],
  ['jatim', 'jawa timur'],
  ['sumut', 'sumatera utara'],
  ['sumbar', 'sumatera barat'],
  ['sumsel', 'sumatera selatan'],
  ['kalbar', 'kalimantan barat'],
  ['kalteng', 'kalimantan tengah'],
  ['kalsel', 'kalimantan selatan'],
  ['kaltim', 'kalimantan timur'],
  ['kaltara', 'kalimantan utara'],
  ['sulut', 'sulawesi utara'],
  ['sulteng', 'sulawesi tengah'],
  ['sulsel', 'sulawesi selatan'],
  ['sultra', 'sulawesi tenggara'],
  ['sulbar', 'sulawesi barat'],
  ['babel', 'kepulauan bangka belitung'],
  ['kepri', 'kepulauan riau'],
]);

const CODE = /^[\d.\s]*\d[\d.\s]*$/;

export function parseQuery(text: string): ParsedQuery {
  if (CODE.test(text)) return { kind: 'code', digits: text.replace(/\D/g, '') };
  const words = foldText(text).split(' ').filter((word) => word !== '');
  if (words.length === 0) return { kind: 'empty' };
  const variants = [readWords(words)];
  if (words.some((word) => NICKNAMES.has(word))) {
    variants.push(readWords(words.flatMap((word) => (NICKNAMES.get(word) ?? word).split(' '))));
  }
  return { kind: 'name', variants };
}

function readWords(words: string[]): NameQuery {
  const full = words.map((word) => LEVEL_WORDS.get(word)?.written ?? word).join(' ');
  const rest = words.filter((word) => !LEVEL_WORDS.has(word));
  // A query of nothing but level words ("kota") is searched as the name it spells.
  if (rest.length === 0) return { full, bare: full, tokens: full.split(' '), hint: null };
  // Only a leading level word describes the hit itself; later ones ("sukamaju kec cibadak") describe an ancestor.
  const first = words[0] ?? '';
  const leading = LEVEL_WORDS.get(first);
  return { full, bare: dropLeadingLevelWords(words).join(' '), tokens: rest, hint: leading?.hint ?? null };
}

/** "kota administrasi jakarta pusat" -> "jakarta pusat", as region names are stripped when indexed. */
function dropLeadingLevelWords(words: string[]): string[] {
  let start = 0;
  while (start < words.length - 1 && LEVEL_WORDS.has(words[start] ?? '')) start++;
  if (start > 0 && words[start] === 'administrasi' && start < words.length - 1) start++;
  return words.slice(start);
}
