import { type Locale, type Translate, formatNumber } from '../../platform/i18n/i18n.ts';
import { CsrfField, DataTable, ErrorSummary, type FormState, SelectField, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import { activities } from './costs.values.ts';
import type { StaffTimeEntry } from './costs.repository.ts';

type Key = Parameters<Translate>[0];
const hours = (locale: Locale, minutes: number) => formatNumber(locale, minutes / 60, 2);

/** A team member logs time for the programme's cost: per activity (and young person), or a weekly estimate. */
export function StaffTimePage(props: {
  page: PageContext;
  m: string;
  entries: StaffTimeEntry[];
  monthMinutes: number;
  youth: { id: string; name: string }[];
  form: FormState;
}) {
  const { page, m, entries, monthMinutes, youth, form } = props;
  const { t } = page;
  const labels = {
    kind: t('time.kind'),
    on: t('time.on'),
    activity: t('time.activity'),
    hours: t('time.hours'),
    youthId: t('time.youth'),
    note: t('time.note'),
  };
  const names = new Map(youth.map((y) => [y.id, y.name]));
  return (
    <>
      <h1>{t('time.title')}</h1>
      <p class="font-lead">{t('time.lead')}</p>
      <p>{t('time.month', { hours: hours(page.locale, monthMinutes) })}</p>
      <form method="post" action={`/time?m=${m}`} class="app-narrow-form" novalidate>
        <ErrorSummary t={t} form={form} labels={labels} />
        <CsrfField token={page.csrfToken} />
        <SelectField
          t={t}
          form={form}
          name="kind"
          label={labels.kind}
          options={(['entry', 'week'] as const).map((k) => ({ value: k, label: t(`time.kind.${k}` as Key) }))}
          required
        />
        <TextField t={t} form={form} name="on" label={labels.on} hint={t('time.on_hint')} type="date" required />
        <SelectField
          t={t}
          form={form}
          name="activity"
          label={labels.activity}
          options={activities.map((a) => ({ value: a, label: t(`time.activity.${a}` as Key) }))}
          required
        />
        <TextField t={t} form={form} name="hours" label={labels.hours} hint={t('time.hours_hint')} inputmode="decimal" required />
        <SelectField
          t={t}
          form={form}
          name="youthId"
          label={labels.youthId}
          options={youth.map((y) => ({ value: y.id, label: y.name }))}
          emptyLabel={t('time.no_youth')}
        />
        <TextField t={t} form={form} name="note" label={labels.note} />
        <button class="button button-primary" type="submit">
          {t('time.save')}
        </button>
      </form>
      <h2>{t('time.latest')}</h2>
      {entries.length ? (
        <DataTable label={t('time.latest')} headers={[labels.on, labels.kind, labels.activity, labels.hours, labels.youthId]} compact>
          {entries.map((e) => (
            <tr>
              <td>{e.on}</td>
              <td>{t(`time.kind.${e.kind}` as Key)}</td>
              <td>{t(`time.activity.${e.activity}` as Key)}</td>
              <td>{hours(page.locale, e.minutes)}</td>
              <td>{e.youthId ? (names.get(e.youthId) ?? '–') : '–'}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>{t('time.none')}</p>
      )}
    </>
  );
}
