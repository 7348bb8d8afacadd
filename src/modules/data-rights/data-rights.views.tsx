import { actionLabel } from '../../platform/audit/labels.ts';
import { localTime } from '../../platform/dates.ts';
import { formatClock, formatDate, formatNumber, isMessageKey, type MessageKey } from '../../platform/i18n/i18n.ts';
import type { PageContext } from '../../platform/views/page.ts';
import { Checkbox, CsrfField, ErrorSummary, type FormState } from '../../platform/views/components.tsx';
import type { DataSubject } from './data-rights.repository.ts';
import type { DataExport } from './data-rights.service.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** "Mine data og rettigheder": the young person's rights in plain words, and the two downloads. */
export function MyDataView({ page }: { page: PageContext }) {
  const { t } = page;
  return (
    <>
      <h1>{t('data.title')}</h1>
      <p class="font-lead">{t('data.intro')}</p>
      <h2>{t('data.download_title')}</h2>
      <ul class="nobullet-list">
        <li>
          <p>
            <a class="button button-primary" href="/me/data/document">
              {t('data.download_document')}
            </a>
          </p>
          <p>{t('data.download_document_hint')}</p>
        </li>
        <li>
          <p>
            <a class="button button-secondary" href="/me/data/export.json" download="mine-data.json">
              {t('data.download_json')}
            </a>
          </p>
          <p>{t('data.download_json_hint')}</p>
        </li>
      </ul>
      <p>{t('data.audit_note')}</p>
      <h2>{t('data.rights_title')}</h2>
      <ul>
        <li>{t('data.right.access')}</li>
        <li>{t('data.right.correct')}</li>
        <li>{t('data.right.erase')}</li>
        <li>{t('data.right.complain')}</li>
      </ul>
      <p>
        <a href="https://www.datatilsynet.dk" rel="noopener">
          {t('data.datatilsynet')}
        </a>
      </p>
      <p>
        <a href="/me/audit">{t('data.audit_link')}</a>
      </p>
    </>
  );
}

/** The team's section on a young person's page: the export for a request received by letter. */
export function TeamExportSection({ page, youthId, canErase }: { page: PageContext; youthId: string; canErase: boolean }) {
  const { t } = page;
  return (
    <section aria-labelledby="data-export-title">
      <h2 id="data-export-title">{t('data.team.title')}</h2>
      <p>{t('data.team.lead')}</p>
      <p>
        <a class="button button-secondary" href={`/youth/${youthId}/data/document`}>
          {t('data.team.document')}
        </a>{' '}
        <a class="button button-secondary" href={`/youth/${youthId}/data/export.json`} download="data.json">
          {t('data.team.json')}
        </a>
      </p>
      {canErase && (
        <p>
          <a href={`/youth/${youthId}/erase`}>{t('data.erase.button_link')}</a>
        </p>
      )}
    </section>
  );
}

/** The confirm step of an erasure: what is erased, what is kept and why, and a box to tick. */
export function EraseConfirm({ page, y, form }: { page: PageContext; y: DataSubject; form: FormState }) {
  const { t, locale } = page;
  if (y.erasedAt)
    return (
      <>
        <h1>{t('data.erase.title')}</h1>
        <p>{t('data.erase.already', { date: formatDate(locale, new Date(y.erasedAt)) })}</p>
      </>
    );
  return (
    <>
      <h1>
        {t('data.erase.title')}: {y.firstName} {y.lastName}
      </h1>
      <p class="font-lead">{t('data.erase.lead')}</p>
      <h2>{t('data.erase.deleted_title')}</h2>
      <ul>
        <li>{t('data.erase.deleted.identity')}</li>
        <li>{t('data.erase.deleted.texts')}</li>
        <li>{t('data.erase.deleted.account')}</li>
      </ul>
      <h2>{t('data.erase.kept_title')}</h2>
      <ul>
        <li>{t('data.erase.kept.counts')}</li>
        <li>{t('data.erase.kept.audit')}</li>
        <li>{t('data.erase.kept.research')}</li>
        <li>{t('data.erase.kept.case')}</li>
      </ul>
      <form method="post" action={`/youth/${y.id}/erase`} novalidate class="app-narrow-form">
        <ErrorSummary t={t} form={form} labels={{ confirm: t('data.erase.confirm') }} />
        <CsrfField token={page.csrfToken} />
        <Checkbox t={t} form={form} name="confirm" label={t('data.erase.confirm')} />
        <button type="submit" class="button button-primary">
          {t('data.erase.submit')}
        </button>
      </form>
    </>
  );
}

/** A column hidden in the readable document: record ids mean nothing to a reader (they are in the file). */
function hidden(column: string, exported: DataExport): boolean {
  if (column === 'bytes_base64') return true;
  if (column === 'id' || column === 'withheld') return true;
  const person = column === 'user_id' || column.endsWith('_user_id');
  return column.endsWith('_id') && !person && !exported.records[column];
}

function Value({ page, exported, column, value }: { page: PageContext; exported: DataExport; column: string; value: unknown }) {
  const { t, locale } = page;
  if (value === null || value === undefined || value === '') return <>{t('data.doc.none')}</>;
  if (typeof value === 'boolean') return <>{t(value ? 'data.doc.yes' : 'data.doc.no')}</>;
  if (typeof value === 'number') return <>{formatNumber(locale, value, 2)}</>;
  if (typeof value === 'string') {
    if (column === 'user_id' || column.endsWith('_user_id')) return <>{exported.people[value] ?? t('data.doc.someone')}</>;
    const record = exported.records[column];
    if (record) return <>{record[value] ?? t('data.doc.none')}</>;
    if (column === 'action') return <>{actionLabel(t, value, true)}</>;
    if (column === 'role' || column === 'actor_role') {
      const key = `role.${value}`;
      return <>{isMessageKey(key) ? t(key) : value}</>;
    }
    if (DATE.test(value)) return <time datetime={value}>{formatDate(locale, value)}</time>;
    if (INSTANT.test(value)) {
      const at = new Date(value);
      if (!Number.isNaN(at.getTime()))
        return (
          <time datetime={at.toISOString()}>
            {formatDate(locale, at)} {formatClock(locale, localTime(at))}
          </time>
        );
    }
    return <span class="app-pre-line">{value}</span>;
  }
  if (Array.isArray(value))
    return (
      <ul>
        {value.map((v) => (
          <li>
            <Value page={page} exported={exported} column="" value={v} />
          </li>
        ))}
      </ul>
    );
  return (
    <ul class="nobullet-list">
      {Object.entries(value as Record<string, unknown>).map(([k, v]) => (
        <li>
          {k}: <Value page={page} exported={exported} column={k} value={v} />
        </li>
      ))}
    </ul>
  );
}

/** The readable document: every section with rows, labelled, dates in words; prints as it is. */
export function ExportDocument({ page, exported, backHref }: { page: PageContext; exported: DataExport; backHref: string }) {
  const { t, locale } = page;
  const filled = exported.sections.filter((s) => s.rows.length);
  const empty = exported.sections.filter((s) => !s.rows.length);
  const title =
    exported.requestedBy === 'team'
      ? t('data.doc.title_team', { name: `${exported.youth.firstName} ${exported.youth.lastName}` })
      : t('data.doc.title');
  return (
    <article class="app-data-export">
      <h1>{title}</h1>
      <p>{t('data.doc.made', { date: formatDate(locale, new Date(exported.exportedAt)) })}</p>
      {exported.requestedBy === 'team' && <p>{t('data.doc.team_note')}</p>}
      <p class="app-no-print">
        <a href={backHref}>{t('data.doc.back')}</a>
      </p>
      {filled.map((s) => (
        <section aria-labelledby={`section-${s.table}`}>
          <h2 id={`section-${s.table}`}>{t(`data.section.${s.table}` as MessageKey)}</h2>
          <p>{t('data.doc.rows', { n: s.rows.length })}</p>
          {s.rows.map((row) => (
            <dl class="app-data-row">
              {Object.entries(row)
                .filter(([column]) => !hidden(column, exported))
                .map(([column, value]) => (
                  <>
                    <dt>{t(`data.col.${column === 'bytes_base64' ? 'bytes' : column}` as MessageKey)}</dt>
                    <dd>
                      {row.withheld && (column === 'note' || column === 'next_step') ? (
                        t('data.doc.withheld_note')
                      ) : (
                        <Value page={page} exported={exported} column={column} value={value} />
                      )}
                    </dd>
                  </>
                ))}
            </dl>
          ))}
        </section>
      ))}
      {empty.length > 0 && (
        <section aria-labelledby="section-empty">
          <h2 id="section-empty">{t('data.doc.empty_title')}</h2>
          <ul>
            {empty.map((s) => (
              <li>{t(`data.section.${s.table}` as MessageKey)}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="section-withheld">
        <h2 id="section-withheld">{t('data.doc.withheld_title')}</h2>
        <ul>
          <li>{t('data.doc.withheld.cpr')}</li>
          <li>{t('data.doc.withheld.security')}</li>
          <li>{t('data.doc.withheld.others')}</li>
          <li>{t('data.doc.withheld.notes')}</li>
          <li>{t('data.doc.withheld.research')}</li>
        </ul>
      </section>
    </article>
  );
}
