import { explorerUrl } from '../embed/embed-options.ts';
import { t } from '../i18n/i18n.ts';
import { creditLines, publishedAltText, publishedTitle, type PublishedMap } from './figure.ts';
import { parseCsv, xlsxBytes, type Cell } from './xlsx.ts';

/**
 * The data of a published map as files: exactly the rows of GET /api/values.csv for the view (the
 * values the map paints, with names, ancestors, sources and demonstration flags, made safe for
 * spreadsheets by the server), as CSV, or as XLSX built here from that same CSV with a second sheet
 * that says where the figures come from.
 */
export function valuesCsvUrl(map: PublishedMap): string | null {
  if (map.period === null) return null;
  const params = new URLSearchParams({ indicator: map.indicator.id, period: map.period, level: map.view.level });
  if (map.view.region !== 'ID') params.set('parent', map.view.region);
  return `/api/values.csv?${params.toString()}`;
}

async function fetchCsv(map: PublishedMap): Promise<string> {
  const url = valuesCsvUrl(map);
  if (url === null) throw new Error(t('source.none', { period: t('source.thisPeriod') }));
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return response.text();
}

export async function csvBlob(map: PublishedMap): Promise<Blob> {
  return new Blob([await fetchCsv(map)], { type: 'text/csv;charset=utf-8' });
}

/** Columns written as numbers in XLSX; every other column (codes above all: "53.01") stays text. */
const NUMERIC = new Set(['nilai', 'pembilang', 'penyebut', 'melapor', 'dari']);

export async function xlsxBlob(map: PublishedMap): Promise<Blob> {
  const [header = [], ...rows] = parseCsv(await fetchCsv(map)).filter((row) => row.some((cell) => cell !== ''));
  const numeric = header.map((name) => NUMERIC.has(name));
  const data: Cell[][] = [header, ...rows.map((row) => row.map((cell, i): Cell => (numeric[i] && cell !== '' && Number.isFinite(Number(cell)) ? Number(cell) : cell)))];
  const about: Cell[][] = [
    [publishedTitle(map)],
    ...creditLines(map).map((line) => [line]),
    [publishedAltText(map)],
    [explorerUrl(window.location.origin, map.view)],
  ];
  const bytes = xlsxBytes([
    { name: 'data', rows: data },
    { name: t('publish.about'), rows: about },
  ]);
  return new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
