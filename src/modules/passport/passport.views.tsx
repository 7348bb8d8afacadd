import type { Translate } from '../../platform/i18n/i18n.ts';
import { localDate } from '../../platform/dates.ts';
import { CsrfField, ErrorSummary, type FormState, SelectField, TextArea, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { Consent, Passport, Recipient, SharedPassport } from './passport.repository.ts';
import { type PassportText, type Strength, passportLimits, passportTexts } from './passport.values.ts';

type Key = Parameters<Translate>[0];

/** The form's values from a saved passport: each strength as three fields, and the four texts. */
export function passportFormValues(p: Passport | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  (p?.strengths ?? []).forEach((s, i) => {
    values[`strengths.${i}.what`] = s.what;
    values[`strengths.${i}.where`] = s.where;
    values[`strengths.${i}.when`] = s.when;
  });
  for (const k of passportTexts) values[k] = p?.[k] ?? '';
  return values;
}

/** Who a recipient is to the young person, in words ("Virksomhedskontakt hos Roskilde Kraftvarmeværk"). */
export function recipientLabel(t: Translate, r: Recipient): string {
  const role = r.role ? t(`role.${r.role}` as Key) : '';
  if (r.kind === 'company') return t('passport.kind.company', { role, company: r.companyName ?? '' });
  if (r.kind === 'team') return t('passport.kind.team', { role });
  return t(r.kind === 'caseworker' ? 'passport.kind.caseworker' : 'passport.kind.education');
}

/** The passport written out (the reader's page and above the young person's form). */
function PassportContent({ t, passport }: { t: Translate; passport: Passport }) {
  return (
    <>
      <h2>{t('passport.strengths')}</h2>
      {passport.strengths.length ? (
        <ul class="app-cards">
          {passport.strengths.map((s: Strength) => (
            <li class="app-card">
              <p>
                <strong>{s.what}</strong>
              </p>
              {(s.where || s.when) && <p>{[s.where, s.when].filter(Boolean).join(' · ')}</p>}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('passport.empty')}</p>
      )}
      {passportTexts.map((k) => (
        <>
          <h2>{t(`passport.${k}` as Key)}</h2>
          <p class="app-pre-line">{passport[k] || t('passport.empty')}</p>
        </>
      ))}
    </>
  );
}

/** The passport's form: strengths (the saved ones and two empty rows, at most ten) and the four texts. */
function PassportForm({ page, action, form }: { page: PageContext; action: string; form: FormState }) {
  const { t } = page;
  const saved = Object.keys(form.values).filter((k) => /^strengths\.\d+\.what$/.test(k)).length;
  const rows = Math.min(passportLimits.strengths, Math.max(saved + 2, 3));
  const labels: Record<string, string> = {};
  for (let i = 0; i < rows; i++) {
    const n = t('passport.strength_n', { n: i + 1 });
    labels[`strengths.${i}.what`] = `${n}: ${t('passport.what')}`;
    labels[`strengths.${i}.where`] = `${n}: ${t('passport.where')}`;
    labels[`strengths.${i}.when`] = `${n}: ${t('passport.when')}`;
  }
  for (const k of passportTexts) labels[k] = t(`passport.${k}` as Key);
  return (
    <form method="post" action={action} class="app-narrow-form" novalidate>
      <ErrorSummary t={t} form={form} labels={labels} />
      <CsrfField token={page.csrfToken} />
      <h2>{t('passport.strengths')}</h2>
      <p class="form-hint">{t('passport.strengths_hint')}</p>
      {Array.from({ length: rows }, (_, i) => (
        <fieldset class="app-fieldset">
          <legend class="h5">{t('passport.strength_n', { n: i + 1 })}</legend>
          <TextField t={t} form={form} name={`strengths.${i}.what`} label={t('passport.what')} />
          <TextField t={t} form={form} name={`strengths.${i}.where`} label={t('passport.where')} />
          <TextField t={t} form={form} name={`strengths.${i}.when`} label={t('passport.when')} />
        </fieldset>
      ))}
      {passportTexts.map((k: PassportText) => (
        <TextArea t={t} form={form} name={k} label={labels[k]!} rows={4} maxLength={passportLimits.text} />
      ))}
      <button class="button button-primary" type="submit">
        {t('passport.save')}
      </button>
    </form>
  );
}

/** The young person's own page: write the passport, download it, decide who reads it. */
export function MyPassportPage(props: {
  page: PageContext;
  passport: Passport | undefined;
  consents: Consent[];
  candidates: Recipient[];
  form: FormState;
  shareForm: FormState;
}) {
  const { page, passport, consents, candidates, form, shareForm } = props;
  const { t } = page;
  return (
    <>
      <h1>{t('passport.title')}</h1>
      <p class="font-lead">{t('passport.intro')}</p>
      {passport && (
        <p>
          {t('passport.updated', { date: localDate(passport.updatedAt) })} ·{' '}
          <a href="/me/passport/pdf" download>
            {t('passport.pdf')}
          </a>
        </p>
      )}
      <PassportForm page={page} action="/me/passport" form={form} />
      <section aria-labelledby="sharing-heading">
        <h2 id="sharing-heading">{t('passport.sharing')}</h2>
        <p>{t('passport.sharing_lead')}</p>
        {!passport ? (
          <p>{t('passport.save_first')}</p>
        ) : (
          <>
            {consents.length ? (
              <ul class="app-cards">
                {consents.map((c) => (
                  <li class="app-card">
                    <h3 class="h4">{c.name}</h3>
                    <p>{recipientLabel(t, c)}</p>
                    <p>{t('passport.consent_since', { date: localDate(c.grantedAt) })}</p>
                    <form method="post" action={`/me/passport/consents/${c.userId}/withdraw`}>
                      <CsrfField token={page.csrfToken} />
                      <button class="button button-secondary" type="submit">
                        {t('passport.withdraw', { name: c.name })}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('passport.nobody')}</p>
            )}
            {candidates.length ? (
              <form method="post" action="/me/passport/consents" class="app-narrow-form" novalidate>
                <ErrorSummary t={t} form={shareForm} labels={{ recipientUserId: t('passport.share_with') }} />
                <CsrfField token={page.csrfToken} />
                <SelectField
                  t={t}
                  form={shareForm}
                  name="recipientUserId"
                  label={t('passport.share_with')}
                  hint={t('passport.share_hint')}
                  emptyLabel={t('passport.choose')}
                  options={candidates.map((c) => ({ value: c.userId, label: `${c.name} – ${recipientLabel(t, c)}` }))}
                  required
                />
                <button class="button button-primary" type="submit">
                  {t('passport.share')}
                </button>
              </form>
            ) : (
              <p>{t('passport.no_candidates')}</p>
            )}
          </>
        )}
      </section>
    </>
  );
}

/** The reader's list: the passports shared with them. */
export function SharedPassportsList({
  page,
  shared,
  headingLevel = 2,
}: {
  page: PageContext;
  shared: SharedPassport[];
  headingLevel?: 2 | 3;
}) {
  const { t } = page;
  const Name = headingLevel === 2 ? 'h3' : 'h4';
  if (!shared.length) return <p>{t('passport.shared_none')}</p>;
  return (
    <ul class="app-cards">
      {shared.map((s) => (
        <li class="app-card">
          <Name class="h4">
            <a href={`/passports/${s.passportId}`}>{`${s.firstName} ${s.lastName}`}</a>
          </Name>
          <p>{t('passport.shared_since', { date: localDate(s.grantedAt) })}</p>
        </li>
      ))}
    </ul>
  );
}

export function SharedPassportsPage({ page, shared }: { page: PageContext; shared: SharedPassport[] }) {
  const { t } = page;
  return (
    <>
      <h1>{t('passport.shared_title')}</h1>
      <p class="font-lead">{t('passport.shared_lead')}</p>
      <SharedPassportsList page={page} shared={shared} />
    </>
  );
}

/** A named reader's page: the passport, and for a named team member or education contact the form. */
export function PassportPage(props: { page: PageContext; name: string; passport: Passport; canEdit: boolean; form: FormState }) {
  const { page, name, passport, canEdit, form } = props;
  const { t } = page;
  return (
    <>
      <h1>{t('passport.of', { name })}</h1>
      <p class="font-lead">{t('passport.read_note')}</p>
      <p>{t('passport.updated', { date: localDate(passport.updatedAt) })}</p>
      <PassportContent t={t} passport={passport} />
      {canEdit && (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t('passport.edit_title')}</h2>
          <PassportForm page={page} action={`/passports/${passport.id}`} form={form} />
        </section>
      )}
    </>
  );
}
