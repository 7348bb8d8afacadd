import type { ComponentChildren } from 'preact';
import type { Translate } from '../../platform/i18n/i18n.ts';
import { formatDateTime, formatDay } from '../../platform/i18n/i18n.ts';
import {
  Alert,
  Checkbox,
  CsrfField,
  DataTable,
  ErrorSummary,
  type FormState,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { CompanyViewOfYouth } from './company-view.ts';
import type { Youth } from './youth.repository.ts';
import { endReasons, fieldGroups, followupOutcomes, INVITATION_ACCEPTED, statusReasons, youthStatuses } from './youth.values.ts';
import type { Capacity, TeamViewOfYouth, YouthExitView } from './youth.service.ts';
import { TargetGroupForm, targetGroupLabel } from './target-group.views.tsx';

type Key = Parameters<Translate>[0];
const statusLabel = (t: Translate, s: string) => t(`youth.status.${s}` as Key);

/**
 * A reason in the status history, in the reader's language: the history keeps a code ("job",
 * "invitation_accepted"), optionally followed by ": " and the team's note.
 */
export function statusReasonLabel(t: Translate, reason: string): string {
  const [code = '', ...note] = reason.split(': ');
  if (!(statusReasons as readonly string[]).includes(code)) return reason;
  const label = code === INVITATION_ACCEPTED ? t('youth.reason.invitation_accepted') : t(`youth.end.${code}` as Key);
  return [label, ...note].join(': ');
}

function CapacityNote({ t, capacity }: { t: Translate; capacity: Capacity }) {
  return capacity.full ? (
    <Alert kind="warning" role="status">
      {t('youth.capacity_full', { used: capacity.used, capacity: capacity.capacity })}
    </Alert>
  ) : (
    <p>{t('youth.capacity', { used: capacity.used, capacity: capacity.capacity })}</p>
  );
}

export function YouthListView({
  page,
  m,
  rows,
  capacity,
  canRefer,
}: {
  page: PageContext;
  m: string;
  rows: Youth[];
  capacity: Capacity;
  canRefer: boolean;
}) {
  const { t } = page;
  return (
    <>
      <h1>{t('youth.list_title')}</h1>
      <CapacityNote t={t} capacity={capacity} />
      {canRefer && (
        <p>
          <a class="button button-primary" href={`/youth/new?m=${m}`}>
            {t('youth.refer')}
          </a>{' '}
          <a href={`/youth/followups/import?m=${m}`}>{t('followups_import.link')}</a>
        </p>
      )}
      <DataTable
        label={t('youth.list_title')}
        headers={[t('people.name'), t('youth.status'), t('youth.since'), t('target_group.label'), t('youth.hours_possible')]}
      >
        {rows.map((y) => (
          <tr>
            <td>
              <a href={`/youth/${y.id}`}>
                {y.firstName} {y.lastName}
              </a>
            </td>
            <td>{statusLabel(t, y.status)}</td>
            <td>{formatDateTime(page.locale, y.statusSince)}</td>
            <td>{targetGroupLabel(t, y.targetGroup)}</td>
            <td>{y.hoursPossible}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

export function YouthTeamView({
  page,
  y,
  form,
  targetGroupForm,
  canUpdate,
  canMessage = false,
  caseworker = null,
  followupForm = { values: {}, errors: {} },
  after = null,
}: {
  page: PageContext;
  y: TeamViewOfYouth;
  form: FormState;
  targetGroupForm: FormState;
  /** The follow-up form after exit, carried back with its errors. */
  followupForm?: FormState;
  canUpdate: boolean;
  /** The jobcentre caseworker section (caseworker.views.tsx), for those who may link one. */
  caseworker?: ComponentChildren;
  /** On the young person's team (modules/messages): may write to them. */
  canMessage?: boolean;
  /** Sections at the end of the page (the data export for a request by letter, modules/data-rights). */
  after?: ComponentChildren;
}) {
  const { t } = page;
  const values = { status: y.status, ...form.values };
  return (
    <>
      <h1>
        {y.firstName} {y.lastName}
      </h1>
      <p>
        <a href={`/youth/${y.id}/notes`}>{t('notes.link')}</a> · <a href={`/youth/${y.id}/movement`}>{t('movement.link')}</a>
        {canMessage && (
          <>
            {' · '}
            <a href={`/youth/${y.id}/messages`}>{t('messages.youth_link')}</a>
          </>
        )}
      </p>
      <dl class="app-facts">
        <dt>{t('youth.status')}</dt>
        <dd>{statusLabel(t, y.status)}</dd>
        <dt>{t('youth.cpr')}</dt>
        <dd>{y.cprMasked}</dd>
        <dt>{t('people.email')}</dt>
        <dd>{y.email}</dd>
        <dt>{t('youth.phone')}</dt>
        <dd>{y.phone || '–'}</dd>
        <dt>{t('youth.caseworker')}</dt>
        <dd>{y.referringCaseworker}</dd>
        <dt>{t('youth.referred_on')}</dt>
        <dd>{y.referredOn}</dd>
        <dt>{t('target_group.label')}</dt>
        <dd>{targetGroupLabel(t, y.targetGroup)}</dd>
        <dt>{t('youth.hours_possible')}</dt>
        <dd>{y.hoursPossible}</dd>
        {y.eligibilityNote && (
          <>
            <dt>{t('youth.eligibility_note')}</dt>
            <dd>{y.eligibilityNote}</dd>
          </>
        )}
      </dl>
      {caseworker}
      <h2>{t('youth.own_words')}</h2>
      <ProfileFacts t={t} v={y} />
      {canUpdate && (
        <form method="post" action={`/youth/${y.id}/status`} novalidate class="app-narrow-form">
          <h2>{t('youth.change_status')}</h2>
          <ErrorSummary
            t={t}
            form={form}
            labels={{ status: t('youth.status'), reason: t('youth.end_reason'), exitedOn: t('exit.exited_on') }}
          />
          <CsrfField token={page.csrfToken} />
          <SelectField
            t={t}
            form={{ ...form, values }}
            name="status"
            label={t('youth.status')}
            options={youthStatuses.map((s) => ({ value: s, label: statusLabel(t, s) }))}
            required
          />
          <SelectField
            t={t}
            form={form}
            name="reason"
            label={t('youth.end_reason')}
            hint={t('youth.end_reason_hint')}
            emptyLabel=""
            options={endReasons.map((r) => ({ value: r, label: t(`youth.end.${r}` as Key) }))}
          />
          <TextField t={t} form={form} name="exitedOn" label={t('exit.exited_on')} hint={t('exit.exited_on_hint')} type="date" />
          <TextField t={t} form={form} name="note" label={t('company.note')} />
          <button type="submit" class="button button-secondary">
            {t('youth.change_status')}
          </button>
        </form>
      )}
      {y.exit && <ExitSection page={page} youthId={y.id} exit={y.exit} form={followupForm} canUpdate={canUpdate} />}
      {canUpdate && <TargetGroupForm page={page} youthId={y.id} current={y.targetGroup} form={targetGroupForm} />}
      <h2>{t('company.history')}</h2>
      <DataTable label={t('company.history')} headers={[t('audit.at'), t('youth.status'), t('company.note'), t('audit.actor')]} compact>
        {y.history.map((h) => (
          <tr>
            <td>{formatDateTime(page.locale, h.at)}</td>
            <td>{h.fromStatus ? `${statusLabel(t, h.fromStatus)} → ${statusLabel(t, h.toStatus)}` : statusLabel(t, h.toStatus)}</td>
            <td>{statusReasonLabel(t, h.reason)}</td>
            <td>{h.byName ?? ''}</td>
          </tr>
        ))}
      </DataTable>
      {after}
    </>
  );
}

/** The profile fields, shown only where present (the company view leaves out what is not shared). */
export function ProfileFacts({ t, v }: { t: Translate; v: Partial<CompanyViewOfYouth> }) {
  const rows: [Key, string | null | undefined][] = [
    ['youth.wish_to_try', v.wishToTry],
    ['youth.good_at', v.goodAt],
    ['youth.matters_at_work', v.mattersAtWork],
    ['youth.practical_hours', v.practicalHours],
    ['youth.practical_transport', v.practicalTransport],
    ['youth.can_start_on', v.canStartOn],
    ['people.email', 'email' in v ? v.email : undefined],
    ['youth.phone', 'phone' in v ? v.phone : undefined],
  ];
  const shown = rows.filter(([, value]) => value !== undefined);
  return (
    <dl class="app-facts">
      {shown.map(([key, value]) => (
        <>
          <dt>{t(key)}</dt>
          <dd>{value || t('youth.not_filled')}</dd>
        </>
      ))}
    </dl>
  );
}

export function MyProfileForm({
  page,
  form,
  photoForm,
  photoUrl,
  name,
}: {
  page: PageContext;
  form: FormState;
  photoForm: FormState;
  photoUrl: string | null;
  name: string;
}) {
  const { t } = page;
  const labels = {
    wishToTry: t('youth.wish_to_try'),
    goodAt: t('youth.good_at'),
    mattersAtWork: t('youth.matters_at_work'),
    practicalHours: t('youth.practical_hours'),
    practicalTransport: t('youth.practical_transport'),
    canStartOn: t('youth.can_start_on'),
  };
  return (
    <div class="app-narrow-form">
      <h1>{t('youth.my_profile')}</h1>
      <p>{t('youth.my_profile_intro')}</p>
      <ErrorSummary t={t} form={form} labels={labels} />
      <form method="post" action="/me/profile" novalidate>
        <CsrfField token={page.csrfToken} />
        <TextArea
          t={t}
          form={form}
          name="wishToTry"
          label={labels.wishToTry}
          hint={t('youth.wish_to_try_hint')}
          rows={3}
          maxLength={1000}
        />
        <TextArea t={t} form={form} name="goodAt" label={labels.goodAt} hint={t('youth.good_at_hint')} rows={3} maxLength={1000} />
        <TextArea
          t={t}
          form={form}
          name="mattersAtWork"
          label={labels.mattersAtWork}
          hint={t('youth.matters_at_work_hint')}
          rows={3}
          maxLength={1000}
        />
        <TextField t={t} form={form} name="practicalHours" label={labels.practicalHours} hint={t('youth.practical_hours_hint')} />
        <TextField
          t={t}
          form={form}
          name="practicalTransport"
          label={labels.practicalTransport}
          hint={t('youth.practical_transport_hint')}
        />
        <TextField t={t} form={form} name="canStartOn" label={labels.canStartOn} type="date" />
        <fieldset>
          <legend class="h3">{t('youth.sharing')}</legend>
          <p>{t('youth.sharing_intro')}</p>
          {fieldGroups.map((g) => (
            <Checkbox t={t} form={form} name={`share_${g}`} label={t(`youth.share.${g}` as Key)} />
          ))}
        </fieldset>
        <button type="submit" class="button button-primary">
          {t('form.save')}
        </button>
      </form>
      <h2>{t('youth.photo')}</h2>
      {photoUrl && <img class="app-photo" src={photoUrl} alt={t('youth.photo_alt', { name })} width={160} />}
      <ErrorSummary t={t} form={photoForm} labels={{ photo: t('youth.photo') }} />
      <form method="post" action="/me/profile/photo" enctype="multipart/form-data" novalidate>
        <CsrfField token={page.csrfToken} />
        <div class={`form-group${photoForm.errors.photo ? ' form-error' : ''}`}>
          <label class="form-label" for="photo">
            {t('youth.photo_choose')}
          </label>
          <span class="form-hint" id="photo-hint">
            {t('youth.photo_hint')}
          </span>
          {photoForm.errors.photo && (
            <span class="form-error-message" id="photo-error">
              {t(photoForm.errors.photo as Key)}
            </span>
          )}
          <input
            class="form-file-input"
            type="file"
            id="photo"
            name="photo"
            accept="image/jpeg,image/png,image/webp"
            aria-describedby="photo-hint"
          />
        </div>
        <button type="submit" class="button button-secondary">
          {t('youth.photo_upload')}
        </button>
      </form>
      {photoUrl && (
        <form method="post" action="/me/profile/photo/delete">
          <CsrfField token={page.csrfToken} />
          <button type="submit" class="button button-tertiary">
            {t('youth.photo_delete')}
          </button>
        </form>
      )}
      <p>
        <a href="/me/profile/preview">{t('youth.preview_link')}</a>
      </p>
    </div>
  );
}

export function PreviewView({ page, view }: { page: PageContext; view: CompanyViewOfYouth }) {
  const { t } = page;
  return (
    <>
      <h1>{t('youth.preview_title')}</h1>
      <p>{t('youth.preview_intro')}</p>
      <section class="app-card" aria-labelledby="preview-name">
        <h2 id="preview-name">{[view.firstName, view.lastName].filter(Boolean).join(' ')}</h2>
        {view.photoUrl && <img class="app-photo" src={view.photoUrl} alt={t('youth.photo_alt', { name: view.firstName })} width={160} />}
        <ProfileFacts t={t} v={view} />
      </section>
      <p>
        <a href="/me/profile">{t('youth.back_to_profile')}</a>
      </p>
    </>
  );
}

export function YouthDirectoryView({
  page,
  rows,
  action,
}: {
  page: PageContext;
  rows: CompanyViewOfYouth[];
  /** What a company contact can do for each young person (log a direct invitation). */
  action?: (v: CompanyViewOfYouth) => ComponentChildren;
}) {
  const { t } = page;
  return (
    <>
      <h1>{t('youth.directory_title')}</h1>
      <p>{t('youth.directory_intro')}</p>
      <ul class="nobullet-list app-results">
        {rows.map((v) => (
          <li class="app-card">
            <h2 class="h4">{[v.firstName, v.lastName].filter(Boolean).join(' ')}</h2>
            {v.photoUrl && <img class="app-photo" src={v.photoUrl} alt={t('youth.photo_alt', { name: v.firstName })} width={120} />}
            <ProfileFacts t={t} v={v} />
            {action?.(v)}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * How and when the young person left (#16), the follow-ups after it, and — for the team — the form
 * for a due follow-up: still in job or education, or back on benefits.
 */
function ExitSection({
  page,
  youthId,
  exit,
  form,
  canUpdate,
}: {
  page: PageContext;
  youthId: string;
  exit: YouthExitView;
  form: FormState;
  canUpdate: boolean;
}) {
  const { t, locale } = page;
  const outcomeLabel = (o: string) => t(`exit.outcome.${o}` as Key);
  return (
    <section aria-labelledby="exit-title">
      <h2 id="exit-title">{t('exit.title')}</h2>
      <dl class="app-facts">
        <dt>{t('exit.kind')}</dt>
        <dd>{t(`youth.end.${exit.kind}` as Key)}</dd>
        <dt>{t('exit.exited_on')}</dt>
        <dd>{formatDay(locale, exit.exitedOn)}</dd>
        {exit.followups.map((f) => (
          <>
            <dt>{t('exit.followup_after', { months: f.months })}</dt>
            <dd>{outcomeLabel(f.outcome)}</dd>
          </>
        ))}
      </dl>
      {canUpdate && exit.due.length > 0 && (
        <form method="post" action={`/youth/${youthId}/followup`} novalidate class="app-narrow-form">
          <h3>{t('exit.followup_title')}</h3>
          <ErrorSummary t={t} form={form} labels={{ months: t('exit.followup_months'), outcome: t('exit.followup_outcome') }} />
          <CsrfField token={page.csrfToken} />
          <SelectField
            t={t}
            form={{ ...form, values: { months: String(exit.due[0]!.months), ...form.values } }}
            name="months"
            label={t('exit.followup_months')}
            options={exit.due.map((d) => ({
              value: String(d.months),
              label: t('exit.followup_due', { months: d.months, date: formatDay(locale, d.on) }),
            }))}
            required
          />
          <SelectField
            t={t}
            form={form}
            name="outcome"
            label={t('exit.followup_outcome')}
            emptyLabel=""
            options={followupOutcomes.map((o) => ({ value: o, label: outcomeLabel(o) }))}
            required
          />
          <button type="submit" class="button button-secondary">
            {t('exit.followup_save')}
          </button>
        </form>
      )}
    </section>
  );
}
