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
}
