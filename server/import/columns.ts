/**
 * Which column holds what. Headers are matched after folding (case, accents, spaces, `_`, `-`, and a
 * trailing "(%)" or "(2024)" do not matter) against Indonesian and English synonyms, and against the
 * indicator ids. A file is in *long* format when it has an indikator column (one value per row), and in
 * *wide* format when its columns are indicator ids (one row per region and period).
 */
import { foldText, closest } from './names.ts';
import { columnLetter, showCell, type Table, type TableRow } from './table.ts';
import type { ImportFormat, ImportProblem, IndicatorInfo, Level } from './types.ts';

export type Role = 'kode' | 'indikator' | 'periode' | 'nilai' | 'pembilang' | 'penyebut' | Level;

/** Folded header -> role. Folding removes everything but letters and digits: "Kode Wilayah" is "kodewilayah". */
const SYNONYM_LIST: readonly (readonly [Role, readonly string[]])[] = [
  ['kode', ['kode', 'kodewilayah', 'kodekemendagri', 'kodedaerah', 'kodewil', 'code', 'regioncode', 'areacode']],
  ['indikator', ['indikator', 'indicator', 'kodeindikator', 'idindikator', 'indicatorid', 'indicatorcode']],
  ['periode', ['periode', 'tahun', 'year', 'period']],
  ['nilai', ['nilai', 'value', 'capaian']],
  ['pembilang', ['pembilang', 'numerator']],
  ['penyebut', ['penyebut', 'denominator']],
  ['provinsi', ['provinsi', 'propinsi', 'province', 'prov', 'namaprovinsi']],
  ['kabkota', ['kabkota', 'kabupatenkota', 'kabupaten', 'kota', 'kab', 'kabkot', 'namakabupaten', 'namakabkota', 'namakabupatenkota', 'regency', 'city']],
  ['kecamatan', ['kecamatan', 'kec', 'namakecamatan', 'subdistrict']],
  ['desa', ['desa', 'kelurahan', 'desakelurahan', 'namadesa', 'namakelurahan', 'namadesakelurahan', 'kel', 'village']],
];
const SYNONYMS: ReadonlyMap<string, Role> = new Map(SYNONYM_LIST.flatMap(([role, names]) => names.map((name) => [name, role] as const)));

/** Columns a wide file may carry beside its indicators without being mistaken for one. */
const LABEL_COLUMNS = new Set(['no', 'nomor', 'nourut', 'keterangan', 'catatan', 'sumber', 'satuan', 'nama', 'namawilayah', 'wilayah', 'level', 'tingkat', 'jenis']);

const NAME_LEVELS: readonly Level[] = ['provinsi', 'kabkota', 'kecamatan', 'desa'];
const PARENTHESISED = /\([^)]*\)/g;
const NOT_ALPHANUMERIC = /[^a-z0-9]/g;

/** "Kode Wilayah (Kemendagri)" -> "kodewilayah"; "IH-1" -> "ih1". */
export function foldHeader(text: string): string {
  return foldText(text.replace(PARENTHESISED, '')).replace(NOT_ALPHANUMERIC, '');
}

export interface Column {
  index: number;
  /** The header as written, for messages. */
  header: string;
}

export interface Layout {
  format: ImportFormat;
  /** Position in `table.rows` of the header row; data rows follow it. */
  headerAt: number;
  roles: Partial<Record<Role, Column>>;
  /** Name columns present, outermost level first. */
  names: { level: Level; column: Column }[];
  /** Wide format: one column per indicator. */
  indicators: { indicator: IndicatorInfo; column: Column }[];
}

export type LayoutReading = { ok: true; layout: Layout } | { ok: false; problems: ImportProblem[] };

/** How far down a header may sit below title rows ("DATA CAPAIAN INDIKATOR 2024 ...") that exports add. */
const HEADER_SEARCH_ROWS = 10;

export function readLayout(table: Table, indicators: readonly IndicatorInfo[], hasContextPeriod: boolean): LayoutReading {
  const indicatorByHeader = new Map(indicators.map((indicator) => [foldHeader(indicator.id), indicator]));
  const candidates = table.rows.slice(0, HEADER_SEARCH_ROWS);
  const headerAt = Math.max(0, candidates.findIndex((row) => looksLikeHeader(row, indicatorByHeader)));
  const headerRow = table.rows[headerAt];
  if (!headerRow) return { ok: false, problems: [fileProblem('', 'berkas kosong: tidak ada baris judul kolom')] };

  const problems: ImportProblem[] = [];
  const roles: Partial<Record<Role, Column>> = {};
  const wide: { indicator: IndicatorInfo; column: Column }[] = [];
  const unknown: Column[] = [];
  const seen = new Map<string, Column>();
  headerRow.cells.forEach((cell, index) => {
    const header = showCell(cell).trim();
    const folded = foldHeader(header);
    if (folded === '') return;
    const column = { index, header };
    const earlier = seen.get(folded);
    if (earlier) {
      problems.push({ line: headerRow.line, column: header, value: header, reason: `kolom "${header}" muncul dua kali (kolom ${columnLetter(earlier.index)} dan ${columnLetter(column.index)})`, suggestion: 'hapus salah satunya' });
      return;
    }
    seen.set(folded, column);
    const role = SYNONYMS.get(folded);
    const indicator = indicatorByHeader.get(folded);
    if (role && roles[role]) {
      problems.push({ line: headerRow.line, column: header, value: header, reason: `kolom "${header}" dan "${roles[role].header}" sama-sama dibaca sebagai ${role}`, suggestion: 'hapus atau ganti nama salah satunya' });
    } else if (role) roles[role] = column;
    else if (indicator) wide.push({ indicator, column });
    else if (!LABEL_COLUMNS.has(folded)) unknown.push(column);
  });

  const names = NAME_LEVELS.flatMap((level) => (roles[level] ? [{ level, column: roles[level] }] : []));
  const format: ImportFormat = roles.indikator || wide.length === 0 ? 'long' : 'wide';
  const at = headerRow.line;
  if (!roles.kode && names.length === 0) {
    problems.push(fileProblem('kode', 'tidak ada kolom kode wilayah (atau kolom nama provinsi/kabupaten/kota/kecamatan/desa)', 'tambahkan kolom berjudul "kode" berisi kode Kemendagri, mis. 53.01.01.2001', at));
  }
  if (!roles.periode && !hasContextPeriod) {
    problems.push(fileProblem('periode', 'tidak ada kolom periode (tahun)', 'tambahkan kolom "periode" berisi tahun, mis. 2024, atau pilih periode saat mengunggah', at));
  }
  if (format === 'long') {
    if (!roles.indikator) {
      const ids = indicators.slice(0, 3).map((indicator) => indicator.id).join(', ');
      problems.push(fileProblem('indikator', 'tidak ada kolom indikator, dan tidak ada kolom yang judulnya kode indikator', `format panjang: kolom "indikator" dan "nilai"; format lebar: satu kolom per indikator, berjudul kodenya, mis. ${ids}`, at));
    } else if (!roles.nilai && !(roles.pembilang && roles.penyebut)) {
      const reason = roles.pembilang || roles.penyebut ? `ada kolom ${roles.pembilang ? 'pembilang' : 'penyebut'} tetapi tidak ada kolom ${roles.pembilang ? 'penyebut' : 'pembilang'}` : 'tidak ada kolom nilai';
      problems.push(fileProblem('nilai', reason, 'tambahkan kolom "nilai", atau kolom "pembilang" dan "penyebut"', at));
    }
  } else {
    for (const column of unknown) problems.push(unknownIndicatorColumn(column, at, indicators));
    for (const role of ['nilai', 'pembilang', 'penyebut'] as const) {
      const column = roles[role];
      if (column) problems.push({ line: at, column: column.header, value: column.header, reason: `kolom ${role} tidak dipakai dalam format lebar (satu kolom per indikator)`, suggestion: 'hapus kolom ini, atau pakai format panjang dengan kolom "indikator"' });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, layout: { format, headerAt, roles, names, indicators: wide } };
}

function looksLikeHeader(row: TableRow, indicatorByHeader: ReadonlyMap<string, IndicatorInfo>): boolean {
  return row.cells.some((cell) => {
    if (typeof cell !== 'string') return false;
    const folded = foldHeader(cell);
    return SYNONYMS.has(folded) || indicatorByHeader.has(folded);
  });
}

function unknownIndicatorColumn(column: Column, line: number, indicators: readonly IndicatorInfo[]): ImportProblem {
  const folded = foldHeader(column.header);
  const near = closest(folded, indicators, (indicator) => foldHeader(indicator.id), Math.max(1, Math.floor(folded.length / 3)), 3);
  return {
    line,
    column: column.header,
    value: column.header,
    reason: `kolom "${column.header}" bukan kode indikator yang dikenal`,
    suggestion: near.length > 0 ? `mungkin maksud Anda ${near.map((indicator) => indicator.id).join(' atau ')}?` : 'ganti judulnya dengan kode indikator, atau hapus kolom ini',
  };
}

function fileProblem(column: string, reason: string, suggestion?: string, line = 1): ImportProblem {
  return { line, column, value: '', reason, ...(suggestion ? { suggestion } : {}) };
}
