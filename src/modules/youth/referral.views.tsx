import type { ComponentChildren } from 'preact';
import { CsrfField, ErrorSummary, type FormState, TextArea, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import { TargetGroupField } from './target-group.views.tsx';

/** The team's referral of a young person (also the trial's intake, with its own heading and fields). */
export function ReferralForm(props: {
  page: PageContext;
  m: string;
  form: FormState;
  /** The trial's intake reuses the form with its own heading, action and extra fields. */
  variant?: { action: string; heading: string; intro: string; submit: string; labels: Record<string, string>; fields: ComponentChildren };
}) {
  const { page, m, form, variant } = props;
  const { t } = page;
  const labels = {
    ...variant?.labels,
    firstName: t('youth.first_name'),
    lastName: t('youth.last_name'),
    cpr: t('youth.cpr'),
    email: t('people.email'),
    phone: t('youth.phone'),
    referringCaseworker: t('youth.caseworker'),
    referredOn: t('youth.referred_on'),
    hoursPossible: t('youth.hours_possible'),
    eligibilityNote: t('youth.eligibility_note'),
    targetGroup: t('target_group.label'),
  };
  return (
    <div class="app-narrow-form">
      <h1>{variant?.heading ?? t('youth.refer')}</h1>
      <p>{variant?.intro ?? t('youth.refer_intro')}</p>
      <ErrorSummary t={t} form={form} labels={labels} />
      <form method="post" action={variant?.action ?? `/youth?m=${m}`} novalidate autocomplete="off">
        <CsrfField token={page.csrfToken} />
        <TextField t={t} form={form} name="firstName" label={labels.firstName} required />
        <TextField t={t} form={form} name="lastName" label={labels.lastName} required />
        <TextField t={t} form={form} name="cpr" label={labels.cpr} hint={t('youth.cpr_hint')} inputmode="numeric" required />
        <TextField t={t} form={form} name="email" label={labels.email} type="email" required />
        <TextField t={t} form={form} name="phone" label={labels.phone} inputmode="tel" />
        <TextField t={t} form={form} name="referringCaseworker" label={labels.referringCaseworker} required />
        <TextField t={t} form={form} name="referredOn" label={labels.referredOn} type="date" required />
        <TextField
          t={t}
          form={form}
          name="hoursPossible"
          label={labels.hoursPossible}
          hint={t('youth.hours_hint')}
          inputmode="numeric"
          required
        />
        <TargetGroupField t={t} form={form} />
        <TextArea t={t} form={form} name="eligibilityNote" label={labels.eligibilityNote} rows={3} />
        {variant?.fields}
        <button type="submit" class="button button-primary">
          {variant?.submit ?? t('youth.refer_submit')}
        </button>
      </form>
    </div>
  );
}
