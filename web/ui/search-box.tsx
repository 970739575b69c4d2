import { useEffect, useId, useState } from 'preact/hooks';
import { fetchJson, searchResponseSchema, searchUrl, type SearchHit } from '../api/client.ts';
import { t } from '../i18n/i18n.ts';
import { ancestorLine } from '../state/region-search.ts';

/** Wait this long after the last key before asking the server: one request per pause, not per letter. */
const DEBOUNCE_MS = 220;
const LIMIT = 8;

type Answer =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly q: string }
  | { readonly status: 'ok'; readonly q: string; readonly hits: readonly SearchHit[] }
  | { readonly status: 'error'; readonly q: string; readonly message: string };

/**
 * Finds any of the 91,599 regions by name or code: a WAI-ARIA 1.2 combobox with a list of
 * suggestions, each with its level and ancestors ("Sukamaju — Desa/kelurahan, Kec. Tigapanah, Kab. Karo,
 * Sumatera Utara"), so that the many villages of one name can be told apart. Keyboard: type, arrow
 * down/up through the list, Enter chooses, Escape closes the list (and clears the box when it is
 * already closed). Requests wait for a pause in typing, and a request that a newer one replaced is
 * cancelled; an answer is shown only for the text it was asked for.
 */
export function SearchBox(props: { onChoose(hit: SearchHit): void }) {
  const id = useId();
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<Answer>({ status: 'idle' });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    if (query === '') {
      setAnswer({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setAnswer({ status: 'loading', q: query });
    fetchJson(searchUrl(query, LIMIT), searchResponseSchema, controller.signal).then(
      (body) => {
        if (!controller.signal.aborted) setAnswer({ status: 'ok', q: query, hits: body.hits });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setAnswer({ status: 'error', q: query, message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [query]);

  // Only an answer to what is in the box now is offered.
  const current = answer.status !== 'idle' && answer.q === text.trim();
  const hits = current && answer.status === 'ok' ? answer.hits : [];
  const expanded = open && hits.length > 0;

  useEffect(() => {
    if (expanded && active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  }, [expanded, active]);

  const choose = (hit: SearchHit) => {
    setText(hit.nama);
    setOpen(false);
    setActive(-1);
    props.onChoose(hit);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (hits.length === 0) return;
        setOpen(true);
        setActive(expanded ? (active + 1) % hits.length : 0);
        return;
      case 'ArrowUp':
        e.preventDefault();
        if (hits.length === 0) return;
        setOpen(true);
        setActive(expanded && active > 0 ? active - 1 : hits.length - 1);
        return;
      case 'Enter': {
        const hit = expanded ? hits[Math.max(active, 0)] : undefined;
        if (hit) {
          e.preventDefault();
          choose(hit);
        }
        return;
      }
      case 'Escape':
        e.preventDefault();
        if (expanded) setOpen(false);
        else setText('');
        setActive(-1);
        return;
    }
  };

  const status = !current
    ? text.trim() !== '' && text.trim() !== query
      ? t('search.searching')
      : ''
    : answer.status === 'loading'
      ? t('search.searching')
      : answer.status === 'error'
        ? t('search.failed', { message: answer.message })
        : answer.status === 'ok' && answer.hits.length === 0
          ? t('search.none', { q: answer.q })
          : answer.status === 'ok' && open
            ? t('search.count', { count: answer.hits.length })
            : '';
  // The count is for screen readers; people see the list itself.
  const statusVisible = current && (answer.status === 'error' || (answer.status === 'ok' && answer.hits.length === 0));

  return (
    <div class="search" data-open={expanded ? '' : undefined}>
      <label for={`${id}-input`}>{t('search.label')}</label>
      <div class="search-field">
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        placeholder={t('search.placeholder')}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" aria-label={t('search.listLabel')} class="search-list" hidden={!expanded}>
        {hits.map((hit, i) => (
          <li
            key={hit.kode}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            class="search-option"
            // The input keeps the focus (and the list stays open) while the pointer chooses.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(hit)}
            onMouseMove={() => i !== active && setActive(i)}
          >
            <span class="search-name">{hit.nama}</span>
            <span class="search-where">
              {t(`level.${hit.level}.one`)}
              {hit.ancestors.length > 0 && `, ${ancestorLine(hit)}`}
            </span>
          </li>
        ))}
      </ul>
      </div>
      {/* A live region without role=status: the page's one status message stays the notice about the indicator. */}
      <p class={statusVisible ? 'search-status' : 'search-status visually-hidden'} aria-live="polite">
        {status}
      </p>
    </div>
  );
}
