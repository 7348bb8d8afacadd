import type { Translate } from '../../platform/i18n/i18n.ts';
import { CsrfField, DataTable, ErrorSummary, type FormState, SelectField, TextArea, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { InternshipView } from './internships.repository.ts';
import type { TeamOverview } from './overview.service.ts';
import type { FlagReason } from './stability.ts';

type Key = Parameters<Translate>[0];
export const internshipStatusLabel = (t: Translate, s: string) => t(`internship.status.${s}` as Key);

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
  /** The municipality's days from the choice to the first day. */
  startWithinDays: number;
  /** The municipality's longest internship, extensions included. */
  internshipMaxMonths: number;
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
    startLateReason: t('rules.start_late_reason_label'),
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
        <TextArea
          t={t}
          form={form}
          name="startLateReason"
          label={labels.startLateReason}
          hint={t('rules.start_late_reason_hint', { days: choices.startWithinDays })}
          rows={2}
          maxLength={500}
        />
        <TextField
          t={t}
          form={form}
          name="plannedEnd"
          label={labels.plannedEnd}
          hint={t('internship.planned_end_hint', { months: choices.internshipMaxMonths })}
          type="date"
        />
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
