import type { Translate } from '../../platform/i18n/i18n.ts';
import { formatDateTime } from '../../platform/i18n/i18n.ts';
import { localDate } from '../../platform/dates.ts';
import { Alert, CsrfField, DataTable, ErrorSummary, type FormState, SelectField, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import { ExtensionSection } from './extension.views.tsx';
import type { Meeting } from './internships.repository.ts';
import { MeetingsSection } from './meetings.views.tsx';
import type { FeedbackForCompany } from './feedback.service.ts';
import type { Extension, InternshipEvent, InternshipView } from './internships.repository.ts';
import { earlyEndReasons, weekdays } from './internships.values.ts';
import { internshipStatusLabel } from './internships.views.tsx';
import { DayOneBox, DayOneForm } from './day-one.views.tsx';
import type { MyPerson } from '../youth/my-people.service.ts';
import { MyPeople } from '../youth/my-people.views.tsx';
import { openStatuses } from './internships.values.ts';

type Key = Parameters<Translate>[0];
const attendanceLabel = (t: Translate, v: string) => t(`internship.attendance.${v}` as Key);

/** One internship: its facts, the team's actions for its state, extension, feedback and history. */
function Facts({ t, i }: { t: Translate; i: InternshipView }) {
  return (
    <dl class="app-facts">
      <dt>{t('internship.status')}</dt>
      <dd>{internshipStatusLabel(t, i.status)}</dd>
      <dt>{t('internship.company')}</dt>
      <dd>{i.companyName}</dd>
      <dt>{t('internship.opening')}</dt>
      <dd>{i.openingTitle}</dd>
      <dt>{t('internship.tasks')}</dt>
      <dd>{i.tasks}</dd>
      <dt>{t('internship.supervisor')}</dt>
      <dd>{i.supervisorName ?? '–'}</dd>
      <dt>{t('internship.consultant')}</dt>
      <dd>{i.consultantName ?? '–'}</dd>
      <dt>{t('internship.weekly_hours')}</dt>
      <dd>{i.weeklyHours}</dd>
      <dt>{t('internship.chosen_on')}</dt>
      <dd>{localDate(i.chosenAt)}</dd>
      <dt>{t('internship.agreed_start')}</dt>
      <dd>{i.agreedStart}</dd>
      {i.startLateReason && (
        <>
          <dt>{t('rules.start_late_reason_label')}</dt>
          <dd>{i.startLateReason}</dd>
        </>
      )}
      <dt>{t('internship.first_day')}</dt>
      <dd>{i.firstDay ?? '–'}</dd>
      <dt>{t('internship.planned_end')}</dt>
      <dd>{i.plannedEnd}</dd>
      {i.actualEnd && (
        <>
          <dt>{t('internship.actual_end')}</dt>
          <dd>
            {i.actualEnd}
            {i.endReason ? ` (${t(`internship.end_reason.${i.endReason}` as Key)})` : ''}
          </dd>
        </>
      )}
      <dt>{t('internship.vitas')}</dt>
      <dd>
        {t(`internship.vitas.${i.vitasStatus}` as Key)}
        {i.vitasReference ? ` · ${i.vitasReference}` : ''}
        {i.vitasApprovedOn ? ` · ${i.vitasApprovedOn}` : ''}
      </dd>
    </dl>
  );
}

/** The state-dependent actions for the team: one small form each. */
function TeamActions({ page, i, form, today }: { page: PageContext; i: InternshipView; form: FormState; today: string }) {
  const { t } = page;
  const action = form.values._action;
  const f = (name: string): FormState =>
    action === name ? { ...form, formError: undefined } : { values: { on: today, firstDay: today }, errors: {} };
  const open = ['planned', 'awaiting_approval', 'active', 'extended'].includes(i.status);
  return (
    <>
      {i.status === 'planned' && (
        <form method="post" action={`/internships/${i.id}/vitas`} novalidate class="app-narrow-form">
          <h2>{t('internship.vitas_sent')}</h2>
          <ErrorSummary t={t} form={f('vitas_sent')} labels={{ on: t('internship.date'), reference: t('internship.vitas_reference') }} />
          <CsrfField token={page.csrfToken} />
          <input type="hidden" name="step" value="sent" />
          <TextField t={t} form={f('vitas_sent')} name="on" label={t('internship.date')} type="date" required />
          <TextField t={t} form={f('vitas_sent')} name="reference" label={t('internship.vitas_reference')} required />
          <button class="button button-secondary" type="submit">
            {t('internship.vitas_sent')}
          </button>
        </form>
      )}
      {i.vitasStatus === 'awaiting' && (
        <form method="post" action={`/internships/${i.id}/vitas`} novalidate class="app-narrow-form">
          <h2>{t('internship.vitas_approved')}</h2>
          <ErrorSummary t={t} form={f('vitas_approved')} labels={{ on: t('internship.date') }} />
          <CsrfField token={page.csrfToken} />
          <input type="hidden" name="step" value="approved" />
          <TextField t={t} form={f('vitas_approved')} name="on" label={t('internship.date')} type="date" required />
          <button class="button button-secondary" type="submit">
            {t('internship.vitas_approved')}
          </button>
        </form>
      )}
      {i.status === 'awaiting_approval' && i.vitasStatus === 'approved' && (
        <form method="post" action={`/internships/${i.id}/first-day`} novalidate class="app-narrow-form">
          <h2>{t('internship.first_day')}</h2>
          <ErrorSummary t={t} form={f('first_day')} labels={{ firstDay: t('internship.first_day') }} />
          <CsrfField token={page.csrfToken} />
          <TextField
            t={t}
            form={f('first_day')}
            name="firstDay"
            label={t('internship.first_day')}
            hint={t('internship.first_day_hint')}
            type="date"
            required
          />
          <button class="button button-primary" type="submit">
            {t('internship.first_day_submit')}
          </button>
        </form>
      )}
      {open && (
        <form method="post" action={`/internships/${i.id}/end`} novalidate class="app-narrow-form">
          <h2>{t('internship.end')}</h2>
          <ErrorSummary
            t={t}
            form={f('end')}
            labels={{ on: t('internship.date'), outcome: t('internship.outcome'), reason: t('internship.reason') }}
          />
          <CsrfField token={page.csrfToken} />
          <TextField t={t} form={f('end')} name="on" label={t('internship.date')} type="date" required />
          <SelectField
            t={t}
            form={f('end')}
            name="outcome"
            label={t('internship.outcome')}
            options={[
              { value: 'completed', label: t('internship.status.completed') },
              { value: 'ended_early', label: t('internship.status.ended_early') },
            ]}
            required
          />
          <SelectField
            t={t}
            form={f('end')}
            name="reason"
            label={t('internship.reason')}
            hint={t('internship.reason_hint')}
            emptyLabel=""
            options={earlyEndReasons.map((r) => ({ value: r, label: t(`internship.end_reason.${r}` as Key) }))}
          />
          <TextField t={t} form={f('end')} name="note" label={t('internship.note')} />
          <button class="button button-secondary" type="submit">
            {t('internship.end')}
          </button>
        </form>
      )}
      {!open && (
        <p>
          <a class="button button-secondary" href={`/internships/new?m=${i.municipalityId}&youth=${i.youthId}&previous=${i.id}`}>
            {t('internship.rotate')}
          </a>
        </p>
      )}
    </>
  );
}

/** Extension: request, agree, withdraw — for whichever side is looking. */

export function FeedbackTable({ page, rows, showConcerns }: { page: PageContext; rows: FeedbackForCompany[]; showConcerns: boolean }) {
  const { t } = page;
  if (!rows.length) return <p>{t('internship.no_feedback')}</p>;
  const headers = [t('internship.week'), ...weekdays.map((d) => t(`internship.day.${d}` as Key)), t('feedback.did_well')];
  if (showConcerns) headers.push(t('feedback.concern'));
  return (
    <DataTable label={t('internship.feedback')} headers={headers} compact>
      {rows.map((f) => (
        <tr>
          <td>{f.weekStart}</td>
          {weekdays.map((d) => (
            <td>{attendanceLabel(t, f.attendance[d])}</td>
          ))}
          <td>{f.didWell || '–'}</td>
          {showConcerns && <td>{f.concern ? <strong>{f.concern}</strong> : '–'}</td>}
        </tr>
      ))}
    </DataTable>
  );
}

export function InternshipView({
  page,
  data,
  feedback,
  form,
  side,
  canGiveFeedback,
  today,
  meetings,
  canPlanMeeting,
  canEditDayOne,
  people,
  canMessage = false,
}: {
  page: PageContext;
  today: string;
  meetings: Meeting[];
  canPlanMeeting: boolean;
  /** The team or the company's own contact may fill in the day-one facts. */
  canEditDayOne: boolean;
  /** The young person's own people, when the young person is looking. */
  people: MyPerson[] | null;
  /** A participant of the internship's conversation (modules/messages). */
  canMessage?: boolean;
  data: { i: InternshipView; events: InternshipEvent[]; extensions: Extension[]; canManage: boolean; canReadConcerns: boolean };
  feedback: FeedbackForCompany[];
  form: FormState;
  side: 'company' | 'youth' | 'team';
  canGiveFeedback: boolean;
}) {
  const { t } = page;
  const { i } = data;
  const running = i.status === 'active' || i.status === 'extended';
  const open = openStatuses.includes(i.status);
  return (
    <>
      <h1>
        {t('internship.title', {
          youth: data.canReadConcerns ? `${i.youthFirstName} ${i.youthLastName}` : i.youthFirstName,
          company: i.companyName,
        })}
      </h1>
      {form.formError && (
        <Alert kind="error" role="alert">
          {t(form.formError as Key, form.formErrorParams)}
        </Alert>
      )}
      {open && !i.youthConfirmedAt && side !== 'youth' && <p>{t('internship.awaiting_confirmation')}</p>}
      {open && <DayOneBox page={page} i={i} forYouth={side === 'youth'} />}
      {people && <MyPeople page={page} people={people} />}
      {canMessage && (
        <p>
          <a class="button button-secondary" href={`/internships/${i.id}/messages`}>
            {t('messages.internship_link')}
          </a>
        </p>
      )}
      <Facts t={t} i={i} />
      {canEditDayOne && open && (
        <DayOneForm page={page} i={i} form={form.values._action === 'day_one' ? { ...form, formError: undefined } : null} />
      )}
      {canGiveFeedback && running && (
        <p>
          <a class="button button-primary" href={`/internships/${i.id}/feedback`}>
            {t('feedback.give')}
          </a>
        </p>
      )}
      {data.canManage && <TeamActions page={page} i={i} form={form} today={today} />}
      <ExtensionSection
        page={page}
        i={i}
        extensions={data.extensions}
        side={side}
        form={form.values._action === 'extension' ? { ...form, formError: undefined } : { values: {}, errors: {} }}
        returnTo="internship"
      />
      <MeetingsSection
        page={page}
        internshipId={i.id}
        meetings={meetings}
        canPlan={canPlanMeeting}
        form={form.values._action === 'meeting' ? { ...form, formError: undefined } : { values: { minutes: '60' }, errors: {} }}
      />
      <h2>{t('internship.feedback')}</h2>
      <FeedbackTable page={page} rows={feedback} showConcerns={data.canReadConcerns} />
      {data.canReadConcerns && (
        <>
          <h2>{t('company.history')}</h2>
          <DataTable
            label={t('company.history')}
            headers={[t('audit.at'), t('internship.event'), t('internship.note'), t('audit.actor')]}
            compact
          >
            {data.events.map((e) => (
              <tr>
                <td>{formatDateTime(page.locale, e.at)}</td>
                <td>{t(`internship.event.${e.kind}` as Key)}</td>
                <td>{e.note}</td>
                <td>{e.byName ?? ''}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </>
  );
}
