import { CLUSTERS, type ClustersWire } from '../../shared/api/supervision.ts';
import type { Indicator } from '../api/client.ts';
import { formatCount } from '../format/number.ts';
import { language, t } from '../i18n/i18n.ts';
import type { Classification } from '../map/classes.ts';
import { indicatorName } from '../state/indicator-groups.ts';
import type { Fetched } from '../state/use-fetch.ts';
import { clusterScope, shownHere } from '../state/use-supervision.ts';
import type { View } from '../state/view.ts';
import './supervision.css';
import './lagging.css';

/**
 * The panel of the "Klaster" view: the legend of the LISA clusters in words, with how many of the
 * regions on the map fall in each, what "high" means for this indicator, and how it was computed
 * (over which regions, queen neighbours, permutations, significance, seed).
 */
export function ClustersPanel(props: {
  view: View;
  indicator: Indicator | null;
  period: string | null;
  fetched: Fetched<ClustersWire>;
  classification: Classification;
}) {
  const { view, indicator, fetched, classification } = props;
  const level = t(`level.${view.level}.many`);
  if (indicator && (!indicator.levels.includes(view.level) || indicator.kind === 'category')) {
    return (
      <section class="supervision" aria-label={t('mode.clusters')}>
        <p class="notice" role="status">
          {t('lagging.notHere', { indicator: indicatorName(indicator), level })}
        </p>
      </section>
    );
  }
  if (fetched.status !== 'ok') {
    return (
      <section class="supervision" aria-label={t('mode.clusters')} aria-busy={fetched.status === 'loading'}>
        {fetched.status === 'error' ? <p class="error" role="alert">{fetched.message}</p> : <p>{t('common.loading')}</p>}
      </section>
    );
  }
  const data = fetched.data;
  const shown = shownHere(view);
  const counts = CLUSTERS.map(() => 0);
  for (const [kode, region] of Object.entries(data.regions)) if (shown(kode)) counts[CLUSTERS.indexOf(region.cluster)]! += 1;
  const scope = clusterScope(view);
  const computedOver = Object.keys(data.regions).length;
  const significance = data.method.significance.toLocaleString(language() === 'en' ? 'en-GB' : 'id-ID');
  return (
    <section class="supervision" aria-label={t('mode.clusters')}>
      <h2>{t('clusters.title')}</h2>
      <figure class="supervision-figure">
        <figcaption>{t('clusters.shown', { level })}</figcaption>
        <ul class="supervision-legend" aria-label={t('clusters.title')}>
          {CLUSTERS.map((cluster, i) => (
            <li key={cluster} data-cluster={cluster} data-color={classification.colors[i]}>
              <span class={cluster === 'no-neighbours' ? 'swatch swatch-isolated' : 'swatch'} aria-hidden="true" style={{ background: classification.colors[i] }} />
              <span>{classification.labels?.[i]}</span>
              <span class="supervision-count">{formatCount(counts[i] ?? 0)}</span>
            </li>
          ))}
        </ul>
      </figure>
      <p>{t(`clusters.meaning.${data.direction}`)}</p>
      <p class="hint">
        {t('clusters.scope', {
          count: formatCount(computedOver),
          level,
          where: scope === null ? t('app.inIndonesia') : t('clusters.within', { kode: scope }),
          without: formatCount(data.regions_without_value),
        })}{' '}
        {t('clusters.method', { permutations: formatCount(data.method.permutations), significance, seed: data.method.seed })}
      </p>
    </section>
  );
}
