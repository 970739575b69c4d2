import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatValue } from '../format/number.ts';
import { t, setLanguage } from '../i18n/i18n.ts';
import { creditLines, legendRows, publishedAltText, publishedTitle } from '../export/figure.ts';
import type { RegionHit } from '../map/create-map.ts';
import { drillDown, parseView, type View } from '../state/view.ts';
import { MapView } from '../ui/map-view.tsx';
import { Tooltip } from '../ui/tooltip.tsx';
import { explorerUrl, parseEmbedOptions } from './embed-options.ts';
import { usePublishedMap } from './use-published-map.ts';
import './embed.css';

/** Tells the page that frames this one how tall it is, so its snippet can size the iframe (embed-options.ts). */
function usePostHeight(element: { current: HTMLElement | null }) {
  useEffect(() => {
    if (window.parent === window || !element.current) return;
    let last = -1;
    const post = () => {
      // The figure's own height: the document's scrollHeight never drops below the iframe's height,
      // so a narrower (shorter) embed would never be reported.
      const figure = element.current;
      if (!figure) return;
      const height = Math.ceil(figure.getBoundingClientRect().bottom + window.scrollY);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: 'peta-embed-height', height }, '*');
    };
    const observer = new ResizeObserver(post);
    observer.observe(element.current);
    window.addEventListener('load', post);
    post();
    return () => {
      observer.disconnect();
      window.removeEventListener('load', post);
    };
  }, [element]);
}

/**
 * The embeddable map at `/embed`: the explorer's URL grammar with the embed options (embed-options.ts),
 * minimal chrome, and always the source, period, demonstration label and data date, the generated
 * description, and a link to the same view in the explorer.
 */
export function EmbedApp() {
  const [search, setSearch] = useState(() => window.location.search);
  const options = useMemo(() => parseEmbedOptions(search), [search]);
  const view = useMemo<View>(() => {
    const parsed = parseView(search);
    return options.locked ? { ...parsed, lockLevel: true } : parsed;
  }, [search, options.locked]);
  setLanguage(view.lang);
  const { mapState, published, error } = usePublishedMap(view, options.title);
  const [hover, setHover] = useState<RegionHit | null>(null);
  const root = useRef<HTMLElement>(null);
  usePostHeight(root);

  // Drilling down inside an embed replaces its URL (no history in someone else's page).
  const go = useCallback((next: View) => {
    const params = new URLSearchParams(window.location.search);
    const nextParams = new URLSearchParams(next.region === view.region ? window.location.search : '');
    if (next.region !== view.region) {
      for (const [k, v] of params) if (k !== 'region' && k !== 'level' && k !== 'map' && k !== 'select') nextParams.set(k, v);
      nextParams.set('level', next.level);
      nextParams.set('region', next.region);
    }
    window.history.replaceState(null, '', `${window.location.pathname}?${nextParams.toString()}`);
    setSearch(window.location.search);
  }, [view.region]);
  const onSelect = useCallback(
    (hit: RegionHit) => {
      const next = options.locked ? null : drillDown(view, hit.kode);
      if (next) go(next);
      else setHover(hit);
    },
    [options.locked, view, go],
  );
  useEffect(() => setHover(null), [view.region]);

  const title = published ? publishedTitle(published) : t('app.title');
  const description = published ? publishedAltText(published) : t('common.loading');
  useEffect(() => {
    document.title = title;
  }, [title]);
  const value = hover && published?.values[hover.kode];

  return (
    <figure ref={root} class="embed" aria-labelledby="embed-title" aria-describedby="embed-description">
      <header class="embed-header">
        <h1 id="embed-title">{title}</h1>
      </header>
      <div class="embed-map" role="img" aria-label={title} aria-describedby="embed-description">
        <MapView
          state={mapState}
          interactive={!options.static}
          onHover={setHover}
          onSelect={onSelect}
          onCamera={() => {}}
          onLevelZoom={(region) => {
            if (options.locked) return;
            const next = drillDown(view, region);
            if (next) go(next);
          }}
        />
        {hover && <Tooltip hit={hover} value={value ? formatValue(value.value, published?.unit ?? '') : t('common.noData')} />}
      </div>
      {published && options.legend && (
        <ul class="embed-legend" aria-label={t('publish.legend')}>
          {legendRows(published).map((row) => (
            <li key={row.label}>
              <span class="embed-swatch" style={{ background: row.color }} />
              {row.label}
            </li>
          ))}
        </ul>
      )}
      <figcaption id="embed-description" class="embed-caption">
        {description}
      </figcaption>
      <footer class="embed-credits">
        {published && creditLines(published).map((line) => <p key={line} class={line === t('publish.demo') ? 'embed-demo' : undefined}>{line}</p>)}
        {error && <p role="alert">{t('app.loadError', { message: error })}</p>}
        <p>
          <a href={explorerUrl(window.location.origin, view)} target="_blank" rel="noopener">
            {t('publish.viewFull')}
          </a>
        </p>
      </footer>
    </figure>
  );
}
