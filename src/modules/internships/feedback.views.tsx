import type { Translate } from '../../platform/i18n/i18n.ts';
import { formatDateTime, formatDay } from '../../platform/i18n/i18n.ts';
import { CsrfField, ErrorSummary, type FormState, SelectField, TextArea } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { Checkin, Extension, InternshipView } from './internships.repository.ts';
import { attendanceValues, weekdays } from './internships.values.ts';
import { ExtensionSection } from './extension.views.tsx';
import { internshipStatusLabel } from './internships.views.tsx';
import { DayOneBox } from './day-one.views.tsx';
import { openStatuses } from './internships.values.ts';
import type { MyPerson } from '../youth/my-people.service.ts';
import { MyPeople } from '../youth/my-people.views.tsx';

type Key = Parameters<Translate>[0];

/** The company's weekly feedback: five choices, one line, and a concern if any. Under a minute on a phone. */
export function FeedbackForm({
  page,
  action,
  youthFirstName,
  companyName,
  week,
  form,
  showWeek,
  happened,
}: {
  page: PageContext;
  action: string;
  youthFirstName: string;
  companyName: string;
  week: string;
  form: FormState;
  showWeek: boolean;
  /** The week's days that have happened: only these are filled in ahead; a day to come is left blank. */
  happened: readonly string[];
}) {
  const { t } = page;
  const labels: Record<string, string> = {
    ...Object.fromEntries(weekdays.map((d) => [`attendance_${d}`, t(`internship.day.${d}` as Key)])),
    ...Object.fromEntries(weekdays.map((d) => [`attendance.${d}`, t(`internship.day.${d}` as Key)])),
    didWell: t('feedback.did_well'),
    concern: t('feedback.concern'),
    week: t('internship.week'),
  };
  const values = {
    ...Object.fromEntries(weekdays.filter((d) => happened.includes(d)).map((d) => [`attendance_${d}`, 'met'])),
    ...form.values,
  };
  // Errors on attendance.mon are shown on the attendance_mon field.
  const errors = Object.fromEntries(Object.entries(form.errors).map(([k, v]) => [k.replace('attendance.', 'attendance_'), v]));
  const shown: FormState = { ...form, values, errors };
  return (
    <div class="app-narrow-form">
      <h1>{t('feedback.title', { youth: youthFirstName })}</h1>
      <p class="font-lead">{t('feedback.intro', { company: companyName, week })}</p>
      <ErrorSummary t={t} form={shown} labels={labels} />
      <form method="post" action={action} novalidate>
        <CsrfField token={page.csrfToken} />
        <input type="hidden" name="week" value={week} />
        {showWeek && <p>{t('feedback.week_of', { week })}</p>}
        <fieldset>
          <legend class="h3">{t('feedback.attendance')}</legend>
          {weekdays.map((d) => (
            <SelectField
              t={t}
              form={shown}
              name={`attendance_${d}`}
              label={t(`internship.day.${d}` as Key)}
              options={attendanceValues.map((v) => ({ value: v, label: t(`internship.attendance.${v}` as Key) }))}
              emptyLabel={values[`attendance_${d}`] ? undefined : t('rules.feedback.choose')}
              required
            />
          ))}
        </fieldset>
        <TextArea
          t={t}
          form={shown}
          name="didWell"
          label={t('feedback.did_well')}
          hint={t('feedback.did_well_hint', { youth: youthFirstName })}
          rows={2}
          maxLength={1000}
        />
        <TextArea
          t={t}
          form={shown}
          name="concern"
          label={t('feedback.concern')}
          hint={t('feedback.concern_hint')}
          rows={2}
          maxLength={2000}
        />
        <button type="submit" class="button button-primary">
          {t('feedback.submit')}
        </button>
      </form>
    </div>
  );
}

export function FeedbackThanks({ page, title }: { page: PageContext; title: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p class="font-lead">{page.t('feedback.thanks_text')}</p>
    </>
  );
}

/** A 0–10 scale as radio buttons that wrap on a phone (used by the weekly and the group check-ins). */
export function Scale({ t, form, name, label }: { t: Translate; form: FormState; name: string; label: string }) {
  const error = form.errors[name];
  return (
    <div class={`form-group${error ? ' form-error' : ''}`}>
      <fieldset aria-describedby={error ? `${name}-error` : `${name}-hint`}>
        <legend class="form-label">{label}</legend>
        <span class="form-hint" id={`${name}-hint`}>
          {t('checkin.scale_hint')}
        </span>
        {error && (
          <span class="form-error-message" id={`${name}-error`}>
            {t(error as Key)}
          </span>
        )}
        <ul class="nobullet-list app-scale" id={name}>
          {Array.from({ length: 11 }, (_, v) => (
            <li>
              <input
                class="form-radio"
                type="radio"
                id={`${name}-${v}`}
                name={name}
                value={String(v)}
                checked={form.values[name] === String(v)}
              />
              <label for={`${name}-${v}`}>{v}</label>
            </li>
          ))}
        </ul>
      </fieldset>
    </div>
  );
}

/** The young person's own page: this week's check-in, the work trail and the recognitions. */
export function MyInternshipsView({
  page,
  data,
  form,
  extensionForm,
  people,
}: {
  page: PageContext;
  /** The young person's people ("Mine folk"). */
  people: MyPerson[];
  data: {
    internships: InternshipView[];
    recognitions: { weekStart: string; didWell: string; companyName: string }[];
    checkins: Checkin[];
    openExtensions: Extension[];
    thisWeek: Checkin | undefined;
    week: string;
  };
  form: FormState;
  extensionForm: FormState;
}) {
  const { t } = page;
  const running = data.internships.find((i) => i.status === 'active' || i.status === 'extended');
  // Day one leads: the open internship's practical facts, before the check-in and the work trail.
  const current = data.internships.find((i) => openStatuses.includes(i.status));
  const labels = {
    wellbeing: t('checkin.wellbeing'),
    workplace: t('checkin.workplace'),
    network: t('checkin.network'),
    comment: t('checkin.comment'),
  };
  const values = form.values.wellbeing
    ? form.values
    : data.thisWeek
      ? {
          wellbeing: String(data.thisWeek.wellbeing),
          workplace: data.thisWeek.workplace === null ? '' : String(data.thisWeek.workplace),
          network: String(data.thisWeek.network),
          comment: data.thisWeek.comment,
        }
      : {};
  const shown = { ...form, values };
  return (
    <>
      <h1>{t('my_internships.title')}</h1>
      {form.formError && (
        <div class="alert alert-error" role="alert">
          <p class="alert-text">{t(form.formError as Parameters<typeof t>[0], form.formErrorParams)}</p>
        </div>
      )}
      {current && !current.youthConfirmedAt && (
        <section class="alert alert-info" aria-labelledby="confirm-title" id="confirm">
          <div class="alert-body">
            <h2 class="alert-heading h3" id="confirm-title" tabindex={-1}>
              {t('internship.confirm_title')}
            </h2>
            <p class="alert-text">
              {t('internship.confirm_text', { company: current.companyName, date: formatDay(page.locale, current.agreedStart) })}
            </p>
            <form method="post" action={`/me/internships/${current.id}/confirm`}>
              <CsrfField token={page.csrfToken} />
              <button class="button button-primary" type="submit">
                {t('internship.confirm_button')}
              </button>
            </form>
          </div>
        </section>
      )}
      {current && <DayOneBox page={page} i={current} forYouth />}
      <MyPeople page={page} people={people} />
      <section class="app-narrow-form">
        <h2 id="checkin" tabindex={-1}>
          {t('checkin.title')}
        </h2>
        <p>{data.thisWeek ? t('checkin.done', { at: formatDateTime(page.locale, data.thisWeek.submittedAt) }) : t('checkin.intro')}</p>
        <ErrorSummary t={t} form={shown} labels={labels} />
        <form method="post" action="/me/checkin" novalidate>
          <CsrfField token={page.csrfToken} />
          <Scale t={t} form={shown} name="wellbeing" label={labels.wellbeing} />
          {running && <Scale t={t} form={shown} name="workplace" label={labels.workplace} />}
          <Scale t={t} form={shown} name="network" label={labels.network} />
          <TextArea t={t} form={shown} name="comment" label={labels.comment} hint={t('checkin.comment_hint')} rows={2} maxLength={1000} />
          <button type="submit" class="button button-primary">
            {t('checkin.submit')}
          </button>
        </form>
      </section>
      {running && (
        <ExtensionSection
          page={page}
          i={running}
          extensions={data.openExtensions.filter((e) => e.internshipId === running.id)}
          side="youth"
          form={extensionForm}
          returnTo="me"
        />
      )}
      <h2>{t('my_internships.recognitions')}</h2>
      {data.recognitions.length ? (
        <ul class="app-recognitions">
          {data.recognitions.map((r) => (
            <li>
              <p>“{r.didWell}”</p>
              <p class="form-hint">{t('my_internships.recognition_from', { company: r.companyName, week: r.weekStart })}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('my_internships.no_recognitions')}</p>
      )}
      <h2>{t('my_internships.trail')}</h2>
      {data.internships.length ? (
        <ol class="app-trail">
          {data.internships.map((i) => (
            <li>
              <h3 class="h4">
                {i.companyName}: {i.openingTitle}
              </h3>
              <p>{i.tasks}</p>
              <p class="form-hint">
                {internshipStatusLabel(t, i.status)} · {i.firstDay ?? i.agreedStart} – {i.actualEnd ?? i.plannedEnd} ·{' '}
                {t('internship.hours_per_week', { hours: i.weeklyHours })}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('my_internships.no_internships')}</p>
      )}
    </>
  );
}
