/**
 * The in-memory index behind GET /api/search: every region name (91,599 of them) folded and split
 * into words, a sorted vocabulary of those words with the regions each appears in, and the codes
 * without dots. Built once from the region table (the table only changes when the shipped data
 * does, which means a restart); a query then touches only the regions whose own name has a word
 * the query matches, which keeps the slowest searches in the tens of milliseconds.
 */
import type { Level } from '../catalogue.ts';
import { foldRegionName } from '../import/names.ts';
import { parseQuery, type NameQuery } from './query.ts';
import { LEVEL_ORDER, matchOf, positionOf, rankKey, tierOf, TopKeys, type Match, type Tier } from './ranking.ts';
import { editDistance, prefixEditDistance, typoAllowance } from './typos.ts';

export interface IndexedRegion {
  kode: string;
  level: Level;
  nama: string;
  parent: string | null;
}

export interface RegionRef {
  kode: string;
  level: Level;
  nama: string;
}

export interface SearchHit extends RegionRef {
  /** From the provinsi down to the parent. */
  ancestors: RegionRef[];
  match: Match;
  /** How a person tells hits apart: "Sukamaju — Kec. Cibadak, Kab. Sukabumi, Jawa Barat". */
  label: string;
}

export interface SearchOptions {
  limit: number;
  level?: Level;
  /** Only descendants of this region. */
  within?: string;
}

export interface RegionIndex {
  size: number;
  has(kode: string): boolean;
  search(text: string, options: SearchOptions): SearchHit[];
}

/** No match of a query word with a vocabulary word (see `matchWords` for the others). */
const NONE = 255;

export function buildRegionIndex(input: readonly IndexedRegion[]): RegionIndex {
  // Code order is the order of a walk down the tree: a region's descendants follow it contiguously.
  const regions = [...input].sort((a, b) => (a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0));
  const count = regions.length;
  const kodes = regions.map((region) => region.kode);
  const positionOfKode = new Map(kodes.map((kode, i) => [kode, i]));
  const parents = Int32Array.from(regions, (region) => (region.parent === null ? -1 : (positionOfKode.get(region.parent) ?? -1)));
  const levelRanks = Uint8Array.from(regions, (region) => LEVEL_ORDER.indexOf(region.level));
  // Dots sit at fixed places in Kemendagri codes, so the codes without dots are in the same order.
  const digits = kodes.map((kode) => kode.replaceAll('.', ''));
  const folded = regions.map((region) => foldRegionName(region.nama, region.level));

  const vocabulary = [...new Set(folded.flatMap((name) => name.full.split(' ')))].sort();
  const wordIdOf = new Map(vocabulary.map((word, i) => [word, i]));
  const wordStarts = new Int32Array(count + 1);
  const words: number[] = [];
  const postingLists: number[][] = vocabulary.map(() => []);
  folded.forEach((name, position) => {
    wordStarts[position] = words.length;
    for (const word of new Set(name.full.split(' '))) {
      const id = wordIdOf.get(word) ?? 0;
      words.push(id);
      postingLists[id]?.push(position);
    }
  });
  wordStarts[count] = words.length;
  const wordIds = Int32Array.from(words);
  const postings = postingLists.map((list) => Int32Array.from(list));

  /** The best distance of any word of the region at `position` in one query word's table. */
  function ownDistance(position: number, distances: Uint8Array): number {
    let best = NONE;
    for (let w = wordStarts[position] ?? 0; w < (wordStarts[position + 1] ?? 0); w++) {
      const d = distances[wordIds[w] ?? 0] ?? NONE;
      if (d < best) best = d;
    }
    return best;
  }

  /** Positions [from, to) a query may return: the descendants of `within`, or everything. */
  function scope(within: string | undefined): [number, number] {
    if (within === undefined || within === 'ID') return [0, count];
    const at = positionOfKode.get(within);
    if (at === undefined) return [0, 0];
    // Descendants' codes lie between "kode." and "kode/" ('/' follows '.').
    return [at + 1, lowerBound(kodes, `${within}/`)];
  }

  function searchCodes(code: string, options: SearchOptions, top: TopKeys, [from, to]: [number, number]) {
    const start = Math.max(from, lowerBound(digits, code));
    const end = Math.min(to, lowerBound(digits, `${code}:`)); // ':' follows '9'
    for (let position = start; position < end; position++) {
      const levelRank = levelRanks[position] ?? 0;
      if (options.level !== undefined && LEVEL_ORDER[levelRank] !== options.level) continue;
      const tier: Tier = digits[position] === code ? 'exact' : 'name-prefix';
      top.offer(rankKey({ hintMismatch: false, tier, edits: 0, levelRank, position }));
    }
  }

  /** Scores every region whose own name has a word matching a query word. */
  function searchNames(query: NameQuery, withTypos: boolean, options: SearchOptions, offer: (key: number) => void, [from, to]: [number, number]): void {
    const tables = query.tokens.map((token) => matchWords(token, withTypos));
    const seen = new Uint8Array(count);
    for (const { matched } of tables) {
      for (const wordId of matched) {
        for (const position of postings[wordId] ?? []) {
          if (position < from || position >= to || seen[position]) continue;
          seen[position] = 1;
          const levelRank = levelRanks[position] ?? 0;
          if (options.level !== undefined && LEVEL_ORDER[levelRank] !== options.level) continue;
          const key = scoreName(query, tables, position, levelRank);
          if (key !== null) offer(key);
        }
      }
    }
  }

  /**
   * For one query word: a cost for each vocabulary word and the words that match. 0 is a prefix;
   * a typo costs 2 per edit when the query word is the whole word misspelt ("sukamju": Sukamaju),
   * one more when it only resembles the start ("sukamju": Sukamulya, from "sukamu"), so whole-word
   * typos rank first. NONE: no match.
   */
  function matchWords(token: string, withTypos: boolean): { distances: Uint8Array; matched: number[] } {
    const distances = new Uint8Array(vocabulary.length).fill(NONE);
    const matched: number[] = [];
    const end = lowerBound(vocabulary, `${token}\uffff`);
    for (let id = lowerBound(vocabulary, token); id < end; id++) {
      distances[id] = 0;
      matched.push(id);
    }
    const limit = withTypos ? typoAllowance(token.length) : 0;
    if (limit > 0) {
      // Like most search engines, trust the first letter: scanning only the words that share it
      // keeps a typo search to a few milliseconds; a typo in the first letter is not found.
      const last = lowerBound(vocabulary, `${token[0]}\uffff`);
      for (let id = lowerBound(vocabulary, token[0] ?? ''); id < last; id++) {
        if (distances[id] === 0) continue;
        const word = vocabulary[id] ?? '';
        const prefix = prefixEditDistance(token, word, limit);
        if (prefix > limit) continue;
        const whole = editDistance(token, word, limit);
        distances[id] = whole <= limit ? 2 * whole : 2 * prefix + 1;
        matched.push(id);
      }
    }
    return { distances, matched };
  }

  function scoreName(query: NameQuery, tables: { distances: Uint8Array }[], position: number, levelRank: number): number | null {
    let edits = 0;
    let viaAncestor = false;
    for (const { distances } of tables) {
      let best = ownDistance(position, distances);
      if (best === NONE) {
        viaAncestor = true;
        for (let up = parents[position] ?? -1; up >= 0 && best === NONE; up = parents[up] ?? -1) best = Math.min(best, ownDistance(up, distances));
        if (best === NONE) return null;
      }
      edits += best;
    }
    const name = folded[position];
    if (!name) return null;
    let tier: Tier;
    if (edits > 0) tier = viaAncestor ? 'ancestor-typo' : 'typo';
    else if (viaAncestor) tier = 'ancestor-prefix';
    else if (name.bare === query.bare || name.full === query.full) tier = 'exact';
    else if (name.bare.startsWith(query.bare) || name.full.startsWith(query.full)) tier = 'name-prefix';
    else tier = 'word-prefix';
    const { hint } = query;
    const hintMismatch =
      hint !== null && !name.full.startsWith(query.full) && !(LEVEL_ORDER[levelRank] === hint.level && (hint.kind === undefined || hint.kind === name.kind));
    return rankKey({ hintMismatch, tier, edits, levelRank, position });
  }

  function toHit(key: number): SearchHit | null {
    const position = positionOf(key);
    const region = regions[position];
    if (!region) return null;
    const ancestors: RegionRef[] = [];
    for (let up = parents[position] ?? -1; up >= 0; up = parents[up] ?? -1) {
      const ancestor = regions[up];
      if (ancestor) ancestors.unshift({ kode: ancestor.kode, level: ancestor.level, nama: ancestor.nama });
    }
    return { kode: region.kode, level: region.level, nama: region.nama, ancestors, match: matchOf(tierOf(key)), label: describe(region, ancestors) };
  }

  return {
    size: count,
    has: (kode) => positionOfKode.has(kode),
    search(text, options) {
      const parsed = parseQuery(text);
      const range = scope(options.within);
      const top = new TopKeys(options.limit);
      if (parsed.kind === 'empty') return [];
      if (parsed.kind === 'code') {
        searchCodes(parsed.digits, options, top, range);
        return top.keys.flatMap((key) => toHit(key) ?? []).map((hit) => ({ ...hit, match: 'code' }));
      }
      // Typos are looked for only when exact prefixes give too few hits: they rank below all of those anyway.
      for (const withTypos of [false, true]) {
        if (withTypos && !parsed.variants.some((query) => query.tokens.some((token) => typoAllowance(token.length) > 0))) break;
        // A region found by two readings of the query ("ntt" as typed and written out) counts once, at its best.
        const best = new Map<number, number>();
        for (const query of parsed.variants) {
          searchNames(query, withTypos, options, (key) => {
            const position = positionOf(key);
            best.set(position, Math.min(key, best.get(position) ?? Infinity));
          }, range);
        }
        top.keys.length = 0;
        for (const key of best.values()) top.offer(key);
        if (best.size >= options.limit) break;
      }
      return top.keys.flatMap((key) => toHit(key) ?? []);
    },
  };
}

/** "Sukamaju — Kec. Cibadak, Kab. Sukabumi, Jawa Barat": nearest ancestor first, as on an envelope. */
export function describe(region: RegionRef, ancestors: readonly RegionRef[]): string {
  const parts = [...ancestors].reverse().map((ancestor) => {
    if (ancestor.level === 'kecamatan') return `Kec. ${ancestor.nama}`;
    if (ancestor.level === 'kabkota') return ancestor.nama.replace(/^Kabupaten /, 'Kab. ');
    return ancestor.nama;
  });
  return parts.length === 0 ? region.nama : `${region.nama} — ${parts.join(', ')}`;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? '') < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
