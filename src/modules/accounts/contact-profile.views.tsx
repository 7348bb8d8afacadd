import { Checkbox, CsrfField, ErrorSummary, type FormState, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { ContactProfile } from './contact-profile.repository.ts';
import { formatPhone } from './contact-profile.values.ts';

/** The form's values for a saved profile: checkboxes "on" or empty, the phone in pairs. */
export function contactProfileForm(p: ContactProfile): FormState {
  return {
    values: { phone: p.phone ? formatPhone(p.phone) : '', showPhone: p.showPhone ? 'on' : '', showEmail: p.showEmail ? 'on' : '' },
    errors: {},
  };
}

/** My contact details: the phone number, and what the young people I work with may see. */
export function ContactProfilePage({
  page,
  profile,
  form,
  oidcLabel,
}: {
  page: PageContext;
  profile: ContactProfile;
  form: FormState;
  /** When sign-in through OpenID Connect is configured: the way to link one's account (decision 0028). */
  oidcLabel?: string | undefined;
}) {
  const { t } = page;
  const labels = { phone: t('contact.phone'), showPhone: t('contact.show_phone'), showEmail: t('contact.show_email') };
  return (
    <div class="app-narrow-form">
      <h1>{t('contact.title')}</h1>
      <p class="font-lead">{t('contact.lead')}</p>
      <ErrorSummary t={t} form={form} labels={labels} />
      <form method="post" action="/me/contact" novalidate>
        <CsrfField token={page.csrfToken} />
        <TextField t={t} form={form} name="phone" label={labels.phone} hint={t('contact.phone_hint')} autocomplete="tel" inputmode="tel" />
        <fieldset>
          <legend class="h4">{t('contact.shown_legend')}</legend>
          <Checkbox t={t} form={form} name="showPhone" label={labels.showPhone} />
          <Checkbox t={t} form={form} name="showEmail" label={labels.showEmail} hint={t('contact.email_is', { email: profile.email })} />
        </fieldset>
        <button type="submit" class="button button-primary">
          {t('contact.save')}
        </button>
      </form>
      {oidcLabel && (
        <>
          <h2>{t('oidc_link.title', { label: oidcLabel })}</h2>
          <p>
            <a href="/me/sign-in">{t('oidc_link.manage', { label: oidcLabel })}</a>
          </p>
        </>
      )}
    </div>
  );
}
