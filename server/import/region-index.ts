/**
 * The Kemendagri region list (91,599 regions) arranged for the lookups an import needs: by code, by
 * name within any ancestor, and "what did the user probably mean" for codes and names that do not exist.
 */
import { z } from 'zod';
import { codeLineage, levelOfCode } from './codes.ts';
import { closest, editDistance, foldRegionName, typoAllowance, type FoldedName } from './names.ts';
import { REGION_INFO, type Level, type RegionInfo } from './types.ts';

export type NameLookup =
  | { kind: 'found'; region: RegionInfo }
  /** Several regions under the same ancestor fold to this name: the file must say which (by code). */
  | { kind: 'ambiguous'; regions: RegionInfo[] }
  /** Nothing by this name; `candidates` are the nearest spellings under the same ancestor. */
  | { kind: 'unknown'; candidates: RegionInfo[] };

export interface MissingCode {
  /** The outermost code in the lineage that does not exist: `32.99` for `32.99.01`. */
  missing: string;
  /** Existing codes next to `missing` that differ from it by one digit, most plausible first. */
  candidates: RegionInfo[];
}

export interface RegionIndex {
  readonly size: number;
  get(kode: string): RegionInfo | undefined;
  /** The regions of `level` named `name` inside `within` (any ancestor's code; null for all of Indonesia). */
  findByName(level: Level, name: string, within: string | null): NameLookup;
  /** Why `kode` is not in the list, and which codes the user probably meant. */
  explainMissing(kode: string): MissingCode;
}

interface Entry {
  region: RegionInfo;
  name: FoldedName;
}

const REGION_LIST = z.array(REGION_INFO).superRefine((regions, ctx) => {
  regions.forEach((region, index) => {
    const cut = region.kode.lastIndexOf('.');
    const expected = cut < 0 ? null : region.kode.slice(0, cut);
    if (levelOfCode(region.kode) !== region.level || region.parent !== expected) {
      ctx.addIssue({ code: 'custom', path: [index], message: `${region.kode} ${region.nama}: level atau induk tidak cocok dengan bentuk kodenya` });
    }
  });
});

/** Build once per region list (a few hundred milliseconds for the full list) and share between imports. */
export function createRegionIndex(regions: readonly RegionInfo[]): RegionIndex {
  const checked = REGION_LIST.parse(regions);
  const byCode = new Map<string, Entry>();
  const children = new Map<string | null, Entry[]>();
  const byFullName = new Map<string, Entry[]>();
  const byBareName = new Map<string, Entry[]>();
  for (const region of checked) {
    const entry = { region, name: foldRegionName(region.nama, region.level) };
    byCode.set(region.kode, entry);
    push(children, region.parent, entry);
    push(byFullName, `${region.level}|${entry.name.full}`, entry);
    push(byBareName, `${region.level}|${entry.name.bare}`, entry);
  }

  function inside(entries: Entry[] | undefined, within: string | null): Entry[] {
    if (!entries) return [];
    if (within === null) return entries;
    const prefix = within + '.';
    return entries.filter((entry) => entry.region.kode.startsWith(prefix));
  }

  function descendants(level: Level, within: string | null): Entry[] {
    const found: Entry[] = [];
    const visit = (parent: string | null) => {
      for (const child of children.get(parent) ?? []) {
        if (child.region.level === level) found.push(child);
        else visit(child.region.kode);
      }
    };
    visit(within);
    return found;
  }

  return {
    size: byCode.size,
    get: (kode) => byCode.get(kode)?.region,

    findByName(level, name, within) {
      const folded = foldRegionName(name, level);
      let hits = inside(byFullName.get(`${level}|${folded.full}`), within);
      if (hits.length === 0) {
        hits = inside(byBareName.get(`${level}|${folded.bare}`), within);
        if (hits.length > 1 && folded.kind) hits = hits.filter((hit) => hit.name.kind === folded.kind);
      }
      if (hits.length === 1) return { kind: 'found', region: hits[0]!.region };
      if (hits.length > 1) return { kind: 'ambiguous', regions: hits.map((hit) => hit.region) };
      // Spelling suggestions across all of Indonesia's kecamatan or desa would cost ~0.1 s per name and
      // mostly list namesakes in other provinces; there the message asks for the parent columns instead.
      if (within === null && (level === 'kecamatan' || level === 'desa')) return { kind: 'unknown', candidates: [] };
      const pool = descendants(level, within);
      const candidates = closest(folded.bare, pool, (entry) => entry.name.bare, typoAllowance(folded.bare), 3);
      return { kind: 'unknown', candidates: candidates.map((entry) => entry.region) };
    },

    explainMissing(kode) {
      const lineage = codeLineage(kode);
      const missingAt = lineage.findIndex((code) => !byCode.has(code));
      const missing = lineage[missingAt] ?? kode;
      const parent = missingAt > 0 ? (lineage[missingAt - 1] ?? null) : null;
      const segment = lastSegment(missing);
      const scored = (children.get(parent) ?? [])
        .map((entry) => ({ entry, edits: editDistance(segment, lastSegment(entry.region.kode), 1), gap: Math.abs(Number(segment) - Number(lastSegment(entry.region.kode))) }))
        .filter((candidate) => candidate.edits <= 1)
        .sort((x, y) => x.edits - y.edits || x.gap - y.gap);
      return { missing, candidates: scored.slice(0, 3).map((candidate) => candidate.entry.region) };
    },
  };
}

function lastSegment(kode: string): string {
  return kode.slice(kode.lastIndexOf('.') + 1);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
