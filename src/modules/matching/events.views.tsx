import type { ComponentChildren } from 'preact';
import { localTime } from '../../platform/dates.ts';
import { formatDateTime, type Translate } from '../../platform/i18n/i18n.ts';
import { CsrfField, DataTable, ErrorSummary, type FormState, TextArea, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { EventSummary, MatchEvent, MyEvent } from './events.repository.ts';
import type { EventsService } from './events.service.ts';

type Key = Parameters<Translate>[0];
type EventData = Awaited<ReturnType<EventsService['get']>>;

export const when = (page: PageContext, e: MatchEvent) => `${formatDateTime(page.locale, e.startsAt)}–${localTime(e.endsAt)}`;

/** A checkbox group: several values under one name; the chosen ones come back after an error. */
function Choices(props: {
  t: Translate;
  form: FormState;
  name: string;
  legend: string;
  options: { value: string; label: string; note?: string | null }[];
  chosen: Set<string>;
  children?: ComponentChildren;
}) {
  const error = props.form.errors[props.name];
  return (
    <fieldset
      id={props.name}
      class={`form-group${error ? ' form-error' : ''}`}
      aria-describedby={error ? `${props.name}-error` : undefined}
    >
      <legend class="form-label">{props.legend}</legend>
      {error && (
        <span class="form-error-message" id={`${props.name}-error`}>
          {props.t(error as Key)}
        </span>
      )}
      <div class="app-checkbox-columns">
        {props.options.map((o) => (
          <div class="form-group-checkbox">
            <input
              class="form-checkbox"
              type="checkbox"
              id={`${props.name}-${o.value}`}
              name={props.name}
              value={o.value}
              checked={props.chosen.has(o.value)}
              aria-describedby={o.note ? `${props.name}-${o.value}-note` : undefined}
            />
            <label for={`${props.name}-${o.value}`}>{o.label}</label>
            {o.note && (
              <span class="form-hint" id={`${props.name}-${o.value}-note`}>
                {props.t(`events.note.${o.note}` as Key)}
              </span>
            )}
          </div>
        ))}
      </div>
      {props.children}
    </fieldset>
  );
}

export function EventForm(props: {
  page: PageContext;
  m: string;
  form: FormState;
  chosen: { openingIds: Set<string>; youthIds: Set<string> };
  choices: Awaited<ReturnType<EventsService['choices']>>;
}) {
  const { page, m, form, chosen, choices } = props;
  const { t } = page;
  const labels = {
    title: t('events.title_field'),
    date: t('events.date'),
    startTime: t('events.start'),
    endTime: t('events.end'),
    place: t('events.place'),
    openingIds: t('events.openings'),
    youthIds: t('events.youth'),
  };
  return (
    <>
      <h1>{t('events.new')}</h1>
      <p class="font-lead">{t('events.new_lead')}</p>
      <form method="post" action={`/matching/events?m=${m}`} novalidate>
        <div class="app-narrow-form">
          <ErrorSummary t={t} form={form} labels={labels} />
          <CsrfField token={page.csrfToken} />
          <TextField t={t} form={form} name="title" label={labels.title} required />
          <TextField t={t} form={form} name="date" label={labels.date} type="date" required />
          <TextField
            t={t}
            form={form}
            name="startTime"
            label={labels.startTime}
            hint={t('events.time_hint')}
            inputmode="decimal"
            required
          />
          <TextField t={t} form={form} name="endTime" label={labels.endTime} hint={t('events.time_hint')} inputmode="decimal" required />
          <TextField t={t} form={form} name="place" label={labels.place} required />
          <TextArea t={t} form={form} name="programme" label={t('events.programme')} hint={t('events.programme_hint')} rows={5} />
        </div>
        <Choices t={t} form={form} name="openingIds" legend={labels.openingIds} options={choices.openings} chosen={chosen.openingIds} />
        <Choices t={t} form={form} name="youthIds" legend={labels.youthIds} options={choices.youth} chosen={chosen.youthIds}>
          {!choices.youth.length && <p>{t('events.no_youth')}</p>}
          {choices.unavailable.length > 0 && (
            <div class="app-cannot-invite">
              <p class="form-hint">{t('events.cannot_invite_heading', { n: choices.unavailable.length })}</p>
              <ul class="app-cannot-invite-list">
                {choices.unavailable.map((u) => (
                  <li>
                    <a href={`/youth/${u.id}`}>{u.name}</a> {t(`events.cannot.${u.why}` as Key)}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </Choices>
        <button class="button button-primary" type="submit">
          {t('events.create')}
        </button>
      </form>
    </>
  );
}

export function EventsList({ page, events }: { page: PageContext; events: EventSummary[] }) {
  const { t } = page;
  if (!events.length) return <p>{t('events.none')}</p>;
  return (
    <DataTable
      label={t('events.heading')}
      headers={[t('events.title_field'), t('events.when'), t('events.youth_coming'), t('events.companies_coming')]}
    >
      {events.map((e) => (
        <tr>
          <td>
            <a href={`/matching/events/${e.id}`}>{e.title}</a>
          </td>
          <td>{when(page, e)}</td>
          <td>{t('events.of', { n: e.youthComing, of: e.youthInvited })}</td>
          <td>{t('events.of', { n: e.companiesComing, of: e.companiesInvited })}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Upcoming events for an invited young person or company, on their own pages. */
export function MyEvents({ page, events }: { page: PageContext; events: MyEvent[] }) {
  const { t } = page;
  if (!events.length) return null;
  return (
    <section aria-labelledby="events-heading">
      <h2 id="events-heading">{t('events.mine')}</h2>
      <ul>
        {events.map((e) => (
          <li>
            <a href={`/matching/events/${e.id}`}>{e.title}</a>, {when(page, e)} · {t(`events.response.${e.response}` as Key)}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function EventPage({ page, data }: { page: PageContext; data: EventData }) {
  const { t } = page;
  const { event, relation } = data;
  const answer = (response: 'coming' | 'not_coming', primary: boolean) => (
    <form method="post" action={`/matching/events/${event.id}/respond`} class="app-inline-form">
      <CsrfField token={page.csrfToken} />
      <input type="hidden" name="response" value={response} />
      <button class={`button ${primary ? 'button-primary' : 'button-secondary'}`} type="submit">
        {t(`events.answer.${response}` as Key)}
      </button>
    </form>
  );
  return (
    <>
      <h1>{event.title}</h1>
      <p class="font-lead">
        {when(page, event)} · {event.place}
      </p>
      {relation.kind !== 'team' && (
        <div class="app-actions">
          <p>
            {t('events.your_answer')} <strong>{t(`events.response.${data.response ?? 'pending'}` as Key)}</strong>
          </p>
          {answer('coming', true)}
          {answer('not_coming', false)}
        </div>
      )}
      <p>
        <a href={`/matching/events/${event.id}/calendar.ics`}>{t('events.ics')}</a>
      </p>
      {event.programme && (
        <>
          <h2>{t('events.programme')}</h2>
          <p class="app-prose">{event.programme}</p>
        </>
      )}
      <h2>{t('events.openings')}</h2>
      <ul>
        {data.openings.map((o) => (
          <li>
            <a href={`/openings/${o.id}`}>{o.title}</a>, {o.companyName}
          </li>
        ))}
      </ul>
      {relation.kind === 'team' && (
        <>
          <h2>{t('events.youth')}</h2>
          <p>{t('events.of', { n: data.youthComing ?? 0, of: data.youth.length })}</p>
          <DataTable label={t('events.youth')} headers={[t('rounds.young_person'), t('events.answer_header')]} compact>
            {data.youth.map((y) => (
              <tr>
                <td>
                  <a href={`/youth/${y.id}`}>
                    {y.firstName} {y.lastName}
                  </a>
                </td>
                <td>{t(`events.response.${y.response}` as Key)}</td>
              </tr>
            ))}
          </DataTable>
          <h2>{t('events.companies')}</h2>
          <DataTable label={t('events.companies')} headers={[t('events.company'), t('events.answer_header')]} compact>
            {data.companies.map((c) => (
              <tr>
                <td>
                  <a href={`/companies/${c.id}`}>{c.name}</a>
                </td>
                <td>{t(`events.response.${c.response ?? 'pending'}` as Key)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </>
  );
}
