import { CsrfField, ErrorSummary, type FormState, SelectField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { CaseworkerChoice } from './caseworker.service.ts';

/**
 * The young person's jobcentre caseworker on the team's page: the linked user (or the name written
 * at referral, as history), and the choice among the municipality's caseworkers, or an invitation.
 */
export function CaseworkerSection({
  page,
  youthId,
  referringCaseworker,
  linked,
  caseworkers,
  form,
  inviteHref,
}: {
  page: PageContext;
  youthId: string;
  referringCaseworker: string;
  linked: CaseworkerChoice | null;
  caseworkers: CaseworkerChoice[];
  form: FormState;
  /** The invitation form with the caseworker role chosen; null when the person may not invite one. */
  inviteHref: string | null;
}) {
  const { t } = page;
  const values = { caseworkerUserId: linked?.id ?? '', ...form.values };
  return (
    <section aria-labelledby="caseworker-title">
      <h2 id="caseworker-title">{t('caseworker.title')}</h2>
      <dl class="app-facts">
        <dt>{t('caseworker.linked')}</dt>
        <dd>{linked ? `${linked.name} (${linked.email})` : t('caseworker.none_linked')}</dd>
      </dl>
      {!linked && referringCaseworker && <p>{t('caseworker.from_referral', { name: referringCaseworker })}</p>}
      {caseworkers.length ? (
        <form method="post" action={`/youth/${youthId}/caseworker`} novalidate class="app-narrow-form">
          <ErrorSummary t={t} form={form} labels={{ caseworkerUserId: t('caseworker.choose') }} />
          <CsrfField token={page.csrfToken} />
          <SelectField
            t={t}
            form={{ ...form, values }}
            name="caseworkerUserId"
            label={t('caseworker.choose')}
            hint={t('caseworker.choose_hint')}
            emptyLabel={t('caseworker.nobody')}
            options={caseworkers.map((c) => ({ value: c.id, label: `${c.name} (${c.email})` }))}
          />
          <button type="submit" class="button button-secondary">
            {t('caseworker.save')}
          </button>
        </form>
      ) : (
        <p>{t('caseworker.none_in_municipality')}</p>
      )}
      {inviteHref && (
        <p>
          <a href={inviteHref}>{t('caseworker.invite')}</a>
        </p>
      )}
    </section>
  );
}
