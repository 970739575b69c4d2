/**
 * The region index geodata/regions.csv.gz and geodata/missing.csv: every region of the Kemendagri 2025
 * code list exactly once, a consistent parent chain, and plausible geometry columns.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GEODATA, readCsv, regionIndex, type RegionRow } from './committed.ts';

const CODE_SHAPE: Record<string, RegExp> = {
  provinsi: /^\d{2}$/,
  kabkota: /^\d{2}\.\d{2}$/,
  kecamatan: /^\d{2}\.\d{2}\.\d{2}$/,
  desa: /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/,
};
const PARENT_LEVEL: Record<string, string | undefined> = { kabkota: 'provinsi', kecamatan: 'kabkota', desa: 'kecamatan' };

// Indonesia, generously: 94-142 E, 12 S - 7 N.
const inIndonesia = (lng: number, lat: number) => lng > 94 && lng < 142 && lat > -12 && lat < 7;

describe('regions.csv.gz', () => {
  const { header, rows } = regionIndex();
  const byKode = new Map(rows.map((r) => [r.kode, r]));
  const ofLevel = (level: string) => rows.filter((r) => r.level === level);

  it('has the documented columns', () => {
    expect(header).toEqual(['kode', 'level', 'nama', 'parent', 'has_geometry', 'min_lng', 'min_lat',
      'max_lng', 'max_lat', 'label_lng', 'label_lat', 'area_km2']);
  });

  it('has one row for each of the 91,599 regions of the code list, and no duplicates', () => {
    expect(rows).toHaveLength(91_599);
    expect(byKode.size).toBe(91_599);
    expect(ofLevel('provinsi')).toHaveLength(38);
    expect(ofLevel('kabkota')).toHaveLength(514);
    expect(ofLevel('kecamatan')).toHaveLength(7_285);
    expect(ofLevel('desa')).toHaveLength(83_762);
  });

  it('has geometry for every province, kab/kota and kecamatan and at least 83,402 desa', () => {
    const withGeometry = (level: string) => ofLevel(level).filter((r) => r.has_geometry === '1').length;
    expect(withGeometry('provinsi')).toBe(38);
    expect(withGeometry('kabkota')).toBe(514);
    expect(withGeometry('kecamatan')).toBe(7_285);
    expect(withGeometry('desa')).toBeGreaterThanOrEqual(83_402);
  });

  it('gives every code the shape of its level and a parent of the level above', () => {
    const bad = rows.filter((r) => {
      const shape = CODE_SHAPE[r.level];
      if (!shape || !shape.test(r.kode) || r.nama.trim() === '') return true;
      if (r.level === 'provinsi') return r.parent !== '';
      const parent = byKode.get(r.parent);
      return !parent || parent.level !== PARENT_LEVEL[r.level] || !r.kode.startsWith(`${r.parent}.`);
    });
    expect(bad.map((r) => r.kode).slice(0, 10)).toEqual([]);
  });

  it('fills geometry columns exactly when has_geometry is 1, with the label inside the bbox', () => {
    const geometryColumns = ['min_lng', 'min_lat', 'max_lng', 'max_lat', 'label_lng', 'label_lat', 'area_km2'] as const;
    const bad = rows.filter((r: RegionRow) => {
      if (r.has_geometry === '0') return geometryColumns.some((c) => r[c] !== '');
      if (r.has_geometry !== '1') return true;
      if (!geometryColumns.slice(0, 6).every((c) => /^-?\d+\.\d{6}$/.test(r[c]))) return true;
      if (!/^\d+\.\d{3}$/.test(r.area_km2)) return true;
      const [w, s, e, n, x, y, a] = geometryColumns.map((c) => Number(r[c])) as [number, number, number, number, number, number, number];
      return !(w <= x && x <= e && s <= y && y <= n && inIndonesia(w, s) && inIndonesia(e, n) && a > 0);
    });
    expect(bad.map((r) => r.kode).slice(0, 10)).toEqual([]);
  });

  it('has areas that add up: each kecamatan is at least the sum of its desa, to 0.5%', () => {
    const desaSum = new Map<string, number>();
    for (const r of ofLevel('desa')) if (r.has_geometry === '1') desaSum.set(r.parent, (desaSum.get(r.parent) ?? 0) + Number(r.area_km2));
    const bad = ofLevel('kecamatan').filter((k) => {
      const sum = desaSum.get(k.kode) ?? 0;
      return sum > Number(k.area_km2) * 1.005 + 0.01;
    });
    expect(bad.map((r) => r.kode)).toEqual([]);
    const indonesia = ofLevel('provinsi').reduce((s, r) => s + Number(r.area_km2), 0);
    // Land area of Indonesia is about 1.9 million km².
    expect(indonesia).toBeGreaterThan(1_800_000);
    expect(indonesia).toBeLessThan(2_000_000);
  });

  it('lists exactly the regions without geometry in missing.csv, with a reason', () => {
    const missing = readCsv(fs.readFileSync(path.join(GEODATA, 'missing.csv'), 'utf8'));
    expect(missing.header).toEqual(['kode', 'level', 'nama', 'reason']);
    const expected = rows.filter((r) => r.has_geometry === '0').map((r) => r.kode);
    expect(missing.rows.map((r) => r.kode)).toEqual(expected);
    expect(missing.rows.every((r) => (r.reason ?? '').length > 0 && byKode.get(r.kode ?? '')?.nama === r.nama)).toBe(true);
    // The 360 desa the boundary source lacks (its missing_desa.json); nothing else may go missing.
    expect(expected).toHaveLength(360);
    expect(missing.rows.every((r) => r.level === 'desa')).toBe(true);
  });
});
