import type { AuditEventView } from '../modules/audit-log/audit-log.repository.ts';
import { type AuditKind, auditKinds } from '../platform/audit/actions.ts';
import { actionLabel } from '../platform/audit/labels.ts';
import { formatDateTime, plural, type MessageKey } from '../platform/i18n/i18n.ts';
import type { PageContext } from '../platform/views/page.ts';

/**
 * Which kind of entries to show: a GET form of radio buttons and a button, so it works without
 * JavaScript. `hidden`: fields the page needs kept (the team's municipality).
 */
export function AuditKindFilter(props: { page: PageContext; path: string; kind: AuditKind | undefined; hidden?: Record<string, string> }) {
  const { t } = props.page;
  const choices: { value: string; label: string }[] = [
    { value: '', label: t('audit.kind.all') },
    ...auditKinds.map((k) => ({ value: k, label: t(`audit.kind.${k}`) })),
  ];
  return (
    <form method="get" action={props.path} class="app-audit-filter">
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <fieldset>
        <legend class="form-label">{t('audit.kind.legend')}</legend>
        <ul class="nobullet-list app-choice-list">
          {choices.map((c) => (
            <li class="form-group-radio">
              <input
                class="form-radio"
                type="radio"
                id={`kind-${c.value || 'all'}`}
                name="kind"
                value={c.value}
                checked={(props.kind ?? '') === c.value}
              />
              <label for={`kind-${c.value || 'all'}`}>{c.label}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit" class="button button-secondary">
        {t('audit.kind.submit')}
      </button>
    </form>
  );
}

interface Group {
  key: string;
  actorName: string | null;
  role: string | null;
  organisation: string | null;
  events: AuditEventView[];
}

/** Entries by who did them and from where, the most recent group first (the order of the log). */
function groups(events: AuditEventView[]): Group[] {
  const byKey = new Map<string, Group>();
  for (const v of events) {
    const organisation = v.companyName ?? v.municipalityName;
    const key = `${v.event.actorUserId ?? 'system'}|${v.event.actorRole ?? ''}|${organisation ?? ''}`;
    const group = byKey.get(key) ?? { key, actorName: v.actorName, role: v.event.actorRole, organisation, events: [] };
    group.events.push(v);
    byKey.set(key, group);
  }
  return [...byKey.values()];
}

/** "Hvem har set mine data": the person's own log, by person and organisation, readable on a phone. */
export function MyAuditLog({ page, events, olderHref }: { page: PageContext; events: AuditEventView[]; olderHref: string | null }) {
  const { t, locale } = page;
  if (!events.length) return <p>{t('audit.none')}</p>;
  return (
    <>
      {groups(events).map((g) => (
        <section class="app-audit-group">
          <h2 class="h4">{g.actorName ?? t('audit.system')}</h2>
          <p class="app-audit-who">
            {[
              g.role ? t(`role.${g.role}` as MessageKey) : '',
              g.organisation ?? '',
              t(`audit.group.count.${plural(locale, g.events.length)}`, { count: g.events.length }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <ul class="nobullet-list">
            {g.events.map(({ event }) => (
              <li>
                <strong>{actionLabel(t, event.action, true)}</strong>
                {event.outcome !== 'allowed' && ` (${t(`audit.outcome.${event.outcome}` as MessageKey)})`}
                <br />
                <time datetime={event.at.toISOString()}>{formatDateTime(locale, event.at)}</time>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {olderHref && (
        <p>
          <a href={olderHref}>{t('audit.older')}</a>
        </p>
      )}
    </>
  );
}
