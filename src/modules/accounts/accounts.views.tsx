import type { Translate } from '../../platform/i18n/i18n.ts';
import { CsrfField, DataTable, ErrorSummary, type FormState, SelectField, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { DemoAccount } from '../demo/demo-accounts.ts';
import { OidcSignInSection } from './oidc.views.tsx';

export function SignInPage(props: {
  page: PageContext;
  form: FormState;
  linkForm: FormState;
  next: string;
  demoAccounts: DemoAccount[] | null;
  linkSent: boolean;
  /** The OpenID Connect provider's name ("MitID") when one is configured. */
  oidcLabel?: string | undefined;
}) {
  const { t } = props.page;
  const labels = { email: t('signin.email'), password: t('signin.password') };
  return (
    <div class="row">
      <div class="col-12 col-md-8 col-lg-6">
        <h1>{t('signin.title')}</h1>
        <p>{t('signin.intro')}</p>
        <ErrorSummary t={t} form={props.form} labels={labels} />
        <form method="post" action="/sign-in" novalidate>
          <CsrfField token={props.page.csrfToken} />
          <input type="hidden" name="next" value={props.next} />
          <TextField t={t} form={props.form} name="email" label={labels.email} type="email" autocomplete="username" required />
          <TextField
            t={t}
            form={props.form}
            name="password"
            label={labels.password}
            type="password"
            autocomplete="current-password"
            required
          />
          <button type="submit" class="button button-primary">
            {t('signin.submit')}
          </button>
        </form>
        {props.oidcLabel && <OidcSignInSection page={props.page} label={props.oidcLabel} next={props.next} />}
        <h2>{t('signin.link_heading')}</h2>
        <p>{t('signin.link_intro')}</p>
        {props.linkSent && (
          <div class="alert alert-success" role="status">
            <div class="alert-body">
              <p class="alert-text">{t('signin.link_sent')}</p>
            </div>
          </div>
        )}
        <form method="post" action="/sign-in/link" novalidate>
          <CsrfField token={props.page.csrfToken} />
          <ErrorSummary t={t} form={props.linkForm} labels={{ 'link-email': t('signin.email') }} />
          <TextField t={t} form={props.linkForm} name="link-email" label={t('signin.email')} type="email" autocomplete="email" required />
          <button type="submit" class="button button-secondary">
            {t('signin.link_submit')}
          </button>
        </form>
      </div>
      {props.demoAccounts && <DemoAccounts t={t} accounts={props.demoAccounts} />}
    </div>
  );
}

function DemoAccounts({ t, accounts }: { t: Translate; accounts: DemoAccount[] }) {
  return (
    <section class="col-12 app-demo-accounts" aria-labelledby="demo-heading">
      <h2 id="demo-heading">{t('signin.demo_heading')}</h2>
      <p>{t('signin.demo_intro', { password: accounts[0]?.password ?? '' })}</p>
      <DataTable
        label={t('signin.demo_heading')}
        headers={[t('signin.demo_role'), t('signin.demo_email'), t('signin.demo_municipality')]}
        compact
      >
        {accounts.map((a) => (
          <tr>
            <td>
              {t(`role.${a.role}`)}
              {a.withOffer && ` (${t('offer.demo_with_offer')})`}
            </td>
            <td>{a.email}</td>
            <td>{a.municipality ?? '–'}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

export function LinkConfirmPage({ page, token }: { page: PageContext; token: string }) {
  const { t } = page;
  return (
    <>
      <h1>{t('signin.link_confirm_title')}</h1>
      <p>{t('signin.link_confirm_intro')}</p>
      <form method="post" action={`/sign-in/link/${encodeURIComponent(token)}`}>
        <CsrfField token={page.csrfToken} />
        <button type="submit" class="button button-primary">
          {t('signin.submit')}
        </button>
      </form>
    </>
  );
}

export function InvitePage(props: {
  page: PageContext;
  form: FormState;
  roles: { value: string; label: string }[];
  municipalities: { value: string; label: string }[];
  allowNone: boolean;
}) {
  const { t } = props.page;
  const labels = { name: t('invite.name'), email: t('invite.email'), role: t('invite.role'), municipalityId: t('invite.municipality') };
  return (
    <div class="row">
      <div class="col-12 col-md-8 col-lg-6">
        <h1>{t('invite.title')}</h1>
        <p>{t('invite.intro')}</p>
        <ErrorSummary t={t} form={props.form} labels={labels} />
        <form method="post" action="/invitations" novalidate>
          <CsrfField token={props.page.csrfToken} />
          <TextField t={t} form={props.form} name="name" label={labels.name} autocomplete="off" required />
          <TextField t={t} form={props.form} name="email" label={labels.email} type="email" autocomplete="off" required />
          <SelectField t={t} form={props.form} name="role" label={labels.role} options={props.roles} required />
          <SelectField
            t={t}
            form={props.form}
            name="municipalityId"
            label={labels.municipalityId}
            options={props.municipalities}
            emptyLabel={props.allowNone ? t('invite.none') : undefined}
            required={!props.allowNone}
          />
          <button type="submit" class="button button-primary">
            {t('invite.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}

export function AcceptInvitationPage(props: { page: PageContext; form: FormState; role: string; municipality: string; token: string }) {
  const { t } = props.page;
  const labels = { password: t('accept.password'), passwordRepeat: t('accept.password_repeat') };
  return (
    <div class="row">
      <div class="col-12 col-md-8 col-lg-6">
        <h1>{t('accept.title')}</h1>
        <p>{t('accept.intro', { role: props.role, municipality: props.municipality })}</p>
        <ErrorSummary t={t} form={props.form} labels={labels} />
        <form method="post" action={`/invitations/${encodeURIComponent(props.token)}`} novalidate>
          <CsrfField token={props.page.csrfToken} />
          <TextField
            t={t}
            form={props.form}
            name="password"
            label={labels.password}
            hint={t('accept.password_hint')}
            type="password"
            autocomplete="new-password"
            required
          />
          <TextField
            t={t}
            form={props.form}
            name="passwordRepeat"
            label={labels.passwordRepeat}
            type="password"
            autocomplete="new-password"
            required
          />
          <button type="submit" class="button button-primary">
            {t('accept.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
