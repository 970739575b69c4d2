import { Problem } from '../problem.ts';

/**
 * Region scope. A user writes in one region and everything below it: a province supervisor in `51`
 * writes `51`, `51.71`, `51.71.01.1001`; a kab/kota operator in `51.71` writes `51.71` and below; an
 * admin writes everywhere (`ID`). Kemendagri codes nest by dotted prefix, so containment is a string test.
 */
export const NATIONAL = 'ID';

export function contains(scope: string, kode: string): boolean {
  return scope === NATIONAL || kode === scope || kode.startsWith(`${scope}.`);
}

/** The smallest region holding every code (their longest common dotted prefix), `ID` when they span provinces. */
export function smallestCommonRegion(codes: Iterable<string>): string {
  let common: string[] | null = null;
  for (const kode of codes) {
    const parts = kode.split('.');
    if (common === null) {
      common = parts;
      continue;
    }
    let same = 0;
    while (same < common.length && same < parts.length && common[same] === parts[same]) same += 1;
    common = common.slice(0, same);
    if (common.length === 0) break;
  }
  return common && common.length > 0 ? common.join('.') : NATIONAL;
}

/** How many rows to name in a refusal: enough to find the mistake, not the whole file. */
export const OFFENDING_ROWS_SHOWN = 20;

/** A write that reaches outside the user's region; nothing of it is written. */
export class OutOfScope extends Problem {
  constructor(scope: string, rows: { line?: number; kode: string }[], total: number, what = 'baris') {
    super(
      403,
      'Di luar wilayah Anda',
      `${total} ${what} berada di luar wilayah ${scope}; akun Anda hanya boleh menulis ${scope} dan wilayah di bawahnya. Tidak ada yang disimpan.`,
      { scope, outside: total, rows: rows.slice(0, OFFENDING_ROWS_SHOWN) },
    );
  }
}
