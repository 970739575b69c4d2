import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ChildRegion, Indicator, RegionValue } from '../api/client.ts';
import { formatCount } from '../format/number.ts';
import { valueText } from '../format/region-value.ts';
import { t } from '../i18n/i18n.ts';
import { indicatorName } from '../state/indicator-groups.ts';
import { defaultSort, nextSort, rankable, rankingRows, sortRows, type Sort, type SortKey } from '../state/ranking.ts';
import { drillDown, viewToSearch, type Level, type View } from '../state/view.ts';
import { Collapsible, startsOpen } from './collapsible.tsx';
import { DemoTag } from './demo-tag.tsx';
import './panel.css';

/** Rows shown at first, and added by each "more" button. */
export const ROWS_PER_PAGE = 100;

/**
 * The regions on the map as a table: the keyboard's way to every region and the screen reader's
 * alternative to the map. It follows the map (same regions, indicator, period and values); its
 * caption says what it shows. Columns sort by click or Enter on their header (aria-sort says how);
 * a row's name button selects the region (`select=` in the URL: highlighted on the map, profiled in
 * the panel), its › link opens the region. Arrow keys move between the rows' name buttons.
 */
export function RankingTable(props: {
  view: View;
  indicator: Indicator;
  period: string;
  regions: readonly Pick<ChildRegion, 'kode' | 'nama'>[];
  values: Readonly<Record<string, RegionValue>>;
  /** "di Nusa Tenggara Timur", "di Indonesia". */
  where: string;
  onNavigate(next: View): void;
}) {
  const { view, indicator } = props;
  const canRank = rankable(indicator);
  const rows = useMemo(
    () => rankingRows(props.regions, props.values, canRank ? indicator.direction : null),
    [props.regions, props.values, canRank, indicator.direction],
  );
  const hasFraction = rows.some((r) => r.numerator !== null && r.denominator !== null);
  const [chosen, setSort] = useState<Sort>(() => defaultSort(canRank));
  // A sort the current indicator cannot do (no ranks, no fractions) falls back to its default.
  const sort = (chosen.key === 'rank' && !canRank) || (chosen.key === 'fraction' && !hasFraction) ? defaultSort(canRank) : chosen;
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  const level = view.level;
  // Thousands of rows (all kecamatan of Indonesia) would make every repaint of the panel slow and the
  // table endless to tab through: it shows a page in the chosen order, and more on request.
  const [limit, setLimit] = useState(ROWS_PER_PAGE);
  useEffect(() => setLimit(ROWS_PER_PAGE), [view.region, view.level]);
  const visible = sorted.length > limit ? sorted.slice(0, limit) : sorted;

  // The rank column is headed "#" on screen (the panel is narrow); its name is still "Peringkat".
  const columns: { key: SortKey; label: string; short?: string; numeric: boolean }[] = [
    ...(canRank ? [{ key: 'rank' as const, label: t('ranking.col.rank'), short: '#', numeric: true }] : []),
    { key: 'name', label: t('ranking.col.name'), numeric: false },
    { key: 'value', label: t('ranking.col.value'), numeric: true },
    ...(hasFraction ? [{ key: 'fraction' as const, label: t('ranking.col.fraction'), numeric: true }] : []),
  ];
  // When every figure is demonstration data the caption says so once; a mix marks each demo row.
  const demoRows = rows.filter((r) => r.demo).length;
  const markRows = demoRows > 0 && demoRows < rows.filter((r) => r.value !== null).length;
  const select = (kode: string) => props.onNavigate({ ...view, selected: view.selected === kode ? null : kode });

  return (
    <Collapsible title={t('ranking.title', { level: t(`level.${level}.many`) })} summary={String(rows.length)} open={startsOpen()} class="ranking">
      <p class="panel-hint">{t('ranking.selectHint')}</p>
      <div class="ranking-scroll">
        <table class="ranking-table">
          <caption>
            {t('ranking.caption', { indicator: indicatorName(indicator), period: props.period, level: t(`level.${level}.many`), where: props.where })}
            {canRank && <span class="ranking-best"> {t(indicator.direction === 'lower' ? 'ranking.best.lower' : 'ranking.best.higher')}</span>}
            {demoRows > 0 && <span class="ranking-best"> {t(markRows ? 'ranking.demo' : 'ranking.allDemo')}</span>}
          </caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" class={c.numeric ? 'num' : undefined} aria-sort={sort.key === c.key ? sort.direction : undefined}>
                  <button type="button" class="sort-button" onClick={() => setSort(nextSort(sort, c.key))}>
                    {c.short ? (
                      <>
                        <span aria-hidden="true">{c.short}</span>
                        <span class="visually-hidden">{c.label}</span>
                      </>
                    ) : (
                      // "Pembilang/penyebut" may break after its slash in a narrow panel.
                      c.label.split('/').map((part, i) => (i === 0 ? part : [<wbr key={i} />, `/${part}`]))
                    )}
                    <span class="sort-marker" aria-hidden="true">
                      {sort.key === c.key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              ))}
              <th scope="col">
                <span class="visually-hidden">{t('ranking.col.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody onKeyDown={moveBetweenRows}>
            {visible.map((row) => {
              const selected = view.selected === row.kode;
              const drill = drillDown(view, row.kode);
              return (
                <tr key={row.kode} class={selected ? 'is-selected' : undefined} onClick={() => select(row.kode)}>
                  {canRank && <td class="num">{row.rank ?? '–'}</td>}
                  <th scope="row">
                    <button
                      type="button"
                      class="row-select"
                      aria-pressed={selected}
                      onClick={(e) => {
                        e.stopPropagation();
                        select(row.kode);
                      }}
                    >
                      {row.nama}
                    </button>
                  </th>
                  <td class="num">
                    {row.value === null ? (
                      <span title={t('common.noData')}>
                        <span aria-hidden="true">–</span>
                        <span class="visually-hidden">{t('common.noData')}</span>
                      </span>
                    ) : (
                      valueText(row.value, indicator)
                    )}
                    {row.demo && markRows && <DemoTag />}
                  </td>
                  {hasFraction && (
                    <td class="num">
                      {row.numerator !== null && row.denominator !== null ? `${formatCount(row.numerator)}/${formatCount(row.denominator)}` : '–'}
                    </td>
                  )}
                  <td class="drill">
                    {drill && <DrillLink view={drill} level={drill.level} name={row.nama} onNavigate={props.onNavigate} />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {visible.length < sorted.length && (
        <button type="button" class="ranking-more" onClick={() => setLimit((n) => n + ROWS_PER_PAGE)}>
          {t('ranking.more', { count: formatCount(Math.min(ROWS_PER_PAGE, sorted.length - visible.length)), shown: formatCount(visible.length), total: formatCount(sorted.length) })}
        </button>
      )}
      {rows.length === 0 && <p class="panel-hint">{t('ranking.empty')}</p>}
    </Collapsible>
  );
}

function DrillLink(props: { view: View; level: Level; name: string; onNavigate(next: View): void }) {
  const label = t('profile.drillIn', { level: t(`level.${props.level}.many`), name: props.name });
  return (
    <a
      href={viewToSearch(props.view)}
      aria-label={label}
      title={label}
      onClick={(e) => {
        e.stopPropagation();
        // Ordinary clicks stay in the page; modified clicks open a tab as usual.
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        props.onNavigate(props.view);
      }}
    >
      ›
    </a>
  );
}

/** ArrowUp/ArrowDown (and Home/End) move the focus between the rows' name buttons. */
function moveBetweenRows(e: KeyboardEvent) {
  const target = e.target;
  if (!(target instanceof HTMLElement) || !target.classList.contains('row-select')) return;
  const buttons = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('button.row-select')];
  const index = buttons.indexOf(target as HTMLButtonElement);
  const next =
    e.key === 'ArrowDown' ? buttons[index + 1] : e.key === 'ArrowUp' ? buttons[index - 1] : e.key === 'Home' ? buttons[0] : e.key === 'End' ? buttons.at(-1) : undefined;
  if (!next) return;
  e.preventDefault();
  next.focus();
}
