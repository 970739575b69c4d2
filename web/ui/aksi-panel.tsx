import { useState } from 'preact/hooks';
import type { AksiSummary, AksiTable } from '../../shared/api/aksi.ts';
import { formatBreak, formatCount } from '../format/number.ts';
import { categoryLabel } from '../format/region-value.ts';
import { language, t } from '../i18n/i18n.ts';
import type { Classification } from '../map/classes.ts';
import { AksiDoneTable, ParticipationChart } from './aksi-summary-chart.tsx';
import './supervision.css';

/**
 * The panel of the "Aksi konvergensi" view: the year, the performance categories painted on the map
 * (with how many kab/kota each), the national summary, and for a province a sortable table of its
 * kab/kota, each aksi as an icon and a word (never colour alone). Rows are linked to the map:
 * pointing at one outlines the kab/kota, choosing one selects it.
 */

const ICONS = ['○', '◐', '✓'];

type SortKey = 'nama' | 'selesai' | 'skor' | 'kategori' | `aksi:${number}`;

export function YearSelect(props: { period: string; periods: readonly string[]; onPeriod(period: string): void }) {
  return (
    <label class="supervision-year">
      {t('aksiMode.period')}{' '}
      <select value={props.period} onChange={(e) => props.onPeriod(e.currentTarget.value)}>
        {props.periods.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
    </label>
  );
}

export function AksiPanel(props: {
  period: string;
  periods: readonly string[];
  onPeriod(period: string): void;
  province: string | null;
  categories: Classification;
  categoryValues: ReadonlyMap<string, number> | null;
  summary: AksiSummary | null;
  table: AksiTable | null;
  selected: string | null;
  highlighted: string | null;
  onPoint(kode: string | null): void;
  onChoose(kode: string): void;
  errors: readonly string[];
}) {
  const labels = props.categories.labels ?? [];
  const counts = labels.map((_, i) => [...(props.categoryValues?.values() ?? [])].filter((v) => Math.round(v) === i).length);
  const provinceName = props.table?.rows[0]?.provinsi_nama ?? props.province ?? '';
  const where = props.province === null ? 'Indonesia' : provinceName;
  return (
    <section class="supervision" aria-label={t('mode.aksi')}>
      <h2>{t('aksiMode.heading', { period: props.period })}</h2>
      <YearSelect period={props.period} periods={props.periods} onPeriod={props.onPeriod} />
      <p class="demo-badge">{t('aksiMode.demo')}</p>
      <p class="panel-hint">{t('aksiMode.mapNote', { where })}</p>
      <ul class="supervision-legend" aria-label={t('legend.list')}>
        {labels.map((label, i) => (
          <li key={label}>
            <span class="swatch" aria-hidden="true" style={{ background: props.categories.colors[i] }} />
            <span>{label}</span>
            <span class="supervision-count">{props.categoryValues ? formatCount(counts[i] ?? 0) : '…'}</span>
          </li>
        ))}
      </ul>
      {props.province !== null && props.table && (
        <AksiRegionTable table={props.table} selected={props.selected} highlighted={props.highlighted} onPoint={props.onPoint} onChoose={props.onChoose} />
      )}
      {props.province === null && <p class="hint">{t('aksiMode.table.hint')}</p>}
      {props.summary && <ParticipationChart summary={props.summary} />}
      {props.summary && <AksiDoneTable summary={props.summary} />}
      {props.errors.map((message) => (
        <p key={message} class="error" role="alert">
          {t('app.loadError', { message })}
        </p>
      ))}
    </section>
  );
}

function AksiRegionTable(props: {
  table: AksiTable;
  selected: string | null;
  highlighted: string | null;
  onPoint(kode: string | null): void;
  onChoose(kode: string): void;
}) {
  const { table } = props;
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'selesai', descending: true });
  const keyOf = (row: AksiTable['rows'][number]): string | number | null => {
    if (sort.key === 'nama') return row.nama;
    if (sort.key === 'selesai') return row.selesai;
    if (sort.key === 'skor') return row.skor;
    if (sort.key === 'kategori') return row.kategori;
    return row.status[Number(sort.key.slice(5))] ?? null;
  };
  const rows = [...table.rows].sort((a, b) => {
    const [x, y] = [keyOf(a), keyOf(b)];
    // Kab/kota without a figure go last whichever way the column is sorted.
    if (x === null || y === null) return x === y ? a.nama.localeCompare(b.nama) : x === null ? 1 : -1;
    const order = typeof x === 'string' ? x.localeCompare(String(y), language()) : x - Number(y);
    return (sort.descending ? -order : order) || a.nama.localeCompare(b.nama);
  });
  const header = (key: SortKey, label: string, title?: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'} title={title}>
        <button type="button" onClick={() => setSort({ key, descending: active ? !sort.descending : key !== 'nama' })}>
          {label}
          <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </th>
    );
  };
  const aksiName = (a: AksiTable['aksi'][number]) => (language() === 'en' ? a.name_en : a.nama);
  const title = t('aksiMode.table.title', { name: table.rows[0]?.provinsi_nama ?? '', period: table.period });
  return (
    <div>
      {/* The title stays put above the table, which scrolls sideways under it. */}
      <p class="aksi-table-title">
        <strong>{title}</strong>
        <span class="panel-hint">{t('aksiMode.table.caption')}</span>
      </p>
      <div class="aksi-table-wrap">
      <table class="aksi-table" aria-label={title}>
        <thead>
          <tr>
            {header('nama', t('aksiMode.table.region'))}
            {table.aksi.map((a, i) => header(`aksi:${i}`, String(i + 1), aksiName(a)))}
            {header('selesai', t('aksiMode.table.done'))}
            {header('skor', t('aksiMode.table.score'))}
            {header('kategori', t('aksiMode.table.category'))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.kode}
              aria-selected={row.kode === props.selected}
              class={row.kode === props.highlighted ? 'is-highlighted' : undefined}
              onMouseEnter={() => props.onPoint(row.kode)}
              onMouseLeave={() => props.onPoint(null)}
              onClick={() => props.onChoose(row.kode)}
            >
              <th scope="row">
                <button type="button" class="link-button" onClick={(e) => (e.stopPropagation(), props.onChoose(row.kode))} onFocus={() => props.onPoint(row.kode)} onBlur={() => props.onPoint(null)}>
                  {row.nama}
                </button>
              </th>
              {row.status.map((s, i) => {
                const word = s === null ? null : categoryLabel(table.statuses[s] ?? '');
                return (
                  <td key={i} class={`aksi-status is-${s ?? 'none'}`} title={word === null ? undefined : `${aksiName(table.aksi[i] as AksiTable['aksi'][number])}: ${word}`}>
                    {s === null ? '–' : (
                      <>
                        <span aria-hidden="true">{ICONS[s]}</span>
                        <span class="aksi-status-word">{word}</span>
                      </>
                    )}
                  </td>
                );
              })}
              <td class="num">{row.selesai === null ? t('aksiMode.table.notParticipating') : `${row.selesai}/${table.aksi.length}`}</td>
              <td class="num">{row.skor === null ? '–' : formatBreak(row.skor)}</td>
              <td>{row.kategori === null ? '–' : (table.categories[row.kategori] ?? '')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </div>
  );
}
