import type { AksiSummary } from '../../shared/api/aksi.ts';
import { formatCount } from '../format/number.ts';
import { language, t } from '../i18n/i18n.ts';

/**
 * The national summary of the aksi konvergensi, drawn as plain SVG: the kab/kota taking part per year
 * (345 in 2021 to 514 in 2024, the real Kemendagri counts), then a table of every aksi by year whose
 * cells are small bars of the share completed, with the count written beside each.
 */

const BAR = { width: 280, row: 22, label: 40, gap: 6 };

export function ParticipationChart(props: { summary: AksiSummary }) {
  const { years, total } = props.summary;
  const height = years.length * BAR.row;
  const scale = (n: number) => ((BAR.width - BAR.label - 60) * n) / Math.max(1, total);
  return (
    <figure class="aksi-chart">
      <figcaption>{t('aksiMode.participation.title')}</figcaption>
      <svg role="img" aria-label={t('aksiMode.participation.title')} viewBox={`0 0 ${BAR.width} ${height}`} width="100%" class="aksi-participation">
        {years.map((y, i) => (
          <g key={y.period} transform={`translate(0 ${i * BAR.row})`}>
            <title>{t('aksiMode.participation.bar', { period: y.period, count: y.participating, total })}</title>
            <text x="0" y={BAR.row / 2 + 4} class="aksi-chart-label">
              {y.period}
            </text>
            <rect x={BAR.label} y="3" width={scale(total)} height={BAR.row - 8} class="aksi-bar-track" />
            <rect x={BAR.label} y="3" width={scale(y.participating)} height={BAR.row - 8} class="aksi-bar" />
            <text x={BAR.label + scale(y.participating) + BAR.gap} y={BAR.row / 2 + 4} class="aksi-chart-number">
              {formatCount(y.participating)}
            </text>
          </g>
        ))}
      </svg>
      <p class="panel-hint">{t('aksiMode.participation.note')}</p>
    </figure>
  );
}

/** Every aksi of any year, in the order the years first list them. */
function aksiRows(summary: AksiSummary) {
  const rows = new Map<string, { id: string; name: string }>();
  for (const y of summary.years) {
    for (const a of y.aksi) if (!rows.has(a.id)) rows.set(a.id, { id: a.id, name: language() === 'en' ? a.name_en : a.nama });
  }
  return [...rows.values()];
}

export function AksiDoneTable(props: { summary: AksiSummary }) {
  const { summary } = props;
  const done = summary.statuses.indexOf('Selesai');
  return (
    <figure class="aksi-chart">
      <figcaption>{t('aksiMode.done.title')}</figcaption>
      <div class="aksi-done-scroll">
        <table class="aksi-done">
          <thead>
            <tr>
              <th scope="col">Aksi</th>
              {summary.years.map((y) => (
                <th key={y.period} scope="col">
                  {y.period}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {aksiRows(summary).map((row) => (
              <tr key={row.id}>
                <th scope="row" title={row.name}>
                  {row.name}
                </th>
                {summary.years.map((y) => {
                  const a = y.aksi.find((x) => x.id === row.id);
                  if (!a) return <td key={y.period} />;
                  const count = a.counts[done] ?? 0;
                  const share = y.participating > 0 ? count / y.participating : 0;
                  return (
                    <td key={y.period} aria-label={t('aksiMode.done.cell', { aksi: row.name, period: y.period, done: count, participating: y.participating })}>
                      <svg viewBox="0 0 40 8" width="40" height="8" aria-hidden="true" class="aksi-mini">
                        <rect width="40" height="8" class="aksi-bar-track" />
                        <rect width={40 * share} height="8" class="aksi-bar" />
                      </svg>
                      <span class="aksi-done-count">{formatCount(count)}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="panel-hint">{t('aksiMode.done.legend')}</p>
    </figure>
  );
}
