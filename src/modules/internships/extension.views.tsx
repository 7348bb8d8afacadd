import type { Translate } from '../../platform/i18n/i18n.ts';
import { CsrfField, ErrorSummary, type FormState, SelectField, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { Extension, InternshipView } from './internships.repository.ts';

type Key = Parameters<Translate>[0];

export function ExtensionSection({
  page,
  i,
  extensions,
  side,
  form,
  returnTo,
}: {
  page: PageContext;
  i: InternshipView;
  extensions: Extension[];
  side: 'company' | 'youth' | 'team';
  form: FormState;
  returnTo: string;
}) {
  const { t } = page;
  const open = extensions.find((e) => e.status === 'requested');
  const running = i.status === 'active' || i.status === 'extended';
  if (!running && !extensions.length) return null;
  const agreedBy = (e: Extension) =>
    [
      e.companyAgreedAt ? t('internship.side.company') : '',
      e.youthAgreedAt ? t(side === 'youth' ? 'internship.side.you' : 'internship.side.youth') : '',
    ]
      .filter(Boolean)
      .join(', ') || '–';
  const mine = open && ((side === 'company' && open.companyAgreedAt) || (side === 'youth' && open.youthAgreedAt));
  return (
    <section>
      <h2>{t('internship.extension')}</h2>
      {open ? (
        <>
          <p>{t('internship.extension_open', { end: open.newEnd, agreed: agreedBy(open) })}</p>
          {open.reason && <p>“{open.reason}”</p>}
          {!mine && (
            <form method="post" action={`/internships/${i.id}/extension/agree?return=${returnTo}`} class="app-narrow-form" novalidate>
              <CsrfField token={page.csrfToken} />
              {side === 'team' && (
                <SelectField
                  t={t}
                  form={form}
                  name="onBehalfOf"
                  label={t('internship.on_behalf_of')}
                  options={[
                    { value: 'company', label: t('internship.side.company') },
                    { value: 'youth', label: t('internship.side.youth') },
                  ]}
                />
              )}
              <button class="button button-primary" type="submit">
                {t('internship.extension_agree')}
              </button>
            </form>
          )}
          <form method="post" action={`/internships/${i.id}/extension/withdraw?return=${returnTo}`} class="app-inline-form">
            <CsrfField token={page.csrfToken} />
            <button class="button button-secondary" type="submit">
              {t('internship.extension_withdraw')}
            </button>
          </form>
        </>
      ) : (
        running && (
          <form method="post" action={`/internships/${i.id}/extension?return=${returnTo}`} class="app-narrow-form" novalidate>
            <ErrorSummary t={t} form={form} labels={{ newEnd: t('internship.new_end'), reason: t('internship.extension_reason') }} />
            <CsrfField token={page.csrfToken} />
            <TextField
              t={t}
              form={form}
              name="newEnd"
              label={t('internship.new_end')}
              hint={t('internship.new_end_hint', { end: i.plannedEnd })}
              type="date"
              required
            />
            <TextField t={t} form={form} name="reason" label={t('internship.extension_reason')} />
            <button class="button button-secondary" type="submit">
              {t('internship.extension_request')}
            </button>
          </form>
        )
      )}
      {extensions.some((e) => e.status !== 'requested') && (
        <ul>
          {extensions
            .filter((e) => e.status !== 'requested')
            .map((e) => (
              <li>{t(`internship.extension_${e.status}` as Key, { end: e.newEnd })}</li>
            ))}
        </ul>
      )}
    </section>
  );
}
