import { t } from '../i18n/i18n.ts';
import type { Language } from '../state/view.ts';
import './panel.css';

/**
 * The switch between Bahasa Indonesia (default) and English. It names the other language in that
 * language ("English" / "Bahasa Indonesia"), marked with its `lang` so screen readers pronounce it
 * right. Switching is a navigation (`lang=en` in the URL): reload, back and shared links keep it.
 */
export function LanguageSwitch(props: { lang: Language; onChange(lang: Language): void }) {
  const other: Language = props.lang === 'en' ? 'id' : 'en';
  return (
    <button type="button" class="language-switch" lang={other} aria-label={t('language.switchLabel')} onClick={() => props.onChange(other)}>
      {t('language.switch')}
    </button>
  );
}
