import type { Translate } from '../../platform/i18n/i18n.ts';
import { Checkbox, CsrfField, DataTable, ErrorSummary, type FormState, SelectField, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import { ReferralForm } from '../youth/referral.views.tsx';
import type { Trial } from './trials.repository.ts';
import { educationLevels, genders, outcomeStatuses, strataFactors } from './trials.values.ts';

type Key = Parameters<Translate>[0];

/** The researcher's trials, and a form to set up a new one in a municipality. */
export function TrialsListView(props: {
  page: PageContext;
  trials: Trial[];
  municipalities: { id: string; name: string }[];
  form: FormState;
}) {
  const { page, trials, municipalities, form } = props;
  const { t } = page;
  const names = new Map(municipalities.map((m) => [m.id, m.name]));
  const labels = {
    municipalityId: t('trials.municipality'),
    name: t('trials.name'),
    ratioTreatment: t('trials.ratio_treatment'),
    ratioControl: t('trials.ratio_control'),
    blockMultiplier: t('trials.block'),
  };
  return (
    <>
      <h1>{t('trials.title')}</h1>
      <p class="font-lead">{t('trials.lead')}</p>
      {trials.length ? (
        <DataTable
          label={t('trials.title')}
          headers={[t('trials.name'), t('trials.municipality'), t('trials.status'), t('trials.started')]}
        >
          {trials.map((tr) => (
            <tr>
              <td>
                <a href={`/trials/${tr.id}`}>{tr.name}</a>
              </td>
              <td>{names.get(tr.municipalityId) ?? '–'}</td>
              <td>{t(`trial.status.${tr.status}` as Key)}</td>
              <td>{tr.startedOn}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>{t('trials.none')}</p>
      )}
      <p>
        <a href="/trials/plan">{t('plan.title')}</a>
      </p>
      <form method="post" action="/trials" class="app-narrow-form" novalidate>
        <h2>{t('trials.new')}</h2>
        <ErrorSummary t={t} form={form} labels={labels} />
        <CsrfField token={page.csrfToken} />
        <SelectField
          t={t}
          form={form}
          name="municipalityId"
          label={labels.municipalityId}
          options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
          required
        />
        <TextField t={t} form={form} name="name" label={labels.name} required />
        <TextField
          t={t}
          form={form}
          name="ratioTreatment"
          label={labels.ratioTreatment}
          hint={t('trials.ratio_hint')}
          inputmode="numeric"
          required
        />
        <TextField t={t} form={form} name="ratioControl" label={labels.ratioControl} inputmode="numeric" required />
        <TextField
          t={t}
          form={form}
          name="blockMultiplier"
          label={labels.blockMultiplier}
          hint={t('trials.block_hint')}
          inputmode="numeric"
          required
        />
        <fieldset class="app-fieldset">
          <legend class="form-label">{t('trials.stratify')}</legend>
          <p class="form-hint">{t('trials.stratify_hint')}</p>
          {strataFactors.map((f) => (
            <Checkbox t={t} form={form} name={`stratify.${f}`} label={t(`trial.factor.${f}` as Key)} />
          ))}
        </fieldset>
        <button class="button button-primary" type="submit">
          {t('trials.create')}
        </button>
      </form>
    </>
  );
}

export function SeedPage({ page, trial, seed }: { page: PageContext; trial: Trial; seed: string }) {
  const { t } = page;
  return (
    <>
      <h1>{t('trial.seed_title', { name: trial.name })}</h1>
      <p>{t('trial.seed_lead')}</p>
      <p>
        <code class="app-prose">{seed}</code>
      </p>
      <p>
        <a href={`/trials/${trial.id}`}>{trial.name}</a>
      </p>
    </>
  );
}

/** The team's referral under a trial: the usual referral plus the baseline, then the lottery. */
export function IntakePage({ page, m, form }: { page: PageContext; m: string; form: FormState }) {
  const { t } = page;
  const labels = { gender: t('intake.gender'), monthsOnBenefits: t('intake.months'), education: t('intake.education') };
  return (
    <ReferralForm
      page={page}
      m={m}
      form={form}
      variant={{
        action: `/trials/intake?m=${m}`,
        heading: t('intake.title'),
        intro: t('intake.lead'),
        submit: t('intake.submit'),
        labels,
        fields: (
          <fieldset class="app-fieldset">
            <legend class="h4">{t('intake.baseline')}</legend>
            <SelectField
              t={t}
              form={form}
              name="gender"
              label={labels.gender}
              options={genders.map((g) => ({ value: g, label: t(`trial.gender.${g}` as Key) }))}
              emptyLabel=""
              required
            />
            <TextField t={t} form={form} name="monthsOnBenefits" label={labels.monthsOnBenefits} inputmode="numeric" required />
            <SelectField
              t={t}
              form={form}
              name="education"
              label={labels.education}
              options={educationLevels.map((e) => ({ value: e, label: t(`trial.education.${e}` as Key) }))}
              emptyLabel=""
              required
            />
          </fieldset>
        ),
      }}
    />
  );
}

export function IntakeResult({ page, m, arm, link }: { page: PageContext; m: string; arm: 'nextwork' | 'control'; link?: string }) {
  const { t } = page;
  return (
    <>
      <h1>{t('intake.result_title')}</h1>
      <div class={`alert ${arm === 'nextwork' ? 'alert-success' : 'alert-info'}`} role="status">
        <div class="alert-body">
          <p class="alert-heading">{t(`trial.arm.${arm}` as Key)}</p>
          <p class="alert-text">{t(`intake.result_${arm}` as Key)}</p>
        </div>
      </div>
      {link && (
        <p>
          <code class="app-prose">{link}</code>
        </p>
      )}
      <p>
        <a href={`/trials/intake?m=${m}`}>{t('intake.again')}</a>
      </p>
    </>
  );
}

/** The team leader brings in the jobcentre's status file, or enters one status by hand. */
export function OutcomesImportPage({
  page,
  trial,
  form,
  oneForm,
}: {
  page: PageContext;
  trial: Trial;
  form: FormState;
  oneForm: FormState;
}) {
  const { t } = page;
  const oneLabels = { cpr: t('youth.cpr'), horizon: t('outcomes.horizon'), status: t('outcomes.status') };
  return (
    <>
      <h1>{t('outcomes.title')}</h1>
      <p class="font-lead">{trial.name}</p>
      <p>{t('outcomes.lead')}</p>
      <ErrorSummary
        t={t}
        form={form}
        labels={Object.fromEntries(
          Object.keys(form.errors).map((key) => {
            const [, line, field] = /^line\.(\d+)\.(.+)$/.exec(key) ?? [];
            return [key, line ? `${t('import.line', { line })}, ${field === '_' ? t('outcomes.file') : field}` : t('outcomes.file')];
          }),
        )}
      />
      <form method="post" action={`/trials/${trial.id}/outcomes`} enctype="multipart/form-data" class="app-narrow-form" novalidate>
        <CsrfField token={page.csrfToken} />
        <div class={`form-group${form.errors.file ? ' form-error' : ''}`}>
          <label class="form-label" for="file">
            {t('outcomes.file')}
          </label>
          <input class="form-file-input" type="file" id="file" name="file" accept=".csv,text/csv" />
        </div>
        <button class="button button-primary" type="submit">
          {t('outcomes.submit')}
        </button>
      </form>
      <h2>{t('outcomes.one_title')}</h2>
      <form method="post" action={`/trials/${trial.id}/outcomes/one`} class="app-narrow-form" novalidate autocomplete="off">
        <ErrorSummary t={t} form={oneForm} labels={oneLabels} />
        <CsrfField token={page.csrfToken} />
        <TextField t={t} form={oneForm} name="cpr" label={oneLabels.cpr} inputmode="numeric" required />
        <SelectField
          t={t}
          form={oneForm}
          name="horizon"
          label={oneLabels.horizon}
          options={['3', '6', '12', '24'].map((h) => ({ value: h, label: t('cost.horizon_option', { h }) }))}
          emptyLabel=""
          required
        />
        <SelectField
          t={t}
          form={oneForm}
          name="status"
          label={oneLabels.status}
          options={outcomeStatuses.map((o) => ({ value: o, label: t(`outcomes.status.${o}` as Key) }))}
          emptyLabel=""
          required
        />
        <button class="button button-secondary" type="submit">
          {t('outcomes.save_one')}
        </button>
      </form>
    </>
  );
}
