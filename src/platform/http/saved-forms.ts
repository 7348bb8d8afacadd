import { randomBytes } from 'node:crypto';
import { parseHTML } from 'linkedom';
import type { Clock } from '../clock.ts';
import type { Sealer } from '../crypto/sealed.ts';
import { hashToken, newToken } from '../crypto/tokens.ts';
import type { SavedFormsRepository } from './saved-forms.repository.ts';

/**
 * A form submitted after the session expired is not lost (the GOV.UK pattern, #14): the platform
 * keeps what was typed, server-side and sealed, for 30 minutes, tied to a random token in an
 * httpOnly cookie of the browser that sent it and to the account that last signed in on that
 * browser; after signing in again as that account, the person lands on the form with it filled.
 * Used once; never password, CPR or token fields; never files.
 */
export const SAVED_FORM_MINUTES = 30;
/** More than this is not kept (a form's text, not an upload). */
const MAX_BYTES = 64 * 1024;
/** Field names whose values are never kept: passwords, CPR numbers, tokens, and the form's own (_csrf, _page). */
const NEVER_KEPT = /pass|cpr|token|secret|^_/i;

export type FormFields = Record<string, string | string[]>;

export interface SavedForm {
  /** The page the form is on, to return to. */
  path: string;
  /** The form's action (the URL it was posted to), to find the form on that page. */
  action: string;
  /** The email of the account it belongs to (lower case). */
  owner: string;
  values: FormFields;
}

/**
 * The fields of a submitted form that may be kept, or undefined when the form cannot be kept as a
 * whole (a file upload, an unexpected shape, too large).
 */
export function keepableFields(body: unknown): FormFields | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const out: FormFields = {};
  for (const [name, value] of Object.entries(body)) {
    if (NEVER_KEPT.test(name)) continue;
    if (typeof value === 'string') out[name] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[name] = value;
    else return undefined;
  }
  return Buffer.byteLength(JSON.stringify(out)) <= MAX_BYTES ? out : undefined;
}

export type TakeResult = { kind: 'restore'; form: SavedForm } | { kind: 'elsewhere' } | { kind: 'gone' };

export class SavedForms {
  constructor(
    private readonly repo: SavedFormsRepository,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
  ) {}

  /** Keeps a form; returns the token for the browser's cookie. */
  async save(form: SavedForm): Promise<string> {
    const { token, id } = newToken();
    const now = this.clock.now();
    const values = Object.fromEntries(Object.entries(form.values).filter(([name]) => !NEVER_KEPT.test(name)));
    await this.repo.insert({
      id,
      path: form.path,
      sealed: this.sealer.seal(JSON.stringify({ action: form.action, owner: form.owner.toLowerCase(), values })),
      createdAt: now,
      expiresAt: new Date(now.getTime() + SAVED_FORM_MINUTES * 60_000),
    });
    return token;
  }

  /**
   * The saved form for this cookie token, when the person is back on its page: it is deleted
   * (used once) and returned only to its owner. `elsewhere`: kept, the person is on another page;
   * `gone`: expired, used, unknown or someone else's (dropped; clear the cookie).
   */
  async take(token: string, path: string, email: string): Promise<TakeResult> {
    const id = hashToken(token);
    const row = await this.repo.find(id);
    if (!row) return { kind: 'gone' };
    if (row.expiresAt <= this.clock.now()) {
      await this.repo.take(id);
      return { kind: 'gone' };
    }
    if (row.path !== path) return { kind: 'elsewhere' };
    const taken = await this.repo.take(id);
    if (!taken) return { kind: 'gone' };
    const sealed = JSON.parse(this.sealer.open(taken.sealed)) as Omit<SavedForm, 'path'>;
    if (sealed.owner !== email.toLowerCase()) return { kind: 'gone' };
    return { kind: 'restore', form: { ...sealed, path: taken.path } };
  }

  /** Job: drop forms nobody came back for. */
  expire(): Promise<number> {
    return this.repo.deleteExpired(this.clock.now());
  }
}

/** Input types whose value is the server's, not the person's. */
const NOT_TYPED = new Set(['hidden', 'submit', 'button', 'reset', 'file', 'image', 'password']);

/**
 * The page's HTML with the saved form's fields filled in and a notice above the form; undefined
 * when the page has no form with that action (then nothing is shown). Works on any server-rendered
 * form, so no route has to know about it.
 */
export function fillSavedForm(html: string, form: SavedForm, notice: { heading: string; text: string }): string | undefined {
  const { document } = parseHTML(html);
  const target = [...document.querySelectorAll('form')].find((f) => f.getAttribute('action') === form.action);
  if (!target) return undefined;
  const seen = new Map<string, number>();
  const typed: string[] = [];
  const nonce = randomBytes(6).toString('hex');
  for (const field of target.querySelectorAll('input, textarea, select')) {
    const name = field.getAttribute('name');
    if (!name || !(name in form.values)) continue;
    const saved = form.values[name]!;
    const list = Array.isArray(saved) ? saved : [saved];
    const tag = field.tagName.toLowerCase();
    const type = (field.getAttribute('type') ?? 'text').toLowerCase();
    if (tag === 'input' && NOT_TYPED.has(type)) continue;
    if (tag === 'input' && (type === 'checkbox' || type === 'radio')) {
      if (list.includes(field.getAttribute('value') ?? 'on')) field.setAttribute('checked', '');
      else field.removeAttribute('checked');
      continue;
    }
    if (tag === 'select') {
      for (const option of field.querySelectorAll('option')) {
        if (list.includes(option.getAttribute('value') ?? option.textContent ?? '')) option.setAttribute('selected', '');
        else option.removeAttribute('selected');
      }
      continue;
    }
    // Text fields: the n-th field of a name gets the n-th value sent under it.
    const n = seen.get(name) ?? 0;
    seen.set(name, n + 1);
    const value = list[n];
    if (value === undefined) continue;
    // A placeholder now, the escaped text after serialising (the serialiser leaves a textarea's text raw).
    const mark = `saved-form-value-${typed.length}-${nonce}`;
    typed.push(value);
    if (tag === 'textarea') field.textContent = mark;
    else field.setAttribute('value', mark);
  }
  const alert = document.createElement('div');
  alert.setAttribute('class', 'alert alert-info app-saved-form-notice');
  alert.setAttribute('role', 'status');
  alert.setAttribute('id', 'saved-form-notice');
  alert.setAttribute('tabindex', '-1');
  const body = document.createElement('div');
  body.setAttribute('class', 'alert-body');
  const heading = document.createElement('p');
  heading.setAttribute('class', 'alert-heading');
  heading.textContent = notice.heading;
  const text = document.createElement('p');
  text.setAttribute('class', 'alert-text');
  text.textContent = notice.text;
  body.append(heading, text);
  alert.append(body);
  target.parentNode!.insertBefore(alert, target);
  return `<!doctype html>${document.documentElement.outerHTML}`.replace(
    new RegExp(`saved-form-value-(\\d+)-${nonce}`, 'g'),
    (_m, i: string) => escapeHtml(typed[Number(i)]!),
  );
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
