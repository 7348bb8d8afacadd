import { localDate } from '../../platform/dates.ts';
import { CsrfField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { OidcIdentity } from './oidc.repository.ts';

/** On the sign-in page: the button to the OpenID Connect provider (only when one is configured). */
export function OidcSignInSection({ page, label, next }: { page: PageContext; label: string; next: string }) {
  const { t } = page;
  const href = next ? `/sign-in/oidc?next=${encodeURIComponent(next)}` : '/sign-in/oidc';
  return (
    <section aria-labelledby="oidc-heading">
      <h2 id="oidc-heading">{t('signin_oidc.heading', { label })}</h2>
      <p>{t('signin_oidc.intro', { label })}</p>
      <a class="button button-primary" href={href}>
        {t('signin_oidc.button', { label })}
      </a>
    </section>
  );
}

/** Why a sign-in through the provider did not go through, with the way back. */
export function OidcProblemPage({ page, messageKey }: { page: PageContext; messageKey: string }) {
  const { t } = page;
  return (
    <div class="row">
      <div class="col-12 col-md-8 col-lg-6">
        <h1>{t('signin_oidc.problem_title')}</h1>
        <div class="alert alert-warning" role="alert">
          <div class="alert-body">
            <p class="alert-text">{t(messageKey as Parameters<typeof t>[0])}</p>
          </div>
        </div>
        <p>
          <a href="/sign-in">{t('signin_oidc.back')}</a>
        </p>
      </div>
    </div>
  );
}

/** `/me/sign-in`: link one's account with the provider, or remove the link. */
export function OidcLinkPage({ page, label, identity }: { page: PageContext; label: string; identity: OidcIdentity | undefined }) {
  const { t } = page;
  return (
    <div class="app-narrow-form">
      <h1>{t('oidc_link.title', { label })}</h1>
      <p class="font-lead">{t('oidc_link.intro', { label })}</p>
      {identity ? (
        <>
          <p>{t('oidc_link.linked', { label, date: localDate(identity.createdAt) })}</p>
          <form method="post" action="/me/sign-in/unlink">
            <CsrfField token={page.csrfToken} />
            <button type="submit" class="button button-secondary">
              {t('oidc_link.unlink', { label })}
            </button>
          </form>
        </>
      ) : (
        <>
          <p>{t('oidc_link.not_linked', { label })}</p>
          <a class="button button-primary" href="/me/sign-in/link">
            {t('oidc_link.link', { label })}
          </a>
        </>
      )}
    </div>
  );
}
