import type { Language } from '../state/view.ts';
import { MESSAGES, type MessageKey } from './messages/index.ts';

/**
 * The language of the page: Bahasa Indonesia unless the URL says `lang=en`. The app sets it from the
 * view before rendering (ui/app.tsx), so every component renders in one language; changing it is a
 * navigation like any other, so shared links and back/forward keep it.
 */
let current: Language = 'id';

export function setLanguage(lang: Language): void {
  current = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export function language(): Language {
  return current;
}

/** The locale numbers and dates are written in: 1.234,5 in Indonesian, 1,234.5 in English. */
export function locale(): string {
  return current === 'en' ? 'en-GB' : 'id-ID';
}

/**
 * A message in the current language, with `{name}` placeholders filled from `params`:
 * t('legend.target', { value: '14%' }). Keys are checked by the compiler, and every language
 * must have every key (messages/index.ts).
 */
export function t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  const text = MESSAGES[current][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
