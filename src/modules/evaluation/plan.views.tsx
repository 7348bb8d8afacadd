import { formatNumber } from '../../platform/i18n/i18n.ts';
import { ErrorSummary, type FormState, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import { num } from './evaluation.views.tsx';
import type { TrialResultsService } from './trial-results.service.ts';

type Plan = Awaited<ReturnType<TrialResultsService['plan']>>;

/** The planning calculator: the minimum detectable effect, and the people needed for a given effect. */
export function PlanPage({ page, form, result }: { page: PageContext; form: FormState; result: Plan | null }) {
  const { t } = page;
  const labels = {
    N: t('plan.n'),
    P: t('plan.p'),
    base: t('plan.base'),
    R2: t('plan.r2'),
    takeup: t('plan.takeup'),
    power: t('plan.power'),
    effect: t('plan.effect'),
  };
  const field = (name: keyof typeof labels, hint?: string) => (
    <TextField t={t} form={form} name={name} label={labels[name]} hint={hint} inputmode="decimal" required />
  );
  return (
    <>
      <h1>{t('plan.title')}</h1>
      <p class="font-lead">{t('plan.lead')}</p>
      {result && (
        <div class="alert alert-info" role="status">
          <div class="alert-body">
            <p class="alert-text">
              {t('plan.mde', {
                n: result.input.N,
                nextwork: formatNumber(page.locale, result.groups.nextwork, 0),
                control: formatNumber(page.locale, result.groups.control, 0),
                mde: num(page.locale, result.mde * 100),
                power: formatNumber(page.locale, result.input.power * 100, 0),
              })}
            </p>
            <p class="alert-text">
              {result.needed === null
                ? t('plan.impossible')
                : t('plan.needed', {
                    effect: num(page.locale, result.input.effect * 100),
                    itt: num(page.locale, result.itt * 100),
                    total: formatNumber(page.locale, result.needed.nextwork + result.needed.control, 0),
                    nextwork: formatNumber(page.locale, result.needed.nextwork, 0),
                    control: formatNumber(page.locale, result.needed.control, 0),
                  })}
            </p>
          </div>
        </div>
      )}
      <form method="get" action="/trials/plan" class="app-narrow-form" novalidate>
        <ErrorSummary t={t} form={form} labels={labels} />
        {field('N')}
        {field('P', t('plan.p_hint'))}
        {field('base', t('plan.base_hint'))}
        {field('R2', t('plan.r2_hint'))}
        {field('takeup', t('plan.takeup_hint'))}
        {field('power')}
        {field('effect', t('plan.effect_hint'))}
        <button class="button button-primary" type="submit">
          {t('plan.calculate')}
        </button>
      </form>
      <p>
        <a href="/trials">{t('trials.title')}</a>
      </p>
    </>
  );
}
