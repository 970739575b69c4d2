import { t } from '../i18n/i18n.ts';
export interface Crumb {
  readonly label: string;
  /** Link target (a query string), absent for the current place. */
  readonly href?: string;
}

export function Breadcrumb(props: { crumbs: readonly Crumb[]; onNavigate(href: string): void }) {
  return (
    <nav class="breadcrumb" aria-label={t('breadcrumb.label')}>
      <ol>
        {props.crumbs.map((crumb, i) => (
          <li key={crumb.label}>
            {i > 0 && <span class="crumb-sep" aria-hidden="true">›</span>}
            {crumb.href === undefined ? (
              <span aria-current="location">{crumb.label}</span>
            ) : (
              <a
                href={crumb.href}
                onClick={(e) => {
                  // Ordinary clicks stay in the page; modified clicks open a tab as usual.
                  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                  e.preventDefault();
                  props.onNavigate(crumb.href as string);
                }}
              >
                {crumb.label}
              </a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
