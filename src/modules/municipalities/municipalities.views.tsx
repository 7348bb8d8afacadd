import { CsrfField, ErrorSummary, type FormState, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { Municipality } from './municipalities.repository.ts';

export function MunicipalitiesView({ page, list, form }: { page: PageContext; list: Municipality[]; form: FormState }) {
  const { t } = page;
  const labels = { name: t('municipalities.name'), code: t('municipalities.code'), youthCapacity: t('municipalities.capacity') };
  return (
    <>
      <h1>{t('municipalities.title')}</h1>
      <div class="table--responsive-scroll" tabindex={0} role="region" aria-label={t('municipalities.title')}>
        <table class="table table--zebra">
          <thead>
            <tr>
              <th scope="col">{labels.name}</th>
              <th scope="col">{labels.code}</th>
              <th scope="col">{labels.youthCapacity}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((m) => (
              <tr>
                <td>{m.name}</td>
                <td>{m.code}</td>
                <td>{m.youthCapacity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('municipalities.create_heading')}</h2>
      <ErrorSummary t={t} form={form} labels={labels} />
      <form method="post" action="/municipalities" novalidate class="app-narrow-form">
        <CsrfField token={page.csrfToken} />
        <TextField t={t} form={form} name="name" label={labels.name} required />
        <TextField t={t} form={form} name="code" label={labels.code} inputmode="numeric" required />
        <TextField t={t} form={form} name="youthCapacity" label={labels.youthCapacity} inputmode="numeric" />
        <button type="submit" class="button button-primary">
          {t('municipalities.create_submit')}
        </button>
      </form>
    </>
  );
}
