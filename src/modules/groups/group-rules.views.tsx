import type { Translate } from '../../platform/i18n/i18n.ts';
import { CsrfField, ErrorSummary, type FormState, SelectField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';

/** An archived group's page: kept for its history, no longer in the lists. */
export function ArchivedNotice({ t }: { t: Translate }) {
  return (
    <div class="alert alert-info" role="status">
      <div class="alert-body">
        <p class="alert-text">{t('groups_rules.archived_notice')}</p>
      </div>
    </div>
  );
}

/** Adds a young person without a group to this group directly, up to the municipality's maximum. */
export function AddMemberForm(props: {
  page: PageContext;
  groupId: string;
  candidates: { id: string; firstName: string; lastName: string }[];
  full: boolean;
  max: number;
  form: FormState;
}) {
  const { page, groupId, candidates, form } = props;
  const { t } = page;
  const labels = { youthId: t('groups_rules.add_youth') };
  return (
    <section aria-labelledby="add-member-heading">
      <h2 id="add-member-heading">{t('groups_rules.add_heading')}</h2>
      {props.full ? (
        <p>{t('groups_rules.full', { max: props.max })}</p>
      ) : candidates.length ? (
        <form method="post" action={`/groups/${groupId}/members`} class="app-narrow-form" novalidate>
          <ErrorSummary t={t} form={form} labels={labels} />
          <CsrfField token={page.csrfToken} />
          <SelectField
            t={t}
            form={form}
            name="youthId"
            label={labels.youthId}
            hint={t('groups_rules.add_hint', { max: props.max })}
            options={candidates.map((y) => ({ value: y.id, label: `${y.firstName} ${y.lastName}` }))}
            emptyLabel=""
            required
          />
          <button class="button button-secondary" type="submit">
            {t('groups_rules.add')}
          </button>
        </form>
      ) : (
        <p>{t('groups_rules.no_candidates')}</p>
      )}
    </section>
  );
}

/** Archives the group once it is empty; while it has members the button explains why not. */
export function ArchiveForm(props: { page: PageContext; groupId: string; members: number; form: FormState }) {
  const { page, groupId, members, form } = props;
  const { t } = page;
  return (
    <section aria-labelledby="archive-heading">
      <h2 id="archive-heading">{t('groups_rules.archive_heading')}</h2>
      <ErrorSummary t={t} form={form} labels={{}} />
      <p>{members ? t('groups_rules.archive_not_empty', { count: members }) : t('groups_rules.archive_lead')}</p>
      {members === 0 && (
        <form method="post" action={`/groups/${groupId}/archive`}>
          <CsrfField token={page.csrfToken} />
          <button class="button button-secondary" type="submit">
            {t('groups_rules.archive')}
          </button>
        </form>
      )}
    </section>
  );
}
