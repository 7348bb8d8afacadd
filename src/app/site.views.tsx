import type { AuditEventView } from '../modules/audit-log/audit-log.repository.ts';
import { formatDateTime, isMessageKey, type Translate } from '../platform/i18n/i18n.ts';
import { actionLabel } from '../platform/audit/labels.ts';
import type { OutboxMessage } from '../platform/mail/outbox.repository.ts';
import { DataTable } from '../platform/views/components.tsx';
import type { PageContext } from '../platform/views/page.ts';

/** A catalog text when there is one, else the code itself. */
const label = (t: Translate, key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback);

/**
 * The team's audit log as a table. `aboutMe`: the person reads what was done with their own data,
 * so an action has its "you" wording where there is one ("Så dine oplysninger").
 */
export function AuditTable({
  page,
  events,
  olderHref,
  aboutMe = false,
}: {
  page: PageContext;
  events: AuditEventView[];
  olderHref: string | null;
  aboutMe?: boolean;
}) {
  const { t } = page;
  const action = (a: string) => actionLabel(t, a, aboutMe);
  if (!events.length) return <p>{t('audit.none')}</p>;
  return (
    <>
      <DataTable
        label={t('audit.title')}
        headers={[t('audit.at'), t('audit.actor'), t('audit.action'), t('audit.target'), t('audit.outcome')]}
        compact
      >
        {events.map(({ event, actorName }) => (
          <tr>
            <td>{formatDateTime(page.locale, event.at)}</td>
            <td>
              {actorName ?? t('audit.system')}
              {event.actorRole ? ` (${t(`role.${event.actorRole}` as Parameters<typeof t>[0])})` : ''}
            </td>
            <td>{action(event.action)}</td>
            <td>{event.targetType ? label(t, `audit.target.${event.targetType}`, event.targetType) : '–'}</td>
            <td>{t(`audit.outcome.${event.outcome}` as Parameters<typeof t>[0])}</td>
          </tr>
        ))}
      </DataTable>
      {olderHref && (
        <p>
          <a href={olderHref}>{t('audit.older')}</a>
        </p>
      )}
    </>
  );
}

export function OutboxTable({ page, messages }: { page: PageContext; messages: OutboxMessage[] }) {
  const { t } = page;
  if (!messages.length) return <p>{t('outbox.none')}</p>;
  return (
    <ul class="nobullet-list app-outbox">
      {messages.map((m) => (
        <li class="app-outbox-item">
          <h2 class="h4">{m.subject}</h2>
          <p>
            {t('outbox.to')}: {m.to} · {t('outbox.at')}: {formatDateTime(page.locale, m.at)}
          </p>
          <pre class="app-mail-text">{m.text}</pre>
        </li>
      ))}
    </ul>
  );
}

export interface ApiOperation {
  method: string;
  path: string;
  summary: string;
}

export function ApiDocs({ page, operations }: { page: PageContext; operations: ApiOperation[] }) {
  const { t } = page;
  return (
    <>
      <h1>{t('api_docs.title')}</h1>
      <p>
        {t('api_docs.intro')}
        <a href="/api/openapi.json">/api/openapi.json</a>
      </p>
      <DataTable
        label={t('api_docs.title')}
        headers={[t('api_docs.method'), t('api_docs.path'), t('api_docs.summary')]}
        compact
        zebra={false}
      >
        {operations.map((o) => (
          <tr>
            <td>
              <code>{o.method}</code>
            </td>
            <td>
              <code>{o.path}</code>
            </td>
            <td>{o.summary}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
