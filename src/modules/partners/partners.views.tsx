import type { Translate } from '../../platform/i18n/i18n.ts';
import { CsrfField, ErrorSummary, type FormState, SelectField, TextArea, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import { localDate } from '../../platform/dates.ts';
import type { Handover, InstitutionView, PartnershipView } from './partners.repository.ts';
import type { PartnershipPage } from './partners.service.ts';
import { partnershipStatuses } from './partners.values.ts';

type Key = Parameters<Translate>[0];

const period = (t: Translate, p: PartnershipView) =>
  p.endsOn ? t('partnership.period_value', { start: p.startsOn, end: p.endsOn }) : t('partnership.period_open', { start: p.startsOn });

/** The partnerships as cards: institution, period, status, young people and how many are closer, against the target. */
export function PartnershipCards({
  t,
  partnerships,
  headingLevel = 2,
}: {
  t: Translate;
  partnerships: PartnershipView[];
  headingLevel?: 2 | 3;
}) {
  const Name = headingLevel === 2 ? 'h3' : 'h4';
  if (!partnerships.length) return <p>{t('partnership.none')}</p>;
  return (
    <ul class="app-cards">
      {partnerships.map((p) => (
        <li class="app-card">
          <Name class="h4">
            <a href={`/partnerships/${p.id}`}>{t('partnership.heading', { institution: p.institutionName, start: p.startsOn })}</a>
          </Name>
          <p>
            {t(`partnership.status.${p.status}` as Key)} · {period(t, p)}
          </p>
          <p>{t('partnership.youth_count', { n: p.youthCount, target: p.targetYouth })}</p>
          <p>{t('partnership.closer_count', { n: p.closerCount, target: p.targetYouth })}</p>
        </li>
      ))}
    </ul>
  );
}

/** The list, and for the team the institutions and the form for a new agreement. */
export function PartnershipsPage(props: {
  page: PageContext;
  partnerships: PartnershipView[];
  manage: { municipalityId: string; institutions: InstitutionView[]; contacts: { userId: string; name: string }[] } | null;
  form: FormState;
  institutionForm: FormState;
}) {
  const { page, partnerships, manage, form, institutionForm } = props;
  const { t } = page;
  const q = manage ? `?m=${manage.municipalityId}` : '';
  return (
    <>
      <h1>{t('partnership.title')}</h1>
      <p class="font-lead">{t('partnership.lead')}</p>
      <p class="form-hint">{t('partnership.closer_hint')}</p>
      <PartnershipCards t={t} partnerships={partnerships} />
      {manage && (
        <>
          <section aria-labelledby="new-partnership">
            <h2 id="new-partnership">{t('partnership.new')}</h2>
            <form method="post" action={`/partnerships${q}`} class="app-narrow-form" novalidate>
              <ErrorSummary
                t={t}
                form={form}
                labels={{
                  institutionId: t('partnership.institution'),
                  startsOn: t('partnership.starts_on'),
                  endsOn: t('partnership.ends_on'),
                  targetYouth: t('partnership.target'),
                  developmentGroup: t('partnership.development_group'),
                }}
              />
              <CsrfField token={page.csrfToken} />
              <SelectField
                t={t}
                form={form}
                name="institutionId"
                label={t('partnership.institution')}
                emptyLabel={t('partnership.choose_institution')}
                options={manage.institutions.map((i) => ({ value: i.id, label: i.name }))}
                required
              />
              <TextField t={t} form={form} name="startsOn" label={t('partnership.starts_on')} type="date" required />
              <TextField
                t={t}
                form={form}
                name="endsOn"
                label={t('partnership.ends_on')}
                hint={t('partnership.ends_on_hint')}
                type="date"
              />
              <TextField t={t} form={form} name="targetYouth" label={t('partnership.target')} inputmode="numeric" />
              <SelectField
                t={t}
                form={form}
                name="status"
                label={t('partnership.status')}
                options={partnershipStatuses.map((s) => ({ value: s, label: t(`partnership.status.${s}` as Key) }))}
              />
              <TextArea
                t={t}
                form={form}
                name="developmentGroup"
                label={t('partnership.development_group')}
                hint={t('partnership.development_group_hint')}
              />
              <button class="button button-primary" type="submit">
                {t('partnership.create')}
              </button>
            </form>
          </section>
          <section aria-labelledby="institutions">
            <h2 id="institutions">{t('partnership.institutions')}</h2>
            <ul class="app-cards">
              {manage.institutions.map((i) => (
                <li class="app-card">
                  <h3 class="h4">{i.name}</h3>
                  <p>
                    {i.contacts.length
                      ? t('partnership.contacts', { names: i.contacts.map((c) => c.name).join(', ') })
                      : t('partnership.no_contacts')}
                  </p>
                  {manage.contacts.some((c) => !i.contacts.some((x) => x.userId === c.userId)) && (
                    <form method="post" action={`/institutions/${i.id}/contacts`} novalidate>
                      <CsrfField token={page.csrfToken} />
                      <SelectField
                        t={t}
                        form={{ values: {}, errors: {} }}
                        name={`userId-${i.id}`}
                        label={t('partnership.link_contact', { name: i.name })}
                        emptyLabel={t('partnership.choose_contact')}
                        options={manage.contacts
                          .filter((c) => !i.contacts.some((x) => x.userId === c.userId))
                          .map((c) => ({ value: c.userId, label: c.name }))}
                      />
                      <button class="button button-secondary" type="submit">
                        {t('partnership.link')}
                      </button>
                    </form>
                  )}
                </li>
              ))}
            </ul>
            <p class="form-hint">{t('partnership.invite_hint')}</p>
            <form method="post" action={`/institutions${q}`} class="app-narrow-form" novalidate>
              <ErrorSummary t={t} form={institutionForm} labels={{ name: t('partnership.institution_name') }} />
              <CsrfField token={page.csrfToken} />
              <TextField
                t={t}
                form={institutionForm}
                name="name"
                label={`${t('partnership.new_institution')}: ${t('partnership.institution_name')}`}
                required
              />
              <button class="button button-secondary" type="submit">
                {t('partnership.create_institution')}
              </button>
            </form>
          </section>
        </>
      )}
    </>
  );
}

/** One partnership: the agreement, the development group, the young people and the count against the target. */
/** The referral fields the team completes to accept a hand-over, named per hand-over (unique ids on the page). */
export const acceptFields = ['cpr', 'referringCaseworker', 'referredOn', 'hoursPossible'] as const;
export const acceptFieldName = (handoverId: string, field: string) => `handover-${handoverId}-${field}`;

function Handovers({
  page,
  handovers,
  canManage,
  acceptForm,
}: {
  page: PageContext;
  handovers: Handover[];
  canManage: boolean;
  acceptForm: FormState;
}) {
  const { t } = page;
  return (
    <section aria-labelledby="handovers">
      <h2 id="handovers">{t('handover.pending')}</h2>
      {handovers.length ? (
        <ul class="app-cards">
          {handovers.map((h) => {
            const name = `${h.firstName} ${h.lastName}`;
            const f = (field: string) => acceptFieldName(h.id, field);
            // The errors of a refused referral belong to the one hand-over they were typed for.
            const form = Object.keys(acceptForm.errors).some((k) => k.startsWith(f(''))) ? acceptForm : { values: {}, errors: {} };
            const labels = {
              [f('cpr')]: t('youth.cpr'),
              [f('referringCaseworker')]: t('youth.caseworker'),
              [f('referredOn')]: t('youth.referred_on'),
              [f('hoursPossible')]: t('youth.hours_possible'),
            };
            return (
              <li class="app-card">
                <h3 class="h4">{name}</h3>
                <p>
                  {h.email}
                  {h.phone ? ` · ${h.phone}` : ''}
                </p>
                <p>{t('handover.requested', { date: localDate(h.requestedAt) })}</p>
                {h.note && <p class="app-pre-line">{h.note}</p>}
                {canManage && (
                  <form method="post" action={`/handovers/${h.id}/accept`} novalidate>
                    <ErrorSummary t={t} form={form} labels={labels} />
                    <CsrfField token={page.csrfToken} />
                    <h4 class="h5">{t('handover.accept_title', { name })}</h4>
                    <TextField t={t} form={form} name={f('cpr')} label={labels[f('cpr')]!} inputmode="numeric" required />
                    <TextField t={t} form={form} name={f('referringCaseworker')} label={labels[f('referringCaseworker')]!} required />
                    <TextField t={t} form={form} name={f('referredOn')} label={labels[f('referredOn')]!} type="date" required />
                    <TextField
                      t={t}
                      form={form}
                      name={f('hoursPossible')}
                      label={labels[f('hoursPossible')]!}
                      inputmode="numeric"
                      required
                    />
                    <button class="button button-primary" type="submit">
                      {t('handover.accept')}
                    </button>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t('handover.none')}</p>
      )}
    </section>
  );
}

function HandoverForm({ page, action, form }: { page: PageContext; action: string; form: FormState }) {
  const { t } = page;
  const labels = {
    firstName: t('handover.first_name'),
    lastName: t('handover.last_name'),
    email: t('handover.email'),
    phone: t('handover.phone'),
    note: t('handover.note'),
  };
  return (
    <section aria-labelledby="handover-new">
      <h2 id="handover-new">{t('handover.title')}</h2>
      <p>{t('handover.lead')}</p>
      <form method="post" action={action} class="app-narrow-form" novalidate>
        <ErrorSummary t={t} form={form} labels={labels} />
        <CsrfField token={page.csrfToken} />
        <TextField t={t} form={form} name="firstName" label={labels.firstName} autocomplete="off" required />
        <TextField t={t} form={form} name="lastName" label={labels.lastName} autocomplete="off" required />
        <TextField t={t} form={form} name="email" label={labels.email} type="email" autocomplete="off" required />
        <TextField t={t} form={form} name="phone" label={labels.phone} inputmode="tel" autocomplete="off" />
        <TextArea t={t} form={form} name="note" label={labels.note} hint={t('handover.note_hint')} />
        <button class="button button-primary" type="submit">
          {t('handover.send')}
        </button>
      </form>
    </section>
  );
}

export function PartnershipDetail({
  page,
  data,
  form,
  handoverForm = { values: {}, errors: {} },
  acceptForm = { values: {}, errors: {} },
}: {
  page: PageContext;
  data: PartnershipPage;
  form: FormState;
  handoverForm?: FormState;
  acceptForm?: FormState;
}) {
  const { t } = page;
  const p = data.partnership;
  return (
    <>
      <h1>{t('partnership.heading', { institution: p.institutionName, start: p.startsOn })}</h1>
      <dl>
        <dt>{t('partnership.status')}</dt>
        <dd>{t(`partnership.status.${p.status}` as Key)}</dd>
        <dt>{t('partnership.period')}</dt>
        <dd>{period(t, p)}</dd>
        <dt>{t('partnership.target')}</dt>
        <dd>{t('partnership.youth_count', { n: p.youthCount, target: p.targetYouth })}</dd>
        <dt>{t('partnership.closer')}</dt>
        <dd>{t('partnership.closer_count', { n: p.closerCount, target: p.targetYouth })}</dd>
      </dl>
      <p class="form-hint">{t('partnership.closer_hint')}</p>
      <h2>{t('partnership.development_group')}</h2>
      <p class="app-pre-line">{p.developmentGroup || '–'}</p>
      <section aria-labelledby="members">
        <h2 id="members">{t('partnership.youth')}</h2>
        {data.members.length ? (
          <ul class="app-cards">
            {data.members.map((m) => (
              <li class="app-card">
                <h3 class="h4">{`${m.firstName} ${m.lastName}`}</h3>
                {m.closer && <p>{t('partnership.closer')}</p>}
                {m.sharedPassportId && (
                  <p>
                    <a href={`/passports/${m.sharedPassportId}`}>
                      {t('partnership.read_passport')}
                      <span class="app-sr-only">: {`${m.firstName} ${m.lastName}`}</span>
                    </a>
                  </p>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('partnership.no_youth')}</p>
        )}
      </section>
      {(data.canManage || data.canHandover || data.handovers.length > 0) && (
        <Handovers page={page} handovers={data.handovers} canManage={data.canManage} acceptForm={acceptForm} />
      )}
      {data.canHandover && <HandoverForm page={page} action={`/partnerships/${p.id}/handovers`} form={handoverForm} />}
      {data.canManage && data.addable.length > 0 && (
        <form method="post" action={`/partnerships/${p.id}/youth`} class="app-narrow-form" novalidate>
          <ErrorSummary t={t} form={form} labels={{ youthId: t('partnership.add_youth') }} />
          <CsrfField token={page.csrfToken} />
          <SelectField
            t={t}
            form={form}
            name="youthId"
            label={t('partnership.add_youth')}
            emptyLabel={t('partnership.choose_youth')}
            options={data.addable.map((y) => ({ value: y.id, label: `${y.firstName} ${y.lastName}` }))}
            required
          />
          <button class="button button-primary" type="submit">
            {t('partnership.add')}
          </button>
        </form>
      )}
    </>
  );
}
