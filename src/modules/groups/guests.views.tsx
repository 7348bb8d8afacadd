import { formatDay } from '../../platform/i18n/i18n.ts';
import { CsrfField, ErrorSummary, type FormState, SelectField, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';

/** A company visiting the group's meetings (seed 001: about every 6 weeks): the visits ahead, and the form to plan one. */
export function CompanyGuests(props: {
  page: PageContext;
  groupId: string;
  visits: { heldOn: string; companyId: string; company: string; note: string }[];
  companies: { id: string; name: string }[];
  form: FormState;
}) {
  const { page, form } = props;
  const { t, locale } = page;
  const labels = { heldOn: t('guest.date'), companyId: t('guest.company'), note: t('guest.note') };
  return (
    <section aria-labelledby="guests-title" class="app-narrow-form">
      <h2 id="guests-title">{t('guest.title')}</h2>
      <p>{t('guest.intro')}</p>
      {props.visits.length ? (
        <ul>
          {props.visits.map((v) => (
            <li>
              {formatDay(locale, v.heldOn)}: <a href={`/companies/${v.companyId}`}>{v.company}</a>
              {v.note && <> · {v.note}</>}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('guest.none')}</p>
      )}
      <form method="post" action={`/groups/${props.groupId}/guests`} novalidate>
        <ErrorSummary t={t} form={form} labels={labels} />
        <CsrfField token={page.csrfToken} />
        <TextField t={t} form={form} name="heldOn" label={labels.heldOn} type="date" required />
        <SelectField
          t={t}
          form={form}
          name="companyId"
          label={labels.companyId}
          options={props.companies.map((c) => ({ value: c.id, label: c.name }))}
          emptyLabel=""
          required
        />
        <TextField t={t} form={form} name="note" label={labels.note} />
        <button class="button button-secondary" type="submit">
          {t('guest.save')}
        </button>
      </form>
    </section>
  );
}
