import { formatDate } from '../format/date.ts';
import { t } from '../i18n/i18n.ts';
import './panel.css';

/**
 * What the view rests on, under everything else: the sources of the figures shown, whether they are
 * real or demonstration data, when data was last imported, and the boundaries' credit.
 */
export function PanelFooter(props: {
  /** The figures of the view; null while they load (or when the indicator is not reported here). */
  figures: { readonly sources: readonly string[]; readonly demo: boolean; readonly count: number } | null;
  period: string | null;
  /** ISO time of the last import, null when nothing was ever imported, undefined until known. */
  lastImport: string | null | undefined;
}) {
  const { figures } = props;
  return (
    <footer class="panel-footer">
      {figures && (
        <p class="source">
          {figures.sources.length > 0 && t('source.sources', { sources: figures.sources.join('; ') })}
          {figures.demo && t('source.demo')}
          {!figures.demo && figures.count > 0 && t('source.real')}
          {figures.count === 0 && t('source.none', { period: props.period ?? t('source.thisPeriod') })}
        </p>
      )}
      {props.lastImport !== undefined && (
        <p class="source">{props.lastImport === null ? t('source.noImport') : t('source.lastImport', { date: formatDate(props.lastImport) })}</p>
      )}
      <p class="source">
        {t('source.attribution')} · <a href="/api">{t('source.api')}</a>
      </p>
    </footer>
  );
}
