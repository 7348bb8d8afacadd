import { type Translate, formatDateTime, translate } from '../../platform/i18n/i18n.ts';
import { Alert, Checkbox, CsrfField, DataTable, ErrorSummary, type FormState, SelectField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { Notification, Preferences } from './notifications.repository.ts';
import { emailModes } from './notifications.values.ts';

type Key = Parameters<Translate>[0];
const hours = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` }));

export function NotificationsView({
  page,
  prefs,
  form,
  recent,
  newFeedUrl,
}: {
  page: PageContext;
  prefs: Preferences & { feedSince: Date | null };
  form: FormState | null;
  recent: Notification[];
  newFeedUrl: string | null;
}) {
  const { t } = page;
  const shown: FormState = form ?? {
    values: {
      email: prefs.email,
      quietFrom: String(prefs.quietFrom),
      quietTo: String(prefs.quietTo),
      digestHour: String(prefs.digestHour),
      sms: prefs.sms ? 'on' : '',
    },
    errors: {},
  };
  const labels = {
    email: t('notifications.email'),
    quietFrom: t('notifications.quiet_from'),
    quietTo: t('notifications.quiet_to'),
    digestHour: t('notifications.digest_hour'),
    sms: t('notify.sms'),
  };
  return (
    <>
      <h1>{t('notifications.title')}</h1>
      <section class="app-narrow-form">
        <h2>{t('notifications.preferences')}</h2>
        <ErrorSummary t={t} form={shown} labels={labels} />
        <form method="post" action="/me/notifications" novalidate>
          <CsrfField token={page.csrfToken} />
          <SelectField
            t={t}
            form={shown}
            name="email"
            label={labels.email}
            options={emailModes.map((m) => ({ value: m, label: t(`notifications.email.${m}` as Key) }))}
            required
          />
          <SelectField
            t={t}
            form={shown}
            name="quietFrom"
            label={labels.quietFrom}
            hint={t('notifications.quiet_hint')}
            options={hours}
            required
          />
          <SelectField t={t} form={shown} name="quietTo" label={labels.quietTo} options={hours} required />
          <SelectField
            t={t}
            form={shown}
            name="digestHour"
            label={labels.digestHour}
            hint={t('notifications.digest_hint')}
            options={hours}
            required
          />
          <Checkbox t={t} form={shown} name="sms" label={labels.sms} hint={t('notify.sms_hint')} />
          <button type="submit" class="button button-primary">
            {t('notifications.save')}
          </button>
        </form>
      </section>
      <section class="app-narrow-form">
        <h2>{t('calendar.title')}</h2>
        <p>{t('calendar.intro')}</p>
        {newFeedUrl && (
          <Alert kind="success" role="status" heading={t('calendar.new_url')}>
            <code class="app-break">{newFeedUrl}</code>
          </Alert>
        )}
        {prefs.feedSince && !newFeedUrl && <p>{t('calendar.active_since', { at: formatDateTime(page.locale, prefs.feedSince) })}</p>}
        <form method="post" action="/me/calendar" class="app-inline-form">
          <CsrfField token={page.csrfToken} />
          <button type="submit" class="button button-secondary">
            {prefs.feedSince ? t('calendar.replace') : t('calendar.create')}
          </button>
        </form>{' '}
        {prefs.feedSince && (
          <form method="post" action="/me/calendar/revoke" class="app-inline-form">
            <CsrfField token={page.csrfToken} />
            <button type="submit" class="button button-secondary">
              {t('calendar.revoke')}
            </button>
          </form>
        )}
      </section>
      <h2>{t('notifications.recent')}</h2>
      {recent.length ? (
        <DataTable
          label={t('notifications.recent')}
          headers={[t('audit.at'), t('notifications.message'), t('notifications.emailed')]}
          compact
        >
          {recent.map((n) => (
            <tr>
              <td>{formatDateTime(page.locale, n.createdAt)}</td>
              <td>{translate(page.locale, `notify.title.${n.kind}`, n.params)}</td>
              <td>{n.emailed ? t('notifications.yes') : n.deliveredAt ? t('notifications.no') : t('notifications.pending')}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>{t('notifications.none')}</p>
      )}
    </>
  );
}
