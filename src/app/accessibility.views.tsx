import { formatDate } from '../platform/i18n/i18n.ts';
import type { PageContext } from '../platform/views/page.ts';

/** When the statement was prepared and last reviewed (update both when the platform changes, at least yearly). */
export const STATEMENT_PREPARED = '2026-12-02';
export const STATEMENT_REVIEWED = '2026-12-02';
/** The feedback address when the configuration names none (ACCESSIBILITY_EMAIL's default). */
export const DEFAULT_ACCESSIBILITY_EMAIL = 'tilgaengelighed@nextwork.localhost';
/** Digitaliseringsstyrelsen's page for people who meet inaccessible content on a public website. */
export const ENFORCEMENT_URL = 'https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-tilgaengeligt-indhold/';

/**
 * The accessibility statement in the format of Digitaliseringsstyrelsen's template (the EU model
 * statement, 2018/1523): status, non-accessible content, preparation, feedback and enforcement.
 */
export function AccessibilityStatement({ page, email }: { page: PageContext; email: string }) {
  const { t, locale } = page;
  return (
    <>
      <h1>{t('a11y.title')}</h1>
      <p>{t('a11y.intro')}</p>
      <h2>{t('a11y.status_title')}</h2>
      <p>{t('a11y.status')}</p>
      <h2>{t('a11y.issues_title')}</h2>
      <p>{t('a11y.issues_intro')}</p>
      <h3>{t('a11y.issues_law_title')}</h3>
      <ul>
        <li>{t('a11y.issue.pdf')}</li>
        <li>{t('a11y.issue.charts')}</li>
        <li>{t('a11y.issue.screen_readers')}</li>
      </ul>
      <h3>{t('a11y.issues_scope_title')}</h3>
      <ul>
        <li>{t('a11y.issue.files')}</li>
      </ul>
      <h2>{t('a11y.prepared_title')}</h2>
      <p>{t('a11y.prepared', { date: formatDate(locale, STATEMENT_PREPARED) })}</p>
      <p>{t('a11y.reviewed', { date: formatDate(locale, STATEMENT_REVIEWED) })}</p>
      <h2>{t('a11y.feedback_title')}</h2>
      <p>{t('a11y.feedback')}</p>
      <p>
        {t('a11y.feedback_email')}{' '}
        <a class="app-wrap" href={`mailto:${email}`}>
          {email}
        </a>
      </p>
      <h2>{t('a11y.enforcement_title')}</h2>
      <p>{t('a11y.enforcement')}</p>
      <p>
        <a href={ENFORCEMENT_URL}>{t('a11y.enforcement_link')}</a>
      </p>
    </>
  );
}
