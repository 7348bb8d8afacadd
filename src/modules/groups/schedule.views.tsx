import type { Translate } from '../../platform/i18n/i18n.ts';
import { CsrfField, ErrorSummary, type FormState, SelectField, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { NetworkGroup } from './groups.repository.ts';

type Key = Parameters<Translate>[0];

/** "Tuesdays at 14:00, Ungehuset" and the calendar file for the next sessions. */
export function MeetsLine({ t, group, calendarHref }: { t: Translate; group: NetworkGroup; calendarHref: string }) {
  if (!group.meetsWeekday || !group.meetsAt) return <p>{t('schedule.not_set')}</p>;
  return (
    <p>
      {t('schedule.meets', { day: t(`schedule.weekday.${group.meetsWeekday}` as Key), time: group.meetsAt, place: group.meetsPlace })}{' '}
      <a href={calendarHref}>{t('schedule.calendar')}</a>
    </p>
  );
}

/** The group's weekly time and place, and its counsellor (any team member it is assigned to). */
export function ScheduleForm(props: {
  page: PageContext;
  group: NetworkGroup;
  counsellors: { userId: string; name: string }[];
  form: FormState;
}) {
  const { page, group, counsellors } = props;
  const { t } = page;
  const form =
    props.form.values.meetsPlace === undefined
      ? {
          ...props.form,
          values: {
            meetsWeekday: group.meetsWeekday ? String(group.meetsWeekday) : '',
            meetsAt: group.meetsAt ?? '',
            meetsPlace: group.meetsPlace,
            counsellorUserId: group.counsellorUserId ?? '',
          },
        }
      : props.form;
  const labels = {
    meetsWeekday: t('schedule.weekday'),
    meetsAt: t('schedule.time'),
    meetsPlace: t('groups.place'),
    counsellorUserId: t('groups.counsellor'),
  };
  return (
    <form method="post" action={`/groups/${group.id}/schedule`} class="app-narrow-form" novalidate>
      <h2>{t('schedule.title')}</h2>
      <ErrorSummary t={t} form={form} labels={labels} />
      <CsrfField token={page.csrfToken} />
      <SelectField
        t={t}
        form={form}
        name="meetsWeekday"
        label={labels.meetsWeekday}
        options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(`schedule.weekday.${d}` as Key) }))}
        emptyLabel=""
        required
      />
      <TextField t={t} form={form} name="meetsAt" label={labels.meetsAt} hint={t('schedule.time_hint')} inputmode="decimal" required />
      <TextField t={t} form={form} name="meetsPlace" label={labels.meetsPlace} required />
      <SelectField
        t={t}
        form={form}
        name="counsellorUserId"
        label={labels.counsellorUserId}
        hint={t('groups_rules.counsellor_hint')}
        options={counsellors.map((c) => ({ value: c.userId, label: c.name }))}
        emptyLabel={t('schedule.no_counsellor')}
      />
      <button class="button button-secondary" type="submit">
        {t('schedule.save')}
      </button>
    </form>
  );
}
