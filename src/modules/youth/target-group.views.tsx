import type { Translate } from '../../platform/i18n/i18n.ts';
import { CsrfField, ErrorSummary, type FormState, SelectField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import { targetGroups } from './youth.values.ts';

type Key = Parameters<Translate>[0];

/** The target group's label in the reader's language ("Ikke angivet" for an older record without one). */
export function targetGroupLabel(t: Translate, value: string | null | undefined): string {
  return t(value ? (`target_group.${value}` as Key) : 'target_group.none');
}

/** The choice of target group, for the referral form and the team's correction. */
export function TargetGroupField({ t, form, required = false }: { t: Translate; form: FormState; required?: boolean }) {
  return (
    <SelectField
      t={t}
      form={form}
      name="targetGroup"
      label={t('target_group.label')}
      hint={t('target_group.hint')}
      options={targetGroups.map((g) => ({ value: g, label: targetGroupLabel(t, g) }))}
      emptyLabel=""
      required={required}
    />
  );
}

/** The team records or corrects the target group on the young person's page. */
export function TargetGroupForm(props: { page: PageContext; youthId: string; current: string | null; form: FormState }) {
  const { page, youthId, current } = props;
  const { t } = page;
  const form = props.form.values.targetGroup === undefined ? { ...props.form, values: { targetGroup: current ?? '' } } : props.form;
  return (
    <form method="post" action={`/youth/${youthId}/target-group`} novalidate class="app-narrow-form">
      <h2>{t('target_group.label')}</h2>
      <ErrorSummary t={t} form={form} labels={{ targetGroup: t('target_group.label') }} />
      <CsrfField token={page.csrfToken} />
      <TargetGroupField t={t} form={form} required />
      <button type="submit" class="button button-secondary">
        {t('target_group.save')}
      </button>
    </form>
  );
}
