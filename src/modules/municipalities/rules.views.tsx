import type { Translate } from '../../platform/i18n/i18n.ts';
import { Alert, CsrfField, ErrorSummary, type FormState, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { ModelRules } from './model-rules.ts';
import { ruleNames } from './model-rules.ts';

type Key = Parameters<Translate>[0];
type RuleName = (typeof ruleNames)[number];

/** The unit a rule is counted in, for the read-only list. */
const unit: Partial<Record<RuleName, 'months' | 'days'>> = {
  internshipMinMonths: 'months',
  internshipMaxMonths: 'months',
  startWithinDays: 'days',
  offerAnswerDays: 'days',
  youthRetentionMonths: 'months',
};

/** The rule fields in groups, each a fieldset. */
const groups: readonly { legend: Key; names: readonly RuleName[] }[] = [
  { legend: 'rules.group.network', names: ['youthCapacity', 'companyTarget'] },
  { legend: 'rules.group.internship', names: ['internshipMinMonths', 'internshipMaxMonths', 'startWithinDays'] },
  { legend: 'rules.group.groups', names: ['groupSizeMin', 'groupSizeMax'] },
  { legend: 'rules.group.matching', names: ['wishLimit', 'offerAnswerDays'] },
  { legend: 'rules.group.privacy', names: ['youthRetentionMonths'] },
];

/**
 * The model's numbers for one municipality: a form for its team leader and administrator (and
 * the system administrator), the same numbers read-only for the rest of the team.
 */
export function RulesView({
  page,
  municipality,
  rules,
  canConfigure,
  form,
}: {
  page: PageContext;
  municipality: { id: string; name: string };
  rules: ModelRules;
  canConfigure: boolean;
  form: FormState;
}) {
  const { t } = page;
  const label = (name: RuleName) => t(`rules.field.${name}` as Key);
  const shown = (name: RuleName) => {
    const u = unit[name];
    return u ? t(`rules.${u}`, { count: rules[name] }) : String(rules[name]);
  };
  const labels = Object.fromEntries(ruleNames.map((n) => [n, label(n)]));
  const values: FormState = { ...form, values: { ...Object.fromEntries(ruleNames.map((n) => [n, String(rules[n])])), ...form.values } };
  return (
    <>
      <h1>{t('rules.title')}</h1>
      <p class="font-lead">{t('rules.intro', { municipality: municipality.name })}</p>
      {canConfigure ? (
        <div class="app-narrow-form">
          <ErrorSummary t={t} form={values} labels={labels} />
          <form method="post" action={`/rules?m=${municipality.id}`} novalidate>
            <CsrfField token={page.csrfToken} />
            {groups.map(({ legend, names }) => (
              <fieldset>
                <legend class="h3">{t(legend)}</legend>
                {names.map((n) => (
                  <TextField t={t} form={values} name={n} label={label(n)} inputmode="numeric" required />
                ))}
              </fieldset>
            ))}
            <button type="submit" class="button button-primary">
              {t('rules.submit')}
            </button>
          </form>
        </div>
      ) : (
        <>
          <Alert kind="info">{t('rules.read_only')}</Alert>
          <dl>
            {ruleNames.map((n) => (
              <>
                <dt>{label(n)}</dt>
                <dd>{shown(n)}</dd>
              </>
            ))}
          </dl>
        </>
      )}
    </>
  );
}
