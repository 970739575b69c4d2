import { existsIn, type IndicatorDefinition } from '../catalogue.ts';
import { emptySeries, rollsUp, rollUp, type IndicatorKind, type LevelSeries } from '../values/rollup.ts';
import { parentLevel, type RegionTree, type TreeLevel } from '../values/region-tree.ts';
import { createRandom, type Random } from './random.ts';
import { SpatialField } from './spatial-field.ts';

/**
 * Demonstration data: plausible, spatially structured values for every indicator that has no real
 * data, from a fixed seed, so every install shows the same numbers. NONE of it is real; every value
 * generated here is stored and served with the demo flag.
 *
 * - coverage indicators and reporting completeness: per desa, 2021-2025, numerator and denominator;
 *   coverage follows a smooth field over the map (neighbours resemble each other), a kab/kota effect
 *   and a yearly improvement; about 4% of desa do not report in a given year;
 * - convergence performance, aksi status and budget: per kab/kota and year; participation grows from
 *   345 of 514 kab/kota in 2021 to all 514 in 2024 (the real participation counts of Kemendagri's
 *   2025 briefing; who participated is generated).
 */
export const DEMO_SEED = 20_251_127;
/** Bump when the generator changes, so existing databases regenerate their demonstration data. */
export const DEMO_GENERATOR_VERSION = 1;
export const DEMO_PERIODS = ['2021', '2022', '2023', '2024', '2025'];
const PARTICIPATING_KABKOTA: Record<string, number> = { '2021': 345, '2022': 420, '2023': 480, '2024': 514, '2025': 514 };
const DESA_NOT_REPORTING = 0.04;

export interface DemoSeries {
  indicatorId: string;
  period: string;
  level: TreeLevel;
  basis: 'direct' | 'rollup';
  series: LevelSeries;
}

/** Share of a desa's population in each target group, for plausible denominators. */
const TARGET_GROUP_SHARE: Record<string, number> = {
  'Ibu hamil/nifas/menyusui': 0.02,
  'Baduta 0-23 bulan': 0.035,
  'Balita 24-59 bulan': 0.05,
  'Remaja putri': 0.08,
  'Calon pengantin': 0.012,
  'Rumah tangga & masyarakat': 0.27,
};

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

export function generateDemoData(tree: RegionTree, catalogue: IndicatorDefinition[], seed = DEMO_SEED): DemoSeries[] {
  const random = createRandom(seed);
  const desa = tree.desa;
  const kabkota = tree.kabkota;
  const desaKabkota = Int32Array.from(desa.parentOf, (kecamatan) => tree.kecamatan.parentOf[kecamatan] ?? -1);
  const population = Float64Array.from(desa.kodes, () => Math.round(800 + random.logNormal(Math.log(2800), 0.7)));
  const kabkotaEffect = Float64Array.from(kabkota.kodes, () => random.normal() * 0.45);
  const generated: DemoSeries[] = [];

  for (const indicator of catalogue) {
    const fieldAt = new SpatialField(random).sampler(desa.labels);
    const base = random.normal() * 0.6 + 0.9;
    for (const [yearIndex, period] of DEMO_PERIODS.entries()) {
      if (!existsIn(indicator, period)) continue;
      if (indicator.kelompok === 'cakupan' || indicator.id === 'kelengkapan_laporan') {
        const series = emptySeries(desa.kodes.length, indicator.kind);
        for (let i = 0; i < desa.kodes.length; i++) {
          if (random.next() < DESA_NOT_REPORTING) continue;
          const people = population[i] ?? 0;
          if (indicator.kind === 'count') {
            // pneumonia cases found among children 24-59 months: a few per hundred children
            series.numerators[i] = Math.round(people * 0.05 * 0.03 * Math.exp(0.4 * fieldAt(i) + random.normal() * 0.5));
            continue;
          }
          const denominator =
            indicator.id === 'kelengkapan_laporan' ? 12 : Math.max(1, Math.round(people * (TARGET_GROUP_SHARE[indicator.sasaran] ?? 0.05)));
          const kab = desaKabkota[i] ?? -1;
          const propensity = base + fieldAt(i) + (kab >= 0 ? (kabkotaEffect[kab] ?? 0) : 0) + 0.25 * yearIndex + random.normal() * 0.35;
          series.numerators[i] = Math.min(denominator, Math.round(denominator * logistic(propensity)));
          series.denominators[i] = denominator;
        }
        generated.push(...withRollups(tree, indicator.id, indicator.kind, period, 'desa', series));
      } else if (indicator.levels.includes('kabkota') && indicator.kelompok !== 'prevalensi') {
        const series = kabkotaSeries(indicator, period, yearIndex, tree, kabkotaEffect, population, desaKabkota, random);
        generated.push(...withRollups(tree, indicator.id, indicator.kind, period, 'kabkota', series));
      }
    }
  }
  return generated;
}

/** The series at `level` and its roll-ups up to Indonesia. */
function withRollups(tree: RegionTree, indicatorId: string, kind: IndicatorKind, period: string, level: TreeLevel, series: LevelSeries): DemoSeries[] {
  const out: DemoSeries[] = [{ indicatorId, period, level, basis: 'direct', series }];
  if (!rollsUp(kind)) return out;
  let current = series;
  for (let child: TreeLevel = level, parent = parentLevel(child); parent; child = parent, parent = parentLevel(child)) {
    current = rollUp(current, tree[child].parentOf, tree[parent].kodes.length, kind);
    out.push({ indicatorId, period, level: parent, basis: 'rollup', series: current });
  }
  return out;
}

function kabkotaSeries(
  indicator: IndicatorDefinition,
  period: string,
  yearIndex: number,
  tree: RegionTree,
  kabkotaEffect: Float64Array,
  population: Float64Array,
  desaKabkota: Int32Array,
  random: Random,
): LevelSeries {
  const count = tree.kabkota.kodes.length;
  const series = emptySeries(count, indicator.kind);
  const children = new Float64Array(count);
  population.forEach((people, i) => {
    const kab = desaKabkota[i] ?? -1;
    if (kab >= 0) children[kab] = (children[kab] ?? 0) + people * 0.085;
  });
  const participating = participatingKabkota(count, PARTICIPATING_KABKOTA[period] ?? count);
  for (let k = 0; k < count; k++) {
    if (!participating.has(k)) continue;
    const capacity = (kabkotaEffect[k] ?? 0) + 0.3 * yearIndex + random.normal() * 0.3;
    const score = Math.round(Math.min(98, Math.max(35, 62 + 14 * capacity)));
    const budget = Math.round((children[k] ?? 0) * (250_000 + 90_000 * yearIndex) * Math.exp(random.normal() * 0.35));
    switch (indicator.id) {
      case 'skor_kinerja':
        series.numerators[k] = score;
        break;
      case 'kategori_kinerja':
        // 0 Bertumbuh, 1 Berkembang, 2 Berdaya
        series.numerators[k] = score >= 80 ? 2 : score >= 65 ? 1 : 0;
        break;
      case 'aksi_selesai': {
        const actions = Number(period) >= 2025 ? 6 : 8;
        series.numerators[k] = Math.min(actions, Math.max(0, Math.round(actions * logistic(1.2 + 1.6 * capacity))));
        series.denominators[k] = actions;
        break;
      }
      case 'anggaran_apbd':
        series.numerators[k] = budget;
        break;
      case 'realisasi_apbd':
        series.numerators[k] = Math.round(budget * Math.min(1, 0.72 + 0.08 * capacity + random.normal() * 0.06));
        series.denominators[k] = budget;
        break;
      case 'anggaran_per_anak':
        series.numerators[k] = budget;
        series.denominators[k] = Math.round(children[k] ?? 0);
        break;
      default:
        if (indicator.kind === 'category') {
          // aksi status: 0 belum, 1 proses, 2 selesai
          const done = logistic(1 + 1.5 * capacity + random.normal() * 0.8);
          series.numerators[k] = done > 0.6 ? 2 : done > 0.3 ? 1 : 0;
        }
    }
  }
  return series;
}

/** Which kab/kota take part in a year: a seeded choice, nested so that participants stay participants. */
function participatingKabkota(count: number, participants: number): Set<number> {
  const order = Array.from({ length: count }, (_, i) => i);
  // The same ranking every year makes the sets nested.
  const ranking = createRandom(DEMO_SEED);
  const keys = Float64Array.from(order, () => ranking.next());
  order.sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0));
  return new Set(order.slice(0, participants));
}

