import { t } from '../i18n/i18n.ts';

/** A small yellow "demo" after a figure that is demonstration data; screen readers hear "data demonstrasi". */
export function DemoTag() {
  return (
    <span class="demo-tag" title={t('profile.demoTagLabel')}>
      <span aria-hidden="true">{t('profile.demoTag')}</span>
      <span class="visually-hidden">{t('profile.demoTagLabel')}</span>
    </span>
  );
}
