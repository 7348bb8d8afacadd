import type { Translate } from '../../platform/i18n/i18n.ts';
import { formatDateTime, formatDay } from '../../platform/i18n/i18n.ts';
import {
  CsrfField,
  DataTable,
  ErrorSummary,
  type FormState,
  Pagination,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import { seatsText } from '../offers/seats.ts';
import { contactKinds } from './companies.inputs.ts';
import type { Company } from './companies.repository.ts';
import { companySizes, companyStatuses } from './companies.values.ts';
import type { CompanyView } from './companies.service.ts';
import { tradeSectionCodes, tradeSections } from './trades.ts';

export const tradeOptions = (page: PageContext) =>
  tradeSectionCodes.map((c) => ({ value: c, label: `${c} – ${tradeSections[c][page.locale]}` }));
const statusLabel = (t: Translate, s: string) => t(`company.status.${s}` as Parameters<Translate>[0]);

export function CompanyListView(props: {
  page: PageContext;
  m: string;
  rows: Company[];
  total: number;
  pageNo: number;
  filter: Record<string, string>;
  canCreate: boolean;
}) {
  const { page, filter } = props;
  const { t } = page;
  const pages = Math.max(1, Math.ceil(props.total / 20));
  const qs = (p: number) => `/companies?${new URLSearchParams({ ...filter, m: props.m, page: String(p) }).toString()}`;
  return (
    <>
      <h1>{t('company.list_title')}</h1>
      <p class="app-actions">
        {props.canCreate && (
          <>
            <a class="button button-primary" href={`/companies/new?m=${props.m}`}>
              {t('company.new')}
            </a>
            <a class="button button-secondary" href={`/companies/import?m=${props.m}`}>
              {t('import.title')}
            </a>
          </>
        )}
        <a class="button button-secondary" href={`/companies/export.csv?m=${props.m}`} download>
          {t('export.companies')}
        </a>
        <a class="button button-secondary" href={`/openings/export.csv?m=${props.m}`} download>
          {t('export.openings')}
        </a>
      </p>
      <form method="get" action="/companies" class="app-filter">
        <input type="hidden" name="m" value={props.m} />
        <TextField t={t} form={{ values: filter, errors: {} }} name="q" label={t('company.search')} />
        <SelectField
          t={t}
          form={{ values: filter, errors: {} }}
          name="status"
          label={t('company.status')}
          emptyLabel={t('company.all')}
          options={companyStatuses.map((s) => ({ value: s, label: statusLabel(t, s) }))}
        />
        <SelectField
          t={t}
          form={{ values: filter, errors: {} }}
          name="trade"
          label={t('company.trade')}
          emptyLabel={t('company.all')}
          options={tradeOptions(page)}
        />
        <button type="submit" class="button button-secondary">
          {t('people.filter_submit')}
        </button>
      </form>
      <p role="status">{t('company.count', { count: props.total })}</p>
      <DataTable label={t('company.list_title')} headers={[t('company.name'), t('company.status'), t('company.trade'), t('company.area')]}>
        {props.rows.map((c) => (
          <tr>
            <td>
              <a href={`/companies/${c.id}`}>{c.name}</a>
            </td>
            <td>{statusLabel(t, c.networkStatus)}</td>
            <td>{c.tradeSection}</td>
            <td>{c.area}</td>
          </tr>
        ))}
      </DataTable>
      <Pagination t={t} page={props.pageNo} pages={pages} href={qs} />
    </>
  );
}

export function CompanyForm(props: { page: PageContext; form: FormState; action: string; title: string }) {
  const { page, form } = props;
  const { t } = page;
  const labels = {
    name: t('company.name'),
    cvr: t('company.cvr'),
    tradeSection: t('company.trade'),
    address: t('company.address'),
    postalCode: t('company.postal_code'),
    area: t('company.area'),
    size: t('company.size'),
    whyJoined: t('company.why_joined'),
  };
  return (
    <div class="app-narrow-form">
      <h1>{props.title}</h1>
      <ErrorSummary t={t} form={form} labels={labels} />
      <form method="post" action={props.action} novalidate>
        <CsrfField token={page.csrfToken} />
        <TextField t={t} form={form} name="name" label={labels.name} autocomplete="organization" required />
        <TextField t={t} form={form} name="cvr" label={labels.cvr} hint={t('company.cvr_hint')} inputmode="numeric" required />
        <SelectField
          t={t}
          form={form}
          name="tradeSection"
          label={labels.tradeSection}
          options={tradeOptions(page)}
          emptyLabel=""
          required
        />
        <TextField t={t} form={form} name="address" label={labels.address} autocomplete="street-address" />
        <TextField t={t} form={form} name="postalCode" label={labels.postalCode} autocomplete="postal-code" inputmode="numeric" />
        <TextField t={t} form={form} name="area" label={labels.area} required />
        <SelectField
          t={t}
          form={form}
          name="size"
          label={labels.size}
          options={companySizes.map((s) => ({ value: s, label: t('company.employees', { range: s }) }))}
          required
        />
        <TextArea t={t} form={form} name="whyJoined" label={labels.whyJoined} hint={t('company.why_joined_hint')} maxLength={2000} />
        <button type="submit" class="button button-primary">
          {t('form.save')}
        </button>
      </form>
    </div>
  );
}

export function CompanyPage({
  page,
  view,
  free,
  statusForm,
  logForm,
  inviteForm,
}: {
  page: PageContext;
  view: CompanyView;
  /** Seats free today, per opening. */
  free: Map<string, number>;
  statusForm: FormState;
  logForm: FormState;
  inviteForm: FormState;
}) {
  const { t } = page;
  const { company: c, internal } = view;
  return (
    <>
      <h1>{c.name}</h1>
      <p class="font-lead">
        {tradeSections[c.tradeSection as keyof typeof tradeSections]?.[page.locale] ?? c.tradeSection} · {c.area}
      </p>
      {view.alsoIn.length > 0 && (
        <p class="app-also-in" title={t('company.also_in_hint')}>
          <strong class="app-tag">{t('company.also_in', { names: view.alsoIn.join(', ') })}</strong>
        </p>
      )}
      {view.canEdit && (
        <p class="app-actions">
          <a class="button button-secondary" href={`/companies/${c.id}/edit`}>
            {t('company.edit')}
          </a>
          <a class="button button-secondary" href={`/companies/${c.id}/openings/new`}>
            {t('opening.new')}
          </a>
        </p>
      )}
      <dl class="app-facts">
        <dt>{t('company.status')}</dt>
        <dd>{statusLabel(t, c.networkStatus)}</dd>
        <dt>{t('company.cvr')}</dt>
        <dd>{c.cvr}</dd>
        <dt>{t('company.address')}</dt>
        <dd>{[c.address, [c.postalCode, c.area].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</dd>
        <dt>{t('company.size')}</dt>
        <dd>{t('company.employees', { range: c.size })}</dd>
        {c.whyJoined && (
          <>
            <dt>{t('company.why_joined')}</dt>
            <dd>{c.whyJoined}</dd>
          </>
        )}
      </dl>
      <h2>{t('opening.list_title')}</h2>
      {view.openings.length === 0 ? (
        <p>{t('opening.none')}</p>
      ) : (
        <ul class="app-opening-list">
          {view.openings.map((o) => (
            <li>
              <a href={`/openings/${o.id}`}>{o.title}</a> –{' '}
              {t('opening.summary', {
                hours: o.weeklyHours,
                seats: seatsText(t, page.locale, free.get(o.id) ?? o.seats, o.seats),
                start: formatDay(page.locale, o.startFrom),
              })}
              {!o.published && <strong> ({t('opening.unpublished')})</strong>}
            </li>
          ))}
        </ul>
      )}
      {internal && (
        <>
          <h2>{t('company.contacts')}</h2>
          {internal.contacts.length ? (
            <ul>
              {internal.contacts.map((p) => (
                <li>
                  {p.name} ({p.email})
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('company.no_contacts')}</p>
          )}
          {view.canInviteContact && <InviteContactForm page={page} form={inviteForm} companyId={c.id} />}
          {view.canLogContact && <StatusForm page={page} form={statusForm} companyId={c.id} current={c.networkStatus} />}
          <h2>{t('company.history')}</h2>
          <DataTable
            label={t('company.history')}
            headers={[t('audit.at'), t('company.status'), t('company.note'), t('audit.actor')]}
            compact
          >
            {internal.history.map((h) => (
              <tr>
                <td>{formatDateTime(page.locale, h.at)}</td>
                <td>{h.fromStatus ? `${statusLabel(t, h.fromStatus)} → ${statusLabel(t, h.toStatus)}` : statusLabel(t, h.toStatus)}</td>
                <td>{h.note}</td>
                <td>{h.byName ?? ''}</td>
              </tr>
            ))}
          </DataTable>
          {view.canLogContact && <ContactLogForm page={page} form={logForm} companyId={c.id} />}
          <h2>{t('company.contact_log')}</h2>
          {internal.contactLog.length === 0 ? (
            <p>{t('company.no_contact_log')}</p>
          ) : (
            <DataTable
              label={t('company.contact_log')}
              headers={[t('audit.at'), t('company.kind'), t('company.summary'), t('company.next_step'), t('audit.actor')]}
              compact
            >
              {internal.contactLog.map((e) => (
                <tr>
                  <td>{formatDateTime(page.locale, e.at)}</td>
                  <td>{t(`company.kind.${e.kind}` as Parameters<Translate>[0])}</td>
                  <td>{e.summary}</td>
                  <td>{[e.nextStep, e.nextStepDue].filter(Boolean).join(' – ')}</td>
                  <td>{e.byName ?? ''}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
    </>
  );
}

function InviteContactForm({ page, form, companyId }: { page: PageContext; form: FormState; companyId: string }) {
  const { t } = page;
  const labels = { name: t('invite.name'), email: t('invite.email') };
  return (
    <form method="post" action={`/companies/${companyId}/contacts`} novalidate class="app-narrow-form">
      <h3>{t('company.invite_contact')}</h3>
      <ErrorSummary t={t} form={form} labels={labels} />
      <CsrfField token={page.csrfToken} />
      <TextField t={t} form={form} name="name" label={labels.name} required />
      <TextField t={t} form={form} name="email" label={labels.email} type="email" required />
      <button type="submit" class="button button-secondary">
        {t('invite.submit')}
      </button>
    </form>
  );
}

function StatusForm({ page, form, companyId, current }: { page: PageContext; form: FormState; companyId: string; current: string }) {
  const { t } = page;
  const values = { status: current, ...form.values };
  return (
    <form method="post" action={`/companies/${companyId}/status`} novalidate class="app-narrow-form">
      <h2>{t('company.change_status')}</h2>
      <ErrorSummary t={t} form={form} labels={{ status: t('company.status'), note: t('company.note') }} />
      <CsrfField token={page.csrfToken} />
      <SelectField
        t={t}
        form={{ ...form, values }}
        name="status"
        label={t('company.status')}
        options={companyStatuses.map((s) => ({ value: s, label: statusLabel(t, s) }))}
        required
      />
      <TextField t={t} form={form} name="note" label={t('company.note')} />
      <button type="submit" class="button button-secondary">
        {t('company.change_status')}
      </button>
    </form>
  );
}

function ContactLogForm({ page, form, companyId }: { page: PageContext; form: FormState; companyId: string }) {
  const { t } = page;
  const labels = {
    kind: t('company.kind'),
    summary: t('company.summary'),
    nextStep: t('company.next_step'),
    nextStepDue: t('company.next_step_due'),
  };
  return (
    <form method="post" action={`/companies/${companyId}/contact-log`} novalidate class="app-narrow-form">
      <h2>{t('company.log_contact')}</h2>
      <ErrorSummary t={t} form={form} labels={labels} />
      <CsrfField token={page.csrfToken} />
      <SelectField
        t={t}
        form={form}
        name="kind"
        label={labels.kind}
        options={contactKinds.map((k) => ({ value: k, label: t(`company.kind.${k}`) }))}
        required
      />
      <TextArea t={t} form={form} name="summary" label={labels.summary} rows={3} required />
      <TextField t={t} form={form} name="nextStep" label={labels.nextStep} />
      <TextField t={t} form={form} name="nextStepDue" label={labels.nextStepDue} type="date" />
      <button type="submit" class="button button-secondary">
        {t('company.log_contact')}
      </button>
    </form>
  );
}

/** Labels for import errors keyed `line.<n>.<field>`: "Linje 3, CVR-nummer". */
function importLabels(t: Translate, errors: Record<string, string>): Record<string, string> {
  const fieldLabel: Record<string, Parameters<Translate>[0]> = {
    name: 'company.name',
    navn: 'company.name',
    cvr: 'company.cvr',
    tradeSection: 'company.trade',
    branche: 'company.trade',
    address: 'company.address',
    postalCode: 'company.postal_code',
    area: 'company.area',
    område: 'company.area',
    size: 'company.size',
    whyJoined: 'company.why_joined',
  };
  return Object.fromEntries(
    Object.keys(errors).map((key) => {
      const [, line, field] = /^line\.(\d+)\.(.+)$/.exec(key) ?? [];
      if (!line) return [key, t('import.file')];
      const label = field && fieldLabel[field] ? `, ${t(fieldLabel[field])}` : '';
      return [key, `${t('import.line', { line })}${label}`];
    }),
  );
}

export function ImportView({ page, m, form }: { page: PageContext; m: string; form: FormState }) {
  const { t } = page;
  return (
    <div class="app-narrow-form">
      <h1>{t('import.title')}</h1>
      <p>{t('import.intro')}</p>
      <p>
        <code>navn;cvr;branche;adresse;postnummer;område;størrelse;hvorfor</code>
      </p>
      <ErrorSummary t={t} form={form} labels={importLabels(t, form.errors)} />
      <form method="post" action={`/companies/import?m=${m}`} enctype="multipart/form-data" novalidate>
        <CsrfField token={page.csrfToken} />
        <div class={`form-group${form.errors.file ? ' form-error' : ''}`}>
          <label class="form-label" for="file">
            {t('import.file')}
          </label>
          <span class="form-hint" id="file-hint">
            {t('import.file_hint')}
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
