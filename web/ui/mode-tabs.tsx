import { t } from '../i18n/i18n.ts';
import { MODES, type Mode } from '../state/view.ts';

/**
 * What the map is for: explore any indicator, or one of the supervision views. Links rather than
 * buttons, so that each view can be opened in a new tab and shared; `aria-current` marks the one shown.
 */
export function ModeTabs(props: { mode: Mode; hrefFor(mode: Mode): string; onChange(mode: Mode): void }) {
  return (
    <nav class="mode-tabs" aria-label={t('mode.label')}>
      {MODES.map((mode) => (
        <a
          key={mode}
          href={props.hrefFor(mode)}
          aria-current={mode === props.mode ? 'page' : undefined}
          onClick={(event) => {
            if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
            event.preventDefault();
            props.onChange(mode);
          }}
        >
          {t(`mode.${mode}`)}
        </a>
      ))}
    </nav>
  );
}
