import type { IndicatorDefinition } from '../catalogue.ts';
import { isLevel } from '../catalogue.ts';
import { findAncestors, namesWithAncestors, type RegionRecord } from '../db/regions.ts';
import { badRequest } from '../problem.ts';
import { FLAG, type LevelValues } from '../values/level-values.ts';
import { childRange, TREE_LEVELS, type TreeLevel } from '../values/region-tree.ts';
import { resolveRanges, type RangeQuery, type ValueContext } from '../values/resolve.ts';
import type { Level } from '../../shared/api/common.ts';
import type { LaggingWire } from '../../shared/api/supervision.ts';
import { laggingChildren, type ChildValue, type LagReason } from './lagging.ts';

/**
 * The lagging report of one region: every child at the next level with its flags (lagging.ts), the
 * parent's own value and the previous period, with the reasons in words. The JSON answer, the CSV and
 * the XLSX work-lists are all written from this.
 */
export interface LaggingReport extends LaggingWire {
  /** names of each child's ancestors, for the work-list */
  ancestors: Map<string, { provinsi: string | null; kabkota: string | null; kecamatan: string | null }>;
}

export async function laggingReport(
  context: ValueContext,
  region: RegionRecord,
  indicator: IndicatorDefinition & { periods: string[] },
  period: string,
): Promise<LaggingReport> {
  const { tree, db } = context;
  const level = childLevelOf(region.level);
  if (!level) throw badRequest(`${region.kode} is a ${region.level}, which has no regions below it to compare`);
  if (!indicator.levels.includes(level)) throw badRequest(`${indicator.id} is reported for ${indicator.levels.join(', ')}, not ${level} (the children of ${region.kode})`);
  const ownLevel = region.level as TreeLevel;
  const own = tree[ownLevel].ordinalOf.get(region.kode);
  const children = childRange(tree, level, region.kode);
  const previousPeriod = [...indicator.periods].filter((p) => p < period).sort().at(-1) ?? null;

  const queries: RangeQuery[] = [{ indicator, period, level, ...children }];
  if (own !== undefined && (ownLevel === 'nasional' || indicator.levels.includes(ownLevel))) queries.push({ indicator, period, level: ownLevel, start: own, end: own + 1 });
  if (previousPeriod) queries.push({ indicator, period: previousPeriod, level, ...children });
  const [resolved, names, ancestors] = await Promise.all([
    resolveRanges(context, queries),
    namesWithAncestors(db, { level, parent: region.kode }),
    findAncestors(db, region.kode),
  ]);
  const current = resolved[0];
  const parentValues = queries[1]?.period === period && queries[1].level === ownLevel ? resolved[1] : undefined;
  const previous = previousPeriod ? resolved.at(-1) : undefined;
  const parentValue = parentValues?.get(0)?.value ?? null;
  const kodes = tree[level].kodes.slice(children.start, children.end);

  const flagged = laggingChildren({
    indicator: { direction: indicator.direction, target: indicator.target },
    children: kodes,
    current: childValues(current, tree[level].kodes),
    previous: childValues(previous, tree[level].kodes),
    parentValue,
  });
  const flaggedOf = new Map(flagged.map((child) => [child.kode, child]));
  const nameOf = new Map(names.map((n) => [n.kode, n]));
  const words = reasonWords({ indicator, previousPeriod, parentName: region.nama, ancestors });
  const counts = { children: kodes.length, flagged: flagged.length, below_target: 0, worse_than_parent: 0, worse_than_previous: 0, not_reporting: 0 };
  for (const child of flagged) for (const reason of child.reasons) counts[reason.flag]++;
  const ordered = [...flagged.map((child) => child.kode), ...kodes.filter((kode) => !flaggedOf.has(kode))];
  return {
    region: { kode: region.kode, nama: region.nama, level: region.level === 'nasional' || isLevel(region.level) ? region.level : 'nasional' },
    level,
    indicator: indicator.id,
    period,
    unit: indicator.unit,
    direction: indicator.direction,
    target: indicator.target,
    parent_value: parentValue,
    previous_period: previousPeriod,
    counts,
    children: ordered.map((kode) => {
      const value = current?.get(current.indexOf(tree[level].ordinalOf.get(kode)));
      const before = previous?.get(previous.indexOf(tree[level].ordinalOf.get(kode)));
      const lagging = flaggedOf.get(kode);
      const reasons = lagging?.reasons ?? [];
      return {
        kode,
        nama: nameOf.get(kode)?.nama ?? kode,
        value: value?.value ?? null,
        numerator: value?.numerator ?? null,
        denominator: value?.denominator ?? null,
        previous_value: before?.value ?? null,
        demo: value?.demo ?? false,
        flags: reasons.length,
        severity: lagging?.severity ?? 0,
        reasons: reasons.map((reason) => ({ ...reason, text: words(reason, value) })),
      };
    }),
    ancestors: new Map(names.map((n) => [n.kode, { provinsi: n.provinsi, kabkota: n.kabkota, kecamatan: n.kecamatan }])),
  };
}

export function childLevelOf(level: string): Level | null {
  const index = (TREE_LEVELS as readonly string[]).indexOf(level);
  const below = index >= 0 ? TREE_LEVELS[index + 1] : undefined;
  return below && isLevel(below) ? below : null;
}

/** The values of a run of children keyed by code (`kodes` are the codes of the level, by ordinal). */
function childValues(values: LevelValues | undefined, kodes: string[]): Map<string, ChildValue> {
  const out = new Map<string, ChildValue>();
  if (!values) return out;
  for (let i = 0; i < values.size; i++) {
    const flags = values.flags[i] ?? 0;
    if (!(flags & FLAG.value)) continue;
    const value = values.values[i] ?? Number.NaN;
    const kode = kodes[values.start + i] ?? '';
    out.set(kode, flags & FLAG.counts ? { value, reporting: values.reporting[i] ?? 0, expected: values.expected[i] ?? 0 } : { value });
  }
  return out;
}

/** Indonesian number: decimal comma, at most 1 decimal for percentages and 2 otherwise. */
export function formatNumber(value: number, unit: string): string {
  const digits = unit === '%' ? 1 : Math.abs(value) >= 100 ? 0 : 2;
  return value.toLocaleString('id-ID', { maximumFractionDigits: digits, minimumFractionDigits: unit === '%' ? 1 : 0 });
}

function withUnit(value: number, unit: string): string {
  const number = formatNumber(value, unit);
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

/** A target as people write it, without padding zeros: "14%", "80%". */
function targetText(value: number, unit: string): string {
  const number = value.toLocaleString('id-ID', { maximumFractionDigits: 1 });
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

/** The reasons in words, as a supervisor would say them: "di atas target 14% (20,1%)". */
function reasonWords({
  indicator,
  previousPeriod,
  parentName,
  ancestors,
}: {
  indicator: IndicatorDefinition;
  previousPeriod: string | null;
  parentName: string;
  ancestors: { level: string }[];
}) {
  const unit = indicator.unit;
  const higher = indicator.direction === 'higher';
  const parentLabel = ancestors.length === 0 && parentName === 'Indonesia' ? 'angka nasional' : parentName;
  return (reason: LagReason, value: { value: number; reporting?: number; expected?: number } | undefined): string => {
    const own = value ? ` (${withUnit(value.value, unit)})` : '';
    const ref = reason.reference === null ? '' : withUnit(reason.reference, unit);
    switch (reason.flag) {
      case 'below_target':
        return `${higher ? 'di bawah' : 'di atas'} target ${reason.reference === null ? '' : targetText(reason.reference, unit)}${own}`;
      case 'worse_than_parent':
        return `lebih buruk dari ${parentLabel} (${ref})`;
      case 'worse_than_previous':
        return `${higher ? 'turun' : 'naik'} dari ${previousPeriod ?? 'periode sebelumnya'} (${ref})`;
      case 'not_reporting':
        return value?.reporting !== undefined && value.expected !== undefined ? `melapor sebagian (${value.reporting} dari ${value.expected})` : 'tidak melapor';
    }
  };
}

