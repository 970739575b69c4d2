import { useEffect, useRef, useState } from 'preact/hooks';
import { embedSnippet, embedUrl, explorerUrl, EMBED_DEFAULTS, type EmbedOptions } from '../embed/embed-options.ts';
import { publishedTitle, type PublishedMap } from '../export/figure.ts';
import { t } from '../i18n/i18n.ts';
import type { Language } from '../state/view.ts';
import './publish.css';

/** Copies text, with a fallback for pages where the Clipboard API is refused (http, old browsers). */
export async function copyText(text: string, field: HTMLTextAreaElement | HTMLInputElement | null): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    field?.select();
    document.execCommand('copy');
  }
}

export function CopyField(props: { label: string; value: string; rows?: number; name: string }) {
  const field = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => setCopied(false), [props.value]);
  return (
    <div class="copy-field">
      <label for={`copy-${props.name}`}>{props.label}</label>
      <textarea id={`copy-${props.name}`} ref={field} readOnly rows={props.rows ?? 3} value={props.value} onFocus={(e) => e.currentTarget.select()} />
      <button type="button" onClick={() => copyText(props.value, field.current).then(() => setCopied(true))}>
        {copied ? t('publish.copied') : t('publish.copy')}
      </button>
    </div>
  );
}

/**
 * "Bagikan / Sematkan": a modal dialog (the native <dialog>: the page behind is inert, focus stays
 * inside, Escape closes) with the embed's options, a live preview in an iframe, and the snippet and
 * link to copy. "Live" embeds leave the period out of the URL, so they follow the latest data.
 */
export function ShareDialog(props: { published: PublishedMap | null }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<EmbedOptions>(EMBED_DEFAULTS);
  const [live, setLive] = useState(true);
  const [lang, setLang] = useState<Language | null>(null);
  const { published } = props;

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const view = published ? { ...published.view, lang: lang ?? published.view.lang, period: live ? null : published.period } : null;
  const url = view ? embedUrl(window.location.origin, view, options) : '';
  const title = published ? (options.title ?? publishedTitle(published)) : '';
  // The preview follows the options a moment after typing stops, not on every key.
  const [previewUrl, setPreviewUrl] = useState(url);
  useEffect(() => {
    const timer = setTimeout(() => setPreviewUrl(url), 400);
    return () => clearTimeout(timer);
  }, [url]);

  const set = (change: Partial<EmbedOptions>) => setOptions({ ...options, ...change });
  return (
    <>
      <button type="button" ref={opener} class="publish-button" disabled={!published} onClick={() => setOpen(true)}>
        {t('publish.share')}
      </button>
      <dialog
        ref={dialog}
        class="share-dialog"
        aria-labelledby="share-title"
        onClose={() => {
          setOpen(false);
          opener.current?.focus();
        }}
      >
        {open && published && view && (
          <div class="share-layout">
            <header class="share-header">
              <h2 id="share-title">{t('publish.dialogTitle')}</h2>
              <button type="button" class="share-close" onClick={() => setOpen(false)}>
                {t('publish.close')}
              </button>
            </header>
            <fieldset class="share-options">
              <legend>{t('publish.options')}</legend>
              <label>
                {t('publish.option.title')}
                <input type="text" maxLength={120} placeholder={publishedTitle(published)} value={options.title ?? ''} onInput={(e) => set({ title: e.currentTarget.value.trim() || null })} />
              </label>
              <label>
                <input type="checkbox" checked={options.legend} onChange={(e) => set({ legend: e.currentTarget.checked })} /> {t('publish.option.legend')}
              </label>
              <label>
                <input type="checkbox" checked={options.locked} onChange={(e) => set({ locked: e.currentTarget.checked })} /> {t('publish.option.locked')}
              </label>
              <label>
                <input type="checkbox" checked={options.static} onChange={(e) => set({ static: e.currentTarget.checked })} /> {t('publish.option.static')}
              </label>
              <label>
                {t('publish.option.lang')}
                <select value={view.lang} onChange={(e) => setLang(e.currentTarget.value === 'en' ? 'en' : 'id')}>
                  <option value="id">Bahasa Indonesia</option>
                  <option value="en">English</option>
                </select>
              </label>
              <fieldset>
                <legend>{t('publish.data')}</legend>
                <label>
                  <input type="radio" name="share-period" checked={live} onChange={() => setLive(true)} /> {t('publish.data.live')}
                </label>
                <label>
                  <input type="radio" name="share-period" checked={!live} onChange={() => setLive(false)} /> {t('publish.data.fixed', { period: published.period ?? '—' })}
                </label>
              </fieldset>
            </fieldset>
            <div class="share-preview">
              <h3>{t('publish.preview')}</h3>
              <iframe src={previewUrl} title={`${t('publish.preview')}: ${title}`} />
            </div>
            <div class="share-copy">
              <CopyField name="snippet" label={t('publish.snippet')} value={embedSnippet(url, title)} rows={5} />
              <CopyField name="link" label={t('publish.link')} value={explorerUrl(window.location.origin, { ...view, camera: published.view.camera })} rows={2} />
            </div>
          </div>
        )}
      </dialog>
    </>
  );
}
