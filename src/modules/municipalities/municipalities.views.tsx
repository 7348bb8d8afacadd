import { CsrfField, DataTable, ErrorSummary, type FormState, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { Municipality } from './municipalities.repository.ts';

export function MunicipalitiesView({ page, list, form }: { page: PageContext; list: Municipality[]; form: FormState }) {
  const { t } = page;
  const labels = { name: t('municipalities.name'), code: t('municipalities.code'), youthCapacity: t('municipalities.capacity') };
  return (
    <>
      <h1>{t('municipalities.title')}</h1>
      <DataTable label={t('municipalities.title')} headers={[labels.name, labels.code, labels.youthCapacity, t('rules.title')]}>
        {list.map((m) => (
          <tr>
            <td>{m.name}</td>
            <td>{m.code}</td>
            <td>{m.youthCapacity}</td>
            <td>
              <a href={`/rules?m=${m.id}`}>{t('rules.edit_link')}</a>
            </td>
          </tr>
        ))}
      </DataTable>
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
