import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/i18n.ts';

/** How long each year is shown while playing, counted from when its values have arrived. */
export const PLAY_STEP_MS = 1500;

export interface PeriodChoice {
  readonly period: string;
  /** The earlier period of change mode, or null. */
  readonly compare: string | null;
}

/**
 * The year shown, a play button that steps through the years, and change mode (compare with an
 * earlier year). A year picked by hand is a history entry; the steps of play replace the current
 * entry, so that back does not walk through every year played. Each step waits until the year's
 * values have arrived (`ready`), so a slow connection shows every year for the full step.
 * With prefers-reduced-motion the steps happen all the same, without the moving progress bar (styles.css).
 */
export function PeriodPicker(props: {
  periods: readonly string[];
  value: string | null;
  compare: string | null;
  /** Why change mode is not offered (a category indicator), or null. */
  compareUnavailable: string | null;
  /** The values of the year shown have arrived. */
  ready: boolean;
  onChange(choice: PeriodChoice, how: 'push' | 'replace'): void;
}) {
  const { periods, value, compare } = props;
  const [playing, setPlaying] = useState(false);
  // The steps of play call the latest onChange without restarting the timer on every render.
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;

  // In change mode, play steps through the years after the one compared with.
  const steps = compare === null ? periods : periods.filter((p) => p > compare);
  const stepsKey = steps.join(',');
  const canPlay = steps.length >= 2;

  useEffect(() => {
    if (!playing || !props.ready) return;
    const i = value === null ? -1 : steps.indexOf(value);
    const next = steps[i + 1];
    if (next === undefined) {
      setPlaying(false); // the last year stays on screen
      return;
    }
    const timer = setTimeout(() => onChange.current({ period: next, compare }, 'replace'), PLAY_STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, props.ready, value, stepsKey, compare]);

  // Another indicator, or a year picked by hand, ends play.
  useEffect(() => setPlaying(false), [periods.join(',')]);

  const togglePlay = () => {
    if (playing) return setPlaying(false);
    const first = steps[0];
    // From the last year (or one that is not a step), play starts over from the first.
    if (first !== undefined && (value === null || steps.indexOf(value) === -1 || value === steps.at(-1))) {
      onChange.current({ period: first, compare }, 'replace');
    }
    setPlaying(true);
  };

  const earlier = value === null ? [] : periods.filter((p) => p < value);
  const compareHint = props.compareUnavailable ?? (earlier.length === 0 ? t('period.compare.noEarlier') : null);

  return (
    <div class="period-picker">
      <fieldset class="periods">
        <legend>{t('period.legend')}</legend>
        <div class="period-row">
          <div class="period-options">
            {periods.map((p) => (
              <label key={p} class="period-option">
                <input
                  type="radio"
                  name="period"
                  value={p}
                  checked={p === value}
                  onChange={() => {
                    setPlaying(false);
                    onChange.current({ period: p, compare: compare !== null && compare < p ? compare : null }, 'push');
                  }}
                />
                <span>{p}</span>
              </label>
            ))}
          </div>
          <button
            type="button"
            class="play"
            aria-pressed={playing}
            aria-label={playing ? t('period.pause') : t('period.play')}
            title={playing ? t('period.pause') : t('period.play')}
            disabled={!canPlay}
            onClick={togglePlay}
          >
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              {playing ? <path d="M3 2h3.5v12H3zM9.5 2H13v12H9.5z" /> : <path d="M4 2l10 6-10 6z" />}
            </svg>
          </button>
        </div>
        {playing && (
          // Restarted for every year (key): it fills over one step while the year is shown.
          <span key={value} class={`play-progress${props.ready ? ' play-progress-running' : ''}`} aria-hidden="true" />
        )}
        <span class="visually-hidden" aria-live="polite">
          {playing && value !== null ? t('period.showing', { period: value }) : ''}
        </span>
      </fieldset>
      <div class="compare">
        <label class="control-label" for="bandingkan">
          {t('period.compare.label')}
        </label>
        <select
          id="bandingkan"
          value={compare ?? ''}
          disabled={props.compareUnavailable !== null || earlier.length === 0}
          aria-describedby={compareHint !== null ? 'bandingkan-catatan' : undefined}
          onChange={(e) => {
            const chosen = e.currentTarget.value;
            setPlaying(false);
            if (value !== null) onChange.current({ period: value, compare: chosen === '' ? null : chosen }, 'push');
          }}
        >
          <option value="">{t('period.compare.none')}</option>
          {earlier.map((p) => (
            <option key={p} value={p}>
              {t('period.compare.option', { from: p, to: value ?? '' })}
            </option>
          ))}
        </select>
        {compareHint !== null && (
          <p id="bandingkan-catatan" class="control-hint">
            {compareHint}
          </p>
        )}
      </div>
    </div>
  );
}
