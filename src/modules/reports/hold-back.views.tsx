import type { PageContext } from '../../platform/views/page.ts';
import { Checkbox, CsrfField, type FormState } from '../../platform/views/components.tsx';
import type { ReportRow } from './reports.repository.ts';

/** The young person's choice for one report, before it is sent: hold it back from their caseworker. */
export function HoldBackForm({ page, r }: { page: PageContext; r: ReportRow }) {
  const { t } = page;
  if (r.status !== 'approved' && r.status !== 'held') return null;
  const form: FormState = { values: r.heldBackAt ? { holdBack: 'on' } : {}, errors: {} };
  return (
    <form method="post" action={`/me/reports/${r.id}/hold-back`} class="app-narrow-form">
      <h2>{t('my_reports.hold_back_heading')}</h2>
      {r.heldBackAt && <p>{t('my_reports.held_back_note')}</p>}
      <CsrfField token={page.csrfToken} />
      <Checkbox t={t} form={form} name="holdBack" label={t('my_reports.hold_back')} hint={t('my_reports.hold_back_hint')} />
      <button class="button button-secondary" type="submit">
        {t('my_reports.save_hold_back')}
      </button>
    </form>
  );
}
