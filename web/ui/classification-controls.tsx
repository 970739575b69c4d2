import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n.ts';
import { unavailableReason, type Classed, type ClassifiedIndicator } from '../map/classify.ts';
import { breaksToText, parseBreaks } from '../map/manual-breaks.ts';
import { CLASS_METHODS, type ClassMethod, type Language } from '../state/view.ts';

/**
 * How the values are put into classes: a native select of the methods (those that make no sense for
 * the indicator are disabled and say why), a text field for breaks typed by hand, and the one-click
 * "belum mencapai target" view. Every choice is a navigation: the URL keeps it.
 */
export function ClassificationControls(props: {
  indicator: ClassifiedIndicator;
  method: ClassMethod;
  breaks: readonly number[] | null;
  classed: Classed;
  lang: Language;
  onChange(method: ClassMethod, breaks: readonly number[] | null): void;
}) {
  const { indicator, classed, lang } = props;
  const change = classed.method === 'change';
  const [editing, setEditing] = useState(props.method === 'manual');
  const [text, setText] = useState(() => breaksToText(props.breaks ?? [], lang));
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // The field follows the URL (back and forward, a shared link).
  const breaksKey = JSON.stringify(props.breaks);
  useEffect(() => {
    setText(breaksToText(props.breaks ?? [], lang));
    setError(null);
    setEditing(props.method === 'manual');
  }, [breaksKey, props.method, lang]);

  const optionText = (method: ClassMethod) => {
    const name = t(`legend.method.${method}`);
    const reason = unavailableReason(indicator, method);
    if (reason === 'categories') return t('legend.method.notForCategories', { method: name });
    if (reason === 'noTarget' || reason === 'noDirection') return t('legend.method.noTarget', { method: name });
    return name;
  };
  const everythingDisabled = change || unavailableReason(indicator, 'quantile') === 'categories';
  const belowAvailable = !change && unavailableReason(indicator, 'below') === null;

  const choose = (method: ClassMethod) => {
    setNotice(null);
    setError(null);
    if (method !== 'manual') {
      setEditing(false);
      props.onChange(method, props.breaks);
      return;
    }
    // Start from the breaks on screen, so that a person only adjusts them.
    const current = classed.classification.labels ? [] : classed.classification.breaks;
    setEditing(true);
    setText(breaksToText(props.breaks ?? current, lang));
    if (current.length > 0 || props.breaks !== null) props.onChange('manual', props.breaks ?? current);
  };

  const apply = () => {
    const parsed = parseBreaks(text, lang);
    if (!parsed.ok) {
      const { problem } = parsed;
      setError('params' in problem ? t(problem.key, problem.params) : t(problem.key));
      setNotice(null);
      return;
    }
    setError(null);
    setNotice(parsed.tidied ? t('legend.manual.tidied') : null);
    setText(breaksToText(parsed.breaks, lang));
    props.onChange('manual', parsed.breaks);
  };

  const shownMethod = editing ? 'manual' : classed.method === 'change' ? 'auto' : classed.method;
  return (
    <section class="class-controls" aria-labelledby="class-controls-title">
      <h2 id="class-controls-title" class="legend-title">
        {t('legend.controls')}
      </h2>
      {change ? (
        // The map shows a change: its diverging scale is the only one that fits.
        <p class="control-hint control-hint-always">{t('legend.method.inChange')}</p>
      ) : (
        <>
          <label class="control-label" for="metode-kelas">
            {t('legend.method.label')}
          </label>
          <select
            id="metode-kelas"
            value={shownMethod}
            disabled={everythingDisabled}
            onChange={(e) => {
              const chosen = CLASS_METHODS.find((m) => m === e.currentTarget.value);
              if (chosen) choose(chosen);
            }}
          >
            {CLASS_METHODS.map((method) => (
              <option key={method} value={method} disabled={unavailableReason(indicator, method) !== null}>
                {optionText(method)}
              </option>
            ))}
          </select>
        </>
      )}
      {editing && !everythingDisabled && !change && (
        <form
          class="manual-breaks"
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <label class="control-label" for="batas-kelas">
            {t('legend.manual.label')}
          </label>
          <div class="manual-row">
            <input
              id="batas-kelas"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              spellcheck={false}
              value={text}
              aria-invalid={error !== null}
              aria-describedby={error !== null ? 'batas-kelas-galat batas-kelas-petunjuk' : 'batas-kelas-petunjuk'}
              onInput={(e) => setText(e.currentTarget.value)}
            />
            <button type="submit">{t('legend.manual.apply')}</button>
          </div>
          <p id="batas-kelas-petunjuk" class="control-hint">
            {t('legend.manual.hint')}
          </p>
          {error !== null && (
            <p id="batas-kelas-galat" class="control-error" role="alert">
              {error}
            </p>
          )}
          {notice !== null && (
            <p class="control-hint" role="status">
              {notice}
            </p>
          )}
        </form>
      )}
      {belowAvailable && (
        <button
          type="button"
          class="below-target"
          aria-pressed={props.method === 'below'}
          onClick={() => choose(props.method === 'below' ? 'auto' : 'below')}
        >
          {t('legend.below.button')}
        </button>
      )}
    </section>
  );
}
