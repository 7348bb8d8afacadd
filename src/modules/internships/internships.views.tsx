import type { Translate } from '../../platform/i18n/i18n.ts';
import { formatDateTime } from '../../platform/i18n/i18n.ts';
import {
  Alert,
  CsrfField,
  DataTable,
  ErrorSummary,
  type FormState,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { FeedbackForCompany } from './feedback.service.ts';
import type { Extension, InternshipEvent, InternshipView } from './internships.repository.ts';
import { earlyEndReasons, weekdays } from './internships.schema.ts';
import type { TeamOverview } from './overview.service.ts';
import type { FlagReason } from './stability.ts';

type Key = Parameters<Translate>[0];
export const internshipStatusLabel = (t: Translate, s: string) => t(`internship.status.${s}` as Key);
const attendanceLabel = (t: Translate, v: string) => t(`internship.attendance.${v}` as Key);

export function flagText(t: Translate, r: FlagReason): string {
  if (r.kind === 'absences') return t('internship.flag.absences', { count: r.count });
  if (r.kind === 'concern') return t('internship.flag.concern', { week: r.weekStart });
  return t('internship.flag.falling', { from: r.from, to: r.to });
}

function Figures({ t, o }: { t: Translate; o: TeamOverview }) {
  const days = (v: number | null) => (v === null ? '–' : t('internship.days', { days: Math.round(v * 10) / 10 }));
  return (
    <ul class="nobullet-list app-cards">
      <li class="app-card">
        <h2 class="h4">{t('internship.open_clocks')}</h2>
        <p class="app-figure">{o.openClocks}</p>
        <p>{t('internship.overdue_count', { count: o.overdue })}</p>
      </li>
      <li class="app-card">
        <h2 class="h4">{t('internship.days_to_start')}</h2>
        <p class="app-figure">{days(o.median)}</p>
        <p>{t('internship.days_to_start_detail', { p90: days(o.p90), starts: o.starts })}</p>
      </li>
      <li class="app-card">
        <h2 class="h4">{t('internship.flags')}</h2>
        <p class="app-figure">{o.flags.length}</p>
        <p>{t('internship.flags_hint')}</p>
      </li>
    </ul>
  );
}

export function ClocksTable({ t, o }: { t: Translate; o: TeamOverview }) {
  if (!o.clocks.length) return <p>{t('internship.no_clocks')}</p>;
  return (
    <DataTable
      label={t('internship.open_clocks')}
      headers={[t('internship.youth'), t('internship.company'), t('internship.chosen_on'), t('internship.days_left')]}
    >
      {o.clocks.map((c) => (
        <tr>
          <td>
            <a href={`/internships/${c.id}`}>{c.youthName}</a>
          </td>
          <td>{c.companyName}</td>
          <td>{c.chosenOn}</td>
          <td>
            {c.overdue ? <strong>{t('internship.overdue_by', { days: -c.daysLeft })}</strong> : t('internship.days', { days: c.daysLeft })}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export function FlagsList({ t, o }: { t: Translate; o: TeamOverview }) {
  if (!o.flags.length) return <p>{t('internship.no_flags')}</p>;
  return (
    <ul class="app-flags">
      {o.flags.map((f) => (
        <li>
          <a href={`/youth/${f.youthId}`}>{f.youthName}</a>: {f.reasons.map((r) => flagText(t, r)).join(' · ')}
        </li>
      ))}
    </ul>
  );
}

export function InternshipListView({
  page,
  m,
  rows,
  overview,
  canPlan,
}: {
  page: PageContext;
  m: string;
  rows: InternshipView[];
  overview: TeamOverview | null;
  canPlan: boolean;
}) {
  const { t } = page;
  return (
    <>
      <h1>{t('internship.list_title')}</h1>
      {canPlan && (
        <p>
          <a class="button button-primary" href={`/internships/new?m=${m}`}>
            {t('internship.plan')}
          </a>
        </p>
      )}
      {overview && (
        <>
          <Figures t={t} o={overview} />
          <h2>{t('internship.open_clocks')}</h2>
          <p>{t('internship.clock_intro')}</p>
          <ClocksTable t={t} o={overview} />
          <h2>{t('internship.flags')}</h2>
          <FlagsList t={t} o={overview} />
          <h2>{t('internship.idle_companies')}</h2>
          {overview.idleCompanies.length ? (
            <ul>
              {overview.idleCompanies.map((c) => (
                <li>
                  <a href={`/companies/${c.id}`}>{c.name}</a>:{' '}
                  {c.lastEnd ? t('internship.idle_since', { date: c.lastEnd }) : t('internship.idle_never')}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('internship.no_idle_companies')}</p>
          )}
        </>
      )}
      <h2>{t('internship.all')}</h2>
      <DataTable
        label={t('internship.all')}
        headers={[
          t('internship.youth'),
          t('internship.company'),
          t('internship.status'),
          t('internship.start'),
          t('internship.planned_end'),
        ]}
      >
        {rows.map((i) => (
          <tr>
            <td>
              <a href={`/internships/${i.id}`}>
                {i.youthFirstName} {overview ? i.youthLastName : ''}
              </a>
            </td>
            <td>{i.companyName}</td>
            <td>{internshipStatusLabel(t, i.status)}</td>
            <td>{i.firstDay ?? i.agreedStart}</td>
            <td>{i.plannedEnd}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

export interface PlanChoices {
  youth: { id: string; name: string }[];
  openings: { id: string; title: string; companyName: string; published: boolean }[];
}

export function PlanForm({ page, m, form, choices }: { page: PageContext; m: string; form: FormState; choices: PlanChoices }) {
  const { t } = page;
  const labels = {
    youthId: t('internship.youth'),
    openingId: t('internship.opening'),
    chosenOn: t('internship.chosen_on'),
    agreedStart: t('internship.agreed_start'),
    plannedEnd: t('internship.planned_end'),
    weeklyHours: t('internship.weekly_hours'),
    tasks: t('internship.tasks'),
    previousId: t('internship.previous'),
  };
  return (
    <div class="app-narrow-form">
      <h1>{t('internship.plan')}</h1>
      <p>{t('internship.plan_intro')}</p>
      <ErrorSummary t={t} form={form} labels={labels} />
      <form method="post" action={`/internships?m=${m}`} novalidate>
        <CsrfField token={page.csrfToken} />
        {form.values.previousId && <input type="hidden" name="previousId" value={form.values.previousId} />}
        <SelectField
          t={t}
          form={form}
          name="youthId"
          label={labels.youthId}
          emptyLabel=""
          options={choices.youth.map((y) => ({ value: y.id, label: y.name }))}
          required
        />
        <SelectField
          t={t}
          form={form}
          name="openingId"
          label={labels.openingId}
          emptyLabel=""
          options={choices.openings.map((o) => ({ value: o.id, label: `${o.companyName}: ${o.title}` }))}
          required
        />
        <TextField t={t} form={form} name="chosenOn" label={labels.chosenOn} hint={t('internship.chosen_on_hint')} type="date" required />
        <TextField t={t} form={form} name="agreedStart" label={labels.agreedStart} type="date" required />
        <TextField t={t} form={form} name="plannedEnd" label={labels.plannedEnd} hint={t('internship.planned_end_hint')} type="date" />
        <TextField
          t={t}
          form={form}
          name="weeklyHours"
          label={labels.weeklyHours}
          hint={t('internship.hours_hint')}
          inputmode="numeric"
          required
        />
        <TextArea t={t} form={form} name="tasks" label={labels.tasks} hint={t('internship.tasks_hint')} rows={3} />
        <button type="submit" class="button button-primary">
          {t('internship.plan_submit')}
        </button>
      </form>
    </div>
  );
}

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
      <dd>{i.chosenAt.toISOString().slice(0, 10)}</dd>
      <dt>{t('internship.agreed_start')}</dt>
      <dd>{i.agreedStart}</dd>
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
export function ExtensionSection({
  page,
  i,
  extensions,
  side,
  form,
  returnTo,
}: {
  page: PageContext;
  i: InternshipView;
  extensions: Extension[];
  side: 'company' | 'youth' | 'team';
  form: FormState;
  returnTo: string;
}) {
  const { t } = page;
  const open = extensions.find((e) => e.status === 'requested');
  const running = i.status === 'active' || i.status === 'extended';
  if (!running && !extensions.length) return null;
  const agreedBy = (e: Extension) =>
    [e.companyAgreedAt ? t('internship.side.company') : '', e.youthAgreedAt ? t('internship.side.youth') : ''].filter(Boolean).join(', ') ||
    '–';
  const mine = open && ((side === 'company' && open.companyAgreedAt) || (side === 'youth' && open.youthAgreedAt));
  return (
    <section>
      <h2>{t('internship.extension')}</h2>
      {open ? (
        <>
          <p>{t('internship.extension_open', { end: open.newEnd, agreed: agreedBy(open) })}</p>
          {open.reason && <p>“{open.reason}”</p>}
          {!mine && (
            <form method="post" action={`/internships/${i.id}/extension/agree?return=${returnTo}`} class="app-narrow-form" novalidate>
              <CsrfField token={page.csrfToken} />
              {side === 'team' && (
                <SelectField
                  t={t}
                  form={form}
                  name="onBehalfOf"
                  label={t('internship.on_behalf_of')}
                  options={[
                    { value: 'company', label: t('internship.side.company') },
                    { value: 'youth', label: t('internship.side.youth') },
                  ]}
                />
              )}
              <button class="button button-primary" type="submit">
                {t('internship.extension_agree')}
              </button>
            </form>
          )}
          <form method="post" action={`/internships/${i.id}/extension/withdraw?return=${returnTo}`} class="app-inline-form">
            <CsrfField token={page.csrfToken} />
            <button class="button button-secondary" type="submit">
              {t('internship.extension_withdraw')}
            </button>
          </form>
        </>
      ) : (
        running && (
          <form method="post" action={`/internships/${i.id}/extension?return=${returnTo}`} class="app-narrow-form" novalidate>
            <ErrorSummary t={t} form={form} labels={{ newEnd: t('internship.new_end'), reason: t('internship.extension_reason') }} />
            <CsrfField token={page.csrfToken} />
            <TextField
              t={t}
              form={form}
              name="newEnd"
              label={t('internship.new_end')}
              hint={t('internship.new_end_hint', { end: i.plannedEnd })}
              type="date"
              required
            />
            <TextField t={t} form={form} name="reason" label={t('internship.extension_reason')} />
            <button class="button button-secondary" type="submit">
              {t('internship.extension_request')}
            </button>
          </form>
        )
      )}
      {extensions.some((e) => e.status !== 'requested') && (
        <ul>
          {extensions
            .filter((e) => e.status !== 'requested')
            .map((e) => (
              <li>{t(`internship.extension_${e.status}` as Key, { end: e.newEnd })}</li>
            ))}
        </ul>
      )}
    </section>
  );
}

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
}: {
  page: PageContext;
  today: string;
  data: { i: InternshipView; events: InternshipEvent[]; extensions: Extension[]; canManage: boolean; canReadConcerns: boolean };
  feedback: FeedbackForCompany[];
  form: FormState;
  side: 'company' | 'youth' | 'team';
  canGiveFeedback: boolean;
}) {
  const { t } = page;
  const { i } = data;
  const running = i.status === 'active' || i.status === 'extended';
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
      <Facts t={t} i={i} />
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
