import type { ComponentChildren } from 'preact';
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  type FormState,
  Pagination,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import { formatDay } from '../../platform/i18n/i18n.ts';
import { seatsText } from '../offers/seats.ts';
import { tradeOptions } from './companies.views.tsx';
import type { DirectoryQuery } from './companies.inputs.ts';
import type { DirectoryHit } from './directory.repository.ts';
import type { Opening } from './openings.repository.ts';
import { tradeSections } from './trades.ts';

export function DirectoryView(props: {
  page: PageContext;
  m: string;
  query: DirectoryQuery;
  areas: string[];
  hits: DirectoryHit[];
  total: number;
  pages: number;
  fuzzy: boolean;
  /** Seats free today, per opening. */
  free: Map<string, number>;
}) {
  const { page, query } = props;
  const { t } = page;
  const values = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const form = { values, errors: {} };
  const href = (p: number) => `/openings?${new URLSearchParams({ ...values, m: props.m, page: String(p) }).toString()}`;
  return (
    <>
      <h1>{t('directory.title')}</h1>
      <p>{t('directory.intro')}</p>
      <form method="get" action="/openings" class="app-filter" role="search">
        <input type="hidden" name="m" value={props.m} />
        <TextField t={t} form={form} name="q" label={t('directory.q')} hint={t('directory.q_hint')} />
        <SelectField t={t} form={form} name="trade" label={t('company.trade')} emptyLabel={t('company.all')} options={tradeOptions(page)} />
        <SelectField
          t={t}
          form={form}
          name="area"
          label={t('company.area')}
          emptyLabel={t('company.all')}
          // An area asked for in the address but no longer among them stays chosen, so the form shows what was searched.
          options={[...new Set([...props.areas, ...(query.area ? [query.area] : [])])].map((a) => ({ value: a, label: a }))}
        />
        <SelectField
          t={t}
          form={form}
          name="hours"
          label={t('directory.hours')}
          emptyLabel={t('company.all')}
          options={[15, 20, 25, 30, 37].map((h) => ({ value: String(h), label: t('directory.hours_max', { hours: h }) }))}
        />
        <TextField t={t} form={form} name="startBy" label={t('directory.start_by')} type="date" />
        <button type="submit" class="button button-primary">
          {t('directory.search')}
        </button>
      </form>
      <p role="status">
        {t('directory.count', { count: props.total })}
        {props.fuzzy && props.total > 0 && ` ${t('directory.fuzzy')}`}
      </p>
      <ul class="nobullet-list app-results">
        {props.hits.map((h) => (
          <li class="app-card">
            <h2 class="h4">
              <a href={`/openings/${h.opening.id}`}>{h.opening.title}</a>
            </h2>
            <p>
              <strong>{h.companyName}</strong> ·{' '}
              {tradeSections[h.tradeSection as keyof typeof tradeSections]?.[page.locale] ?? h.tradeSection} · {h.area}
            </p>
            <p>
              {t('opening.summary', {
                hours: h.opening.weeklyHours,
                seats: seatsText(t, page.locale, props.free.get(h.opening.id) ?? h.opening.seats, h.opening.seats),
                start: formatDay(page.locale, h.opening.startFrom),
              })}
            </p>
          </li>
        ))}
      </ul>
      <Pagination t={t} page={query.page} pages={props.pages} href={href} />
    </>
  );
}

export function OpeningPage({
  page,
  opening,
  canEdit,
  free,
  wish,
}: {
  page: PageContext;
  opening: Opening & { companyName: string };
  canEdit: boolean;
  /** Seats free today. */
  free: number;
  /** The young person's "I'd like to try working here", when they may wish it. */
  wish?: ComponentChildren;
}) {
  const { t } = page;
  return (
    <>
      <h1>{opening.title}</h1>
      <p class="font-lead">
        <a href={`/companies/${opening.companyId}`}>{opening.companyName}</a> · {opening.place}
      </p>
      {!opening.published && <p>{t('opening.unpublished_note')}</p>}
      {opening.published && free === 0 && wish && <p>{t('seats.full_wish_note')}</p>}
      {wish}
      {canEdit && (
        <p>
          <a class="button button-secondary" href={`/openings/${opening.id}/edit`}>
            {t('opening.edit')}
          </a>
        </p>
      )}
      <h2>{t('opening.tasks')}</h2>
      <p class="app-prose">{opening.tasks}</p>
      {opening.learning && (
        <>
          <h2>{t('opening.learning')}</h2>
          <p class="app-prose">{opening.learning}</p>
        </>
      )}
      <dl class="app-facts">
        <dt>{t('opening.weekly_hours')}</dt>
        <dd>{opening.weeklyHours}</dd>
        <dt>{t('opening.duration')}</dt>
        <dd>{t('opening.months', { months: opening.durationMonths })}</dd>
        <dt>{t('opening.seats')}</dt>
        <dd>{seatsText(t, page.locale, free, opening.seats)}</dd>
        <dt>{t('opening.start_from')}</dt>
        <dd>{formatDay(page.locale, opening.startFrom)}</dd>
      </dl>
    </>
  );
}

export function OpeningForm(props: {
  page: PageContext;
  form: FormState;
  action: string;
  title: string;
  supervisors: { value: string; label: string }[];
}) {
  const { page, form } = props;
  const { t } = page;
  const labels = {
    title: t('opening.title'),
    tasks: t('opening.tasks'),
    place: t('opening.place'),
    weeklyHours: t('opening.weekly_hours'),
    durationMonths: t('opening.duration_months'),
    seats: t('opening.seats'),
    startFrom: t('opening.start_from'),
    learning: t('opening.learning'),
    supervisorUserId: t('opening.supervisor'),
  };
  return (
    <div class="app-narrow-form">
      <h1>{props.title}</h1>
      <ErrorSummary t={t} form={form} labels={labels} />
      <form method="post" action={props.action} novalidate>
        <CsrfField token={page.csrfToken} />
        <TextField t={t} form={form} name="title" label={labels.title} hint={t('opening.title_hint')} required />
        <TextArea t={t} form={form} name="tasks" label={labels.tasks} hint={t('opening.tasks_hint')} rows={5} required />
        <TextField t={t} form={form} name="place" label={labels.place} required />
        <TextField
          t={t}
          form={form}
          name="weeklyHours"
          label={labels.weeklyHours}
          hint={t('opening.hours_hint')}
          inputmode="numeric"
          required
        />
        <TextField t={t} form={form} name="durationMonths" label={labels.durationMonths} inputmode="numeric" required />
        <TextField t={t} form={form} name="seats" label={labels.seats} inputmode="numeric" required />
        <TextField t={t} form={form} name="startFrom" label={labels.startFrom} type="date" required />
        <TextArea t={t} form={form} name="learning" label={labels.learning} rows={3} />
        <SelectField
          t={t}
          form={form}
          name="supervisorUserId"
          label={labels.supervisorUserId}
          options={props.supervisors}
          emptyLabel={t('opening.no_supervisor')}
        />
        <Checkbox t={t} form={form} name="published" label={t('opening.published')} hint={t('opening.published_hint')} />
        <button type="submit" class="button button-primary">
          {t('form.save')}
        </button>
      </form>
    </div>
  );
}
