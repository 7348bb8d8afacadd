import type { Actor } from '../access/policy.ts';
import type { Locale, Translate } from '../i18n/i18n.ts';

export interface Flash {
  kind: 'success' | 'info' | 'error';
  key: string;
  params?: Record<string, string | number>;
}

export interface NavItem {
  href: string;
  label: string;
}

/** Everything a page needs from its request: language, who is signed in, CSRF token, flash. */
export interface PageContext {
  t: Translate;
  locale: Locale;
  actor: Actor | null;
  csrfToken: string;
  flash: Flash | null;
  path: string;
  demo: boolean;
  nav: NavItem[];
  requestId: string;
  /**
   * The page a form on this page is on (its own URL; after a failed POST, the page the form came
   * from): every form sends it as `_page`, so a form posted after the session expired can be kept
   * and the person returned to it (saved-forms.ts).
   */
  formPage?: string;
  /** Minutes of inactivity before the session ends, for the warning before it (signed-in pages only). */
  sessionIdleMinutes?: number;
}
