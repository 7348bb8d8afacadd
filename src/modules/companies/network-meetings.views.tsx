import { localDate, localTime } from '../../platform/dates.ts';
import type { Translate } from '../../platform/i18n/i18n.ts';
import { CsrfField, DataTable, ErrorSummary, type FormState, SelectField, TextArea, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { NetworkMeetingRow } from './network-meetings.repository.ts';
import type { NetworkMeetingView } from './network-meetings.service.ts';

type Key = Parameters<Translate>[0];

/** "fredag 11. december 2026 kl. 9.30". */
const when = (t: Translate, at: Date) => t('nm.when', { date: localDate(at), time: localTime(at) });

function CompanyChoices(props: {
  t: Translate;
  form: FormState;
  legend: string;
  hint?: string;
  companies: { id: string; name: string }[];
}) {
  const chosen = new Set((props.form.values.companyIds ?? '').split(','));
  const error = props.form.errors.companyIds;
  return (
    <fieldset
      id="companyIds"
      class={`form-group${error ? ' form-error' : ''}`}
      aria-describedby={[props.hint ? 'companyIds-hint' : '', error ? 'companyIds-error' : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend class="form-label">{props.legend}</legend>
      {props.hint && (
        <span class="form-hint" id="companyIds-hint">
          {props.hint}
        </span>
      )}
      {error && (
        <span class="form-error-message" id="companyIds-error">
          {props.t(error as Key)}
        </span>
      )}
      <div class="app-checkbox-columns">
        {props.companies.map((c) => (
          <div class="form-group-checkbox">
            <input class="form-checkbox" type="checkbox" id={`c-${c.id}`} name="companyIds" value={c.id} checked={chosen.has(c.id)} />
            <label for={`c-${c.id}`}>{c.name}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

function MeetingCard({ t, m }: { t: Translate; m: NetworkMeetingRow }) {
  return (
    <li class="app-card">
      <h3 class="h4">
        <a href={`/network-meetings/${m.id}`}>{m.theme}</a>
      </h3>
      <p>
        {when(t, m.startsAt)}
        {m.place && <>, {m.place}</>}
      </p>
      <p>
        {m.attendanceAt
          ? `${t('nm.attended_count', { n: m.attended })}${m.attendedNames.length ? `: ${m.attendedNames.join(', ')}` : ''}`
          : t('nm.counts', { invited: m.invited, coming: m.coming, notComing: m.notComing })}
      </p>
    </li>
  );
}

/** The team's page: meetings ahead with their answers, meetings held, and the form to plan one. */
export function NetworkMeetingsView(props: {
  page: PageContext;
  m: string;
  upcoming: NetworkMeetingRow[];
  past: NetworkMeetingRow[];
  companies: { id: string; name: string }[];
  form: FormState;
}) {
  const { page, form } = props;
  const { t } = page;
  const labels = {
    theme: t('nm.theme'),
    date: t('nm.date'),
    time: t('nm.time'),
    minutes: t('nm.minutes'),
    place: t('nm.place'),
    agenda: t('nm.agenda'),
    invite: t('nm.invite'),
    companyIds: t('nm.companies'),
  };
  return (
    <>
      <h1>{t('nm.title')}</h1>
      <h2>{t('nm.upcoming')}</h2>
      {props.upcoming.length ? (
        <ul class="nobullet-list app-results">
          {props.upcoming.map((m) => (
            <MeetingCard t={t} m={m} />
          ))}
        </ul>
      ) : (
        <p>{t('nm.none_upcoming')}</p>
      )}
      <div class="app-narrow-form">
        <h2>{t('nm.plan')}</h2>
        <ErrorSummary t={t} form={form} labels={labels} />
        <form method="post" action={`/network-meetings?m=${props.m}`} novalidate>
          <CsrfField token={page.csrfToken} />
          <TextField t={t} form={form} name="theme" label={labels.theme} required />
          <TextField t={t} form={form} name="date" label={labels.date} type="date" required />
          <TextField t={t} form={form} name="time" label={labels.time} hint={t('nm.time_hint')} inputmode="decimal" required />
          <TextField t={t} form={form} name="minutes" label={labels.minutes} type="number" inputmode="numeric" />
          <TextField t={t} form={form} name="place" label={labels.place} required />
          <TextArea t={t} form={form} name="agenda" label={labels.agenda} rows={5} />
          <SelectField
            t={t}
            form={form}
            name="invite"
            label={labels.invite}
            options={[
              { value: 'all', label: t('nm.invite_all') },
              { value: 'chosen', label: t('nm.invite_chosen') },
            ]}
          />
          <CompanyChoices t={t} form={form} legend={labels.companyIds} companies={props.companies} />
          <button type="submit" class="button button-primary">
            {t('nm.plan')}
          </button>
        </form>
      </div>
      <h2>{t('nm.past')}</h2>
      {props.past.length ? (
        <ul class="nobullet-list app-results">
          {props.past.map((m) => (
            <MeetingCard t={t} m={m} />
          ))}
        </ul>
      ) : (
        <p>{t('nm.none_past')}</p>
      )}
    </>
  );
}

/**
 * One meeting. A company contact sees when and where, the agenda, and answers with one tap; the
 * team sees each invited company's answers and, once it has begun, records who came.
 */
export function NetworkMeetingPage(props: { page: PageContext; data: NetworkMeetingView; form: FormState }) {
  const { page, data, form } = props;
  const { t } = page;
  const { meeting, relation } = data;
  const answer = (response: 'coming' | 'not_coming', primary: boolean) => (
    <form method="post" action={`/network-meetings/${meeting.id}/answer`} class="app-inline-form">
      <CsrfField token={page.csrfToken} />
      <input type="hidden" name="response" value={response} />
      <button class={`button ${primary ? 'button-primary' : 'button-secondary'}`} type="submit">
        {t(`nm.answer.${response}` as Key)}
      </button>
    </form>
  );
  const attended = new Set(data.invited.filter((c) => c.attended).map((c) => c.companyId));
  return (
    <>
      <h1>{meeting.theme}</h1>
      <p class="font-lead">
        {when(t, meeting.startsAt)}
        {meeting.place && <>, {meeting.place}</>}
      </p>
      {relation.kind === 'contact' && (
        <section aria-labelledby="answer-title" class="app-actions">
          <h2 id="answer-title" class="h3">
            {t('nm.your_answer')} {t(`nm.response.${data.response ?? 'pending'}` as Key)}
          </h2>
          {data.started ? (
            <p>{t('nm.answers_closed')}</p>
          ) : (
            <>
              {answer('coming', data.response !== 'coming')}
              {answer('not_coming', false)}
            </>
          )}
        </section>
      )}
      <p>
        <a href={`/network-meetings/${meeting.id}/calendar.ics`}>{t('nm.ics')}</a>
      </p>
      {meeting.agenda && (
        <>
          <h2>{t('nm.agenda')}</h2>
          <p class="app-prose">{meeting.agenda}</p>
        </>
      )}
      {relation.kind === 'team' && (
        <>
          <h2>{t('nm.invited')}</h2>
          <DataTable label={t('nm.invited')} headers={[t('nm.company'), t('nm.answers')]} compact>
            {data.invited.map((c) => (
              <tr>
                <td>
                  <a href={`/companies/${c.companyId}`}>{c.name}</a>
                  {meeting.attendanceAt && <> · {t(c.attended ? 'nm.attended_yes' : 'nm.attended_no')}</>}
                </td>
                <td>
                  {c.answers.length
                    ? c.answers
                        .map((a) => t('nm.answer_line', { name: a.name, response: t(`nm.response.${a.response}` as Key) }))
                        .join('; ')
                    : t('nm.no_answers')}
                </td>
              </tr>
            ))}
          </DataTable>
          {data.started && (
            <div class="app-narrow-form">
              <h2>{t('nm.attendance')}</h2>
              <ErrorSummary t={t} form={form} labels={{ companyIds: t('nm.companies') }} />
              <form method="post" action={`/network-meetings/${meeting.id}/attendance`} novalidate>
                <CsrfField token={page.csrfToken} />
                <CompanyChoices
                  t={t}
                  form={form.values.companyIds !== undefined ? form : { ...form, values: { companyIds: [...attended].join(',') } }}
                  legend={t('nm.companies')}
                  hint={t('nm.attendance_hint')}
                  companies={data.choices}
                />
                <button type="submit" class="button button-primary">
                  {t('form.save')}
                </button>
              </form>
            </div>
          )}
        </>
      )}
    </>
  );
}
