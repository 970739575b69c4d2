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
export const DEMO_GENERATOR_VERSION = 2;
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
  // One convergence year per period, shared by its score, category, aksi statuses and budget, so that
  // they tell one story: a kab/kota with every aksi "Selesai" has 8 of 8 aksi done.
  const years = new Map<string, ConvergenceYear>();
  const convergenceYear = (period: string, yearIndex: number) => {
    let year = years.get(period);
    if (!year) {
      year = makeConvergenceYear(catalogue, period, yearIndex, kabkotaEffect, population, desaKabkota, seed);
      years.set(period, year);
    }
    return year;
  };

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
        const series = kabkotaSeries(indicator, convergenceYear(period, yearIndex), random);
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

/** What one year of convergence work looks like in every kab/kota; null where it did not take part. */
interface ConvergenceYear {
  readonly participating: ReadonlySet<number>;
  readonly capacity: Float64Array;
  readonly score: Int32Array;
  readonly budget: Float64Array;
  /** Target children (0-59 months) per kab/kota, the denominator of budget per child. */
  readonly children: Float64Array;
  /** Status per aksi indicator id: 0 belum, 1 proses, 2 selesai. */
  readonly status: ReadonlyMap<string, Uint8Array>;
}

function makeConvergenceYear(
  catalogue: readonly IndicatorDefinition[],
  period: string,
  yearIndex: number,
  kabkotaEffect: Float64Array,
  population: Float64Array,
  desaKabkota: Int32Array,
  seed: number,
): ConvergenceYear {
  const count = kabkotaEffect.length;
  // Its own generator per year: the year's figures do not depend on which indicators came before.
  const random = createRandom(seed + Number(period));
  const children = new Float64Array(count);
  population.forEach((people, i) => {
    const kab = desaKabkota[i] ?? -1;
    if (kab >= 0) children[kab] = (children[kab] ?? 0) + people * 0.085;
  });
  const capacity = Float64Array.from(kabkotaEffect, (effect) => effect + 0.3 * yearIndex + random.normal() * 0.3);
  const score = Int32Array.from(capacity, (c) => Math.round(Math.min(98, Math.max(35, 62 + 14 * c))));
  const budget = Float64Array.from(children, (n) => Math.round(n * (250_000 + 90_000 * yearIndex) * Math.exp(random.normal() * 0.35)));
  const status = new Map<string, Uint8Array>();
  for (const indicator of catalogue) {
    if (indicator.kelompok !== 'aksi' || !existsIn(indicator, period)) continue;
    status.set(
      indicator.id,
      Uint8Array.from(capacity, (c) => {
        const done = logistic(1 + 1.5 * c + random.normal() * 0.8);
        return done > 0.6 ? 2 : done > 0.3 ? 1 : 0;
      }),
    );
  }
  const participating = participatingKabkota(count, PARTICIPATING_KABKOTA[period] ?? count);
  return { participating, capacity, score, budget, children, status };
}

function kabkotaSeries(indicator: IndicatorDefinition, year: ConvergenceYear, random: Random): LevelSeries {
  const count = year.capacity.length;
  const series = emptySeries(count, indicator.kind);
  for (let k = 0; k < count; k++) {
    if (!year.participating.has(k)) continue;
    const capacity = year.capacity[k] ?? 0;
    const score = year.score[k] ?? 0;
    const budget = year.budget[k] ?? 0;
    switch (indicator.id) {
      case 'skor_kinerja':
        series.numerators[k] = score;
        break;
      case 'kategori_kinerja':
        // 0 Bertumbuh, 1 Berkembang, 2 Berdaya
        series.numerators[k] = score >= 80 ? 2 : score >= 65 ? 1 : 0;
        break;
      case 'aksi_selesai': {
        // The share of this year's aksi whose status is "Selesai".
        const statuses = [...year.status.values()];
        series.numerators[k] = statuses.filter((s) => s[k] === 2).length;
        series.denominators[k] = statuses.length;
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
        series.denominators[k] = Math.round(year.children[k] ?? 0);
        break;
      default: {
        const status = year.status.get(indicator.id);
        if (status) series.numerators[k] = status[k] ?? 0;
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

