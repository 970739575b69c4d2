import type { ChildRegion, Indicator, RegionValue } from '../api/client.ts';
import { formatDate } from '../format/date.ts';
import { breakFormatFor } from '../format/number.ts';
import { t } from '../i18n/i18n.ts';
import { classIndex, classLabels, type Classification } from '../map/classes.ts';
import { PALETTE } from '../map/style.ts';
import { indicatorName } from '../state/indicator-groups.ts';
import type { View } from '../state/view.ts';
import { altText } from './alt-text.ts';

/**
 * A map as it is published (embedded, exported, printed): what it shows and what it must carry
 * with it, its source, period, demonstration label and data date. Made from the data the map
 * paints, so that every published form says the same thing.
 */
export interface PublishedMap {
  readonly view: View;
  readonly indicator: Indicator;
  /** The period of the figures (the indicator's default when the view names none). */
  readonly period: string | null;
  readonly unit: string;
  /** The region whose children are shown; null for Indonesia. */
  readonly regionName: string | null;
  readonly values: Readonly<Record<string, RegionValue>>;
  /** The regions shown, with names (GET /api/regions/{kode}/children). */
  readonly regions: readonly ChildRegion[];
  readonly classification: Classification;
  /** When data was last imported (ISO), null for the shipped data only. */
  readonly lastImport: string | null;
  /** A title chosen by the publisher; the indicator's name and place otherwise. */
  readonly title?: string | null;
}

export function publishedTitle(map: PublishedMap): string {
  if (map.title) return map.title;
  const where = map.regionName === null ? 'Indonesia' : map.regionName;
  return `${indicatorName(map.indicator)} · ${where}${map.period ? ` · ${map.period}` : ''}`;
}

export function publishedSources(map: PublishedMap): string[] {
  return [...new Set(Object.values(map.values).filter((v) => !v.demo).map((v) => v.source))].filter(Boolean).sort();
}

export function publishedDemo(map: PublishedMap): boolean {
  return Object.values(map.values).some((v) => v.demo);
}

/** The lines every published map carries, in order: source, period, demonstration label, data date. */
export function creditLines(map: PublishedMap): string[] {
  const sources = publishedSources(map);
  return [
    ...(sources.length > 0 ? [t('source.sources', { sources: sources.join('; ') }).trim()] : []),
    t('publish.period', { period: map.period ?? '—' }),
    ...(publishedDemo(map) ? [t('publish.demo')] : []),
    map.lastImport === null ? t('publish.dataDate.shipped') : t('publish.dataDate', { date: formatDate(map.lastImport) }),
    t('source.attribution'),
  ];
}

export interface LegendRow {
  readonly color: string;
  readonly label: string;
}

/** The legend of a published map: its classes and "tidak ada data". */
export function legendRows(map: PublishedMap): LegendRow[] {
  const rows = classLabels(map.classification, breakFormatFor(map.unit), t('legend.allValues'));
  return [...rows.map(({ color, label }) => ({ color, label })), { color: PALETTE.noDataBackground, label: t('publish.noData') }];
}

/** The fill of a region: its class colour, or the no-data colour. */
export function regionColour(map: PublishedMap, kode: string): string {
  const v = map.values[kode];
  if (!v || !Number.isFinite(v.value)) return PALETTE.noDataBackground;
  return map.classification.colors[classIndex(v.value, map.classification.breaks)] ?? PALETTE.noDataBackground;
}

export function publishedAltText(map: PublishedMap): string {
  return altText({
    indicator: indicatorName(map.indicator),
    unit: map.unit,
    target: map.indicator.target,
    direction: map.indicator.direction,
    level: map.view.level,
    regionName: map.regionName,
    period: map.period,
    regions: map.regions.map((r) => ({ nama: r.nama, value: map.values[r.kode]?.value ?? null })),
    demo: publishedDemo(map),
  });
}

/** A file name for downloads: "prevalensi_stunting_2022_kabkota_53". */
export function fileStem(map: PublishedMap): string {
  return [map.indicator.id, map.period ?? 'terbaru', map.view.level, map.view.region === 'ID' ? null : map.view.region].filter(Boolean).join('_');
}

/** The published map of the explorer's current state, or null until its figures and names are in (ui/app.tsx). */
export function toPublishedMap(input: {
  view: View;
  indicator: Indicator | null;
  period: string | null;
  unit: string;
  regionName: string | null;
  values: Readonly<Record<string, RegionValue>> | null;
  regions: readonly ChildRegion[] | null;
  classification: Classification;
  lastImport: string | null | undefined;
}): PublishedMap | null {
  const { view, indicator, values, regions, lastImport } = input;
  if (indicator === null || values === null || regions === null || lastImport === undefined) return null;
  if (view.region !== 'ID' && input.regionName === null) return null;
  return { ...input, indicator, values, regions, lastImport, regionName: view.region === 'ID' ? null : input.regionName };
}
