import { locale } from '../i18n/i18n.ts';

/**
 * A day as people write it, in the page's language: "27 Nov 2026" (id-ID and en-GB happen to agree
 * on the shape; months differ: "3 Agu 2026", "3 Aug 2026"). In the reader's own time zone.
 * Anything that is not a date is given back as it came, rather than "Invalid Date".
 */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}
