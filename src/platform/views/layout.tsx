import type { ComponentChildren } from 'preact';
import type { PageContext } from './page.ts';
import { Alert, FormPageContext } from './components.tsx';
import { assetUrl } from '../http/assets.ts';

/**
 * The warning before the idle timeout (GOV.UK's pattern): a DKFDS modal that session-timeout.js
 * opens about 2 minutes before the session would end, with "Bliv logget ind" (a keep-alive POST).
 * Hidden, and harmless, without JavaScript.
 */
function SessionTimeout({ page }: { page: PageContext }) {
  const { t } = page;
  if (!page.actor || !page.sessionIdleMinutes) return null;
  return (
    <div class="fds-modal-container">
      <div
        class="fds-modal"
        id="session-timeout"
        aria-hidden="true"
        role="dialog"
        aria-modal="true"
        aria-labelledby="session-timeout-title"
        aria-describedby="session-timeout-text"
        data-modal-forced-action=""
        data-idle-seconds={String(page.sessionIdleMinutes * 60)}
      >
        <div class="modal-content">
          <div class="modal-header">
            <h2 class="modal-title" id="session-timeout-title">
              {t('session.timeout_title')}
            </h2>
          </div>
          <div class="modal-body">
            <p id="session-timeout-text" data-timed-out={t('session.timed_out_text')}>
              {t('session.timeout_text')}
            </p>
          </div>
          <div class="modal-footer app-actions">
            <form method="post" action="/session/keep-alive" id="session-keep-alive" class="app-inline-form">
              <input type="hidden" name="_csrf" value={page.csrfToken} />
              {page.formPage && <input type="hidden" name="_page" value={page.formPage} />}
              <button type="submit" class="button button-primary">
                {t('session.stay')}
              </button>
            </form>
            <button type="button" class="button button-secondary" id="session-timeout-close" data-modal-close="" hidden>
              {t('session.close')}
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}

export function Layout({ page, title, children }: { page: PageContext; title: string; children: ComponentChildren }) {
  const { t, actor } = page;
  const otherLocale = page.locale === 'da' ? 'en' : 'da';
  return (
    <html lang={page.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t('app.name')}`}</title>
        <link rel="stylesheet" href={assetUrl('/assets/dkfds/css/dkfds.min.css')} />
        <link rel="stylesheet" href={assetUrl('/assets/app.css')} />
        <link rel="icon" href={assetUrl('/assets/favicon.svg')} type="image/svg+xml" />
      </head>
      <body>
        <a class="skipnav" href="#main-content">
          {t('layout.skip')}
        </a>
        <header class="header">
          <div class="portal-header">
            <div class="container portal-header-inner">
              <a href="/" class="app-logo">
                {t('app.name')}
                <span class="app-tagline">{t('app.tagline')}</span>
              </a>
              <div class="portal-info">
                {actor && <p class="user app-user">{t('layout.signed_in_as', { name: actor.name })}</p>}
                <a
                  class="app-language"
                  href={`/language?to=${otherLocale}&back=${encodeURIComponent(page.path)}`}
                  lang={otherLocale}
                  hreflang={otherLocale}
                >
                  <span class="app-sr-only">{t('layout.switch_language_label')}: </span>
                  {t('layout.switch_language')}
                </a>
                {actor ? (
                  <form method="post" action="/sign-out" class="app-inline-form">
                    <input type="hidden" name="_csrf" value={page.csrfToken} />
                    <button type="submit" class="button button-secondary">
                      {t('layout.sign_out')}
                    </button>
                  </form>
                ) : (
                  <a href="/sign-in" class="button button-secondary">
                    {t('layout.sign_in')}
                  </a>
                )}
              </div>
            </div>
          </div>
          {page.nav.length > 0 && (
            <nav class="app-nav" aria-label={t('layout.main_nav')}>
              <div class="container">
                <ul class="app-nav-list">
                  {page.nav.map((item) => {
                    const current = page.path === item.href || page.path.startsWith(`${item.href}/`);
                    return (
                      <li class="app-nav-item">
                        <a href={item.href} class="nav-link" aria-current={current ? 'page' : undefined}>
                          <span>{item.label}</span>
                        </a>
                      </li>
                    );
                  })}
                </ul>
              </div>
            </nav>
          )}
        </header>
        <div class="container">
          {page.demo && <p class="app-demo-banner">{t('layout.demo_banner')}</p>}
          <main id="main-content" class="app-main" tabindex={-1}>
            {page.flash && (
              <Alert kind={page.flash.kind} role={page.flash.kind === 'error' ? 'alert' : 'status'} focusId="flash">
                {t(page.flash.key as Parameters<typeof t>[0], page.flash.params)}
              </Alert>
            )}
            <FormPageContext.Provider value={page.formPage}>{children}</FormPageContext.Provider>
          </main>
        </div>
        <footer class="footer">
          <div class="container">
            <p>{t('layout.footer_about')}</p>
            <ul class="unstyled-list app-footer-links">
              <li>
                <a href="/accessibility">{t('layout.accessibility')}</a>
              </li>
              <li>
                <a href="/api/docs">{t('layout.api_docs')}</a>
              </li>
            </ul>
          </div>
        </footer>
        <SessionTimeout page={page} />
        <script src={assetUrl('/assets/dkfds/js/dkfds.min.js')} defer></script>
        <script src={assetUrl('/assets/app.js')} defer></script>
        {page.actor && page.sessionIdleMinutes && <script src={assetUrl('/assets/session-timeout.js')} defer></script>}
      </body>
    </html>
  );
}
