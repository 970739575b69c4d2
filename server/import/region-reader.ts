/**
 * Which region a row is about: its kode, or else its names (provinsi, kabupaten/kota, kecamatan,
 * desa), each looked up inside the region named before it. Unknown codes and names come back with
 * what the user probably meant.
 */
import { LEVEL_LABEL, levelOfCode, readCode } from './codes.ts';
import type { Column, Layout } from './columns.ts';
import type { NameLookup, RegionIndex } from './region-index.ts';
import type { Cell, TableRow } from './table.ts';
import type { Level, RegionInfo } from './types.ts';
import { readText, Rejection } from './values.ts';

export type Report = (column: Column, cell: Cell, rejection: Rejection) => void;

const SOURCE = 'Kepmendagri 2025';
const CODE_SHAPE = 'tulis seperti 53, 53.01, 53.01.01 atau 53.01.01.2001; titik boleh dihilangkan';
const LISTED = 5;

/** A function from a row to its region (or null after reporting why not), with lookups cached per import. */
export function regionReader(layout: Layout, regions: RegionIndex): (row: TableRow, report: Report) => RegionInfo | null {
  const codeColumn = layout.roles.kode;
  const nameCache = new Map<string, NameLookup>();
  const missingCache = new Map<string, Rejection>();
  const ignore: Report = () => {};

  function findByName(level: Level, name: string, within: string | null): NameLookup {
    const key = `${level}|${within ?? ''}|${name}`;
    let lookup = nameCache.get(key);
    if (!lookup) {
      lookup = regions.findByName(level, name, within);
      nameCache.set(key, lookup);
    }
    return lookup;
  }

  function byNames(row: TableRow, report: Report): RegionInfo | null {
    let region: RegionInfo | null = null;
    for (const { level, column } of layout.names) {
      const cell = row.cells[column.index] ?? null;
      if (cell === null) continue;
      const name = readText(cell, `nama ${LEVEL_LABEL[level]}`);
      if (name instanceof Rejection) return fail(report, column, cell, name);
      const lookup = findByName(level, name, region?.kode ?? null);
      if (lookup.kind === 'found') {
        region = lookup.region;
        continue;
      }
      const scope = region ? `di ${describe(region)}` : `dalam ${SOURCE}`;
      if (lookup.kind === 'ambiguous') {
        const advice = region ? 'isi kolom kode untuk memilih salah satunya' : 'tambahkan kolom nama wilayah induknya, mis. kabupaten/kota, atau isi kolom kode';
        return fail(report, column, cell, new Rejection(`ada ${lookup.regions.length} ${LEVEL_LABEL[level]} bernama "${name}" ${scope}: ${list(lookup.regions)}`, advice));
      }
      const broad = !region && (level === 'kecamatan' || level === 'desa');
      const suggestion = lookup.candidates.length > 0 ? `mungkin maksud Anda ${orList(lookup.candidates)}?` : broad ? 'tambahkan kolom nama wilayah induknya, mis. kabupaten/kota dan kecamatan, atau isi kolom kode' : undefined;
      return fail(report, column, cell, new Rejection(`${LEVEL_LABEL[level]} "${name}" tidak ada ${scope}`, suggestion));
    }
    return region;
  }

  function byCode(column: Column, cell: Cell, row: TableRow, report: Report): RegionInfo | null {
    const text = typeof cell === 'number' ? cell : readText(cell, 'kode');
    if (text instanceof Rejection) return fail(report, column, cell, text);
    const kode = readCode(text);
    if (kode === null) return fail(report, column, cell, new Rejection(`"${String(text)}" bukan kode wilayah Kemendagri`, CODE_SHAPE));
    const region = regions.get(kode);
    if (region) return region;
    const named = layout.names.length > 0 ? byNames(row, ignore) : null;
    const rejection = named
      ? new Rejection(missing(kode).reason, `nama wilayah pada baris ini cocok dengan ${named.kode} ${named.nama}`)
      : missing(kode);
    return fail(report, column, cell, rejection);
  }

  function missing(kode: string): Rejection {
    let rejection = missingCache.get(kode);
    if (!rejection) {
      const { missing: absent, candidates } = regions.explainMissing(kode);
      const because = absent === kode ? '' : `: ${LEVEL_LABEL[levelOfCode(absent) ?? 'provinsi']} ${absent} tidak ada`;
      const reason = `kode ${kode} bukan ${LEVEL_LABEL[levelOfCode(kode) ?? 'desa']} dalam ${SOURCE}${because}`;
      const suggestion = candidates.length > 0 ? `mungkin maksud Anda ${orList(candidates)}?` : undefined;
      rejection = new Rejection(reason, suggestion);
      missingCache.set(kode, rejection);
    }
    return rejection;
  }

  return (row, report) => {
    const codeCell = codeColumn ? (row.cells[codeColumn.index] ?? null) : null;
    if (codeColumn && codeCell !== null) return byCode(codeColumn, codeCell, row, report);
    const hasName = layout.names.some(({ column }) => (row.cells[column.index] ?? null) !== null);
    if (hasName) return byNames(row, report);
    const column = codeColumn ?? layout.names[0]?.column;
    if (column) report(column, null, new Rejection(codeColumn ? 'kode wilayah kosong' : 'nama wilayah kosong', 'isi kode Kemendagri wilayahnya, mis. 53.01.01.2001'));
    return null;
  };
}

function fail(report: Report, column: Column, cell: Cell, rejection: Rejection): null {
  report(column, cell, rejection);
  return null;
}

/** "Kabupaten Bogor (32.01)", "Kecamatan Cibinong (32.01.01)": how a region is named in messages. */
function describe(region: RegionInfo): string {
  const prefix: Record<Level, string> = { provinsi: 'Provinsi ', kabkota: '', kecamatan: 'Kecamatan ', desa: 'Desa/Kelurahan ' };
  return `${prefix[region.level]}${region.nama} (${region.kode})`;
}

function list(regions: readonly RegionInfo[]): string {
  const shown = regions.slice(0, LISTED).map((region) => `${region.kode} ${region.nama}`).join(', ');
  return regions.length > LISTED ? `${shown}, dan ${regions.length - LISTED} lainnya` : shown;
}

/** "32.01.39 Leuwisadeng, 32.01.29 Ciomas atau 32.01.19 Jasinga". */
function orList(regions: readonly RegionInfo[]): string {
  const items = regions.map((region) => `${region.kode} ${region.nama}`);
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} atau ${items.at(-1)}` : (items[0] ?? '');
}
