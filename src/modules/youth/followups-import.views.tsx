import type { Translate } from '../../platform/i18n/i18n.ts';
import { CsrfField, ErrorSummary, type FormState } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';

const fieldLabel: Record<string, Parameters<Translate>[0]> = {
  cpr: 'youth.cpr',
  months: 'exit.followup_months',
  outcome: 'exit.followup_outcome',
};

/** The error summary's labels: "Linje 3, Opfølgning", or the file itself. */
function importLabels(t: Translate, errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.keys(errors).map((key) => {
      const [, line, field] = /^line\.(\d+)\.(.+)$/.exec(key) ?? [];
      if (!line) return [key, t('import.file')];
      const label = field && fieldLabel[field] ? `, ${t(fieldLabel[field])}` : '';
      return [key, `${t('import.line', { line })}${label}`];
    }),
  );
}

/** The follow-ups import (#16): a CSV file from the jobcentre, all or nothing. */
export function FollowupsImportView({ page, m, form }: { page: PageContext; m: string; form: FormState }) {
  const { t } = page;
  return (
    <div class="app-narrow-form">
      <h1>{t('followups_import.title')}</h1>
      <p>{t('followups_import.intro')}</p>
      <p>
        <code>cpr;months;outcome</code>
      </p>
      <ErrorSummary t={t} form={form} labels={importLabels(t, form.errors)} />
      <form method="post" action={`/youth/followups/import?m=${m}`} enctype="multipart/form-data" novalidate>
        <CsrfField token={page.csrfToken} />
        <div class={`form-group${form.errors.file ? ' form-error' : ''}`}>
          <label class="form-label" for="file">
            {t('import.file')}
          </label>
          <span class="form-hint" id="file-hint">
            {t('followups_import.file_hint')}
          </span>
          <input class="form-file-input" type="file" id="file" name="file" accept=".csv,text/csv" aria-describedby="file-hint" required />
        </div>
        <button type="submit" class="button button-primary">
          {t('import.submit')}
        </button>
      </form>
    </div>
  );
}
