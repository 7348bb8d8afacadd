import { type ComponentChildren, createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '../i18n/i18n.ts';

/** The page the forms being rendered are on (PageContext.formPage), provided by the layout. */
export const FormPageContext = createContext<string | undefined>(undefined);

const alertClass = { success: 'alert-success', info: 'alert-info', error: 'alert-error', warning: 'alert-warning' } as const;

export function Alert(props: {
  kind: keyof typeof alertClass;
  role?: 'alert' | 'status';
  heading?: string;
  /** An id and tabindex=-1: a focus target (the flash after a post/redirect, app.js). */
  focusId?: string;
  children: ComponentChildren;
}) {
  return (
    <div class={`alert ${alertClass[props.kind]}`} role={props.role} id={props.focusId} tabindex={props.focusId ? -1 : undefined}>
      <div class="alert-body">
        {props.heading && <p class="alert-heading">{props.heading}</p>}
        <p class="alert-text">{props.children}</p>
      </div>
    </div>
  );
}

export interface FormState {
  values: Record<string, string>;
  /** field → message-catalog key */
  errors: Record<string, string>;
  /** a message-catalog key for an error not tied to one field */
  formError?: string;
  /** The error's parameters: fill the form's message and the fields' ("born {born:date}"). */
  formErrorParams?: Record<string, string | number>;
}

export const emptyForm: FormState = { values: {}, errors: {} };

/** The DKFDS error summary: focusable, lists each error as a link to its field. */
export function ErrorSummary({ t, form, labels }: { t: Translate; form: FormState; labels: Record<string, string> }) {
  const entries = Object.entries(form.errors);
  if (!entries.length && !form.formError) return null;
  return (
    <div class="alert alert-error app-error-summary" role="alert" tabindex={-1} id="error-summary">
      <div class="alert-body">
        <p class="alert-heading">{t('form.error_summary')}</p>
        {form.formError && <p class="alert-text">{t(form.formError as Parameters<Translate>[0], form.formErrorParams)}</p>}
        {entries.length > 0 && (
          <ul class="alert-text nobullet-list">
            {entries.map(([field, key]) => (
              <li>
                <a href={`#${field}`} class="function-link">
                  {labels[field] ? `${labels[field]}: ` : ''}
                  {t(key as Parameters<Translate>[0], form.formErrorParams)}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

interface FieldProps {
  t: Translate;
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

function FieldShell(props: FieldProps & { children: ComponentChildren }) {
  const error = props.form.errors[props.name];
  return (
    <div class={`form-group${error ? ' form-error' : ''}`}>
      <label class="form-label" for={props.name}>
        {props.label}
        {props.required && <span class="app-required"> ({props.t('form.required')})</span>}
      </label>
      {props.hint && (
        <span class="form-hint" id={`${props.name}-hint`}>
          {props.hint}
        </span>
      )}
      {error && (
        <span class="form-error-message" id={`${props.name}-error`}>
          {props.t(error as Parameters<Translate>[0], props.form.formErrorParams)}
        </span>
      )}
      {props.children}
    </div>
  );
}

function describedBy(props: FieldProps): string | undefined {
  const ids = [props.hint ? `${props.name}-hint` : '', props.form.errors[props.name] ? `${props.name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextArea(props: FieldProps & { rows?: number; maxLength?: number }) {
  return (
    <FieldShell {...props}>
      <textarea
        class="form-input"
        id={props.name}
        name={props.name}
        rows={props.rows ?? 4}
        maxLength={props.maxLength}
        required={props.required}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        {props.form.values[props.name] ?? ''}
      </textarea>
    </FieldShell>
  );
}

export function Checkbox(props: { t: Translate; form: FormState; name: string; label: string; hint?: string }) {
  const checked = ['on', 'true'].includes(props.form.values[props.name] ?? '');
  return (
    <div class="form-group form-group-checkbox">
      <input
        class="form-checkbox"
        type="checkbox"
        id={props.name}
        name={props.name}
        checked={checked}
        aria-describedby={props.hint ? `${props.name}-hint` : undefined}
      />
      <label for={props.name}>{props.label}</label>
      {props.hint && (
        <span class="form-hint" id={`${props.name}-hint`}>
          {props.hint}
        </span>
      )}
    </div>
  );
}

export function TextField(
  props: FieldProps & { type?: 'text' | 'email' | 'password' | 'number' | 'date'; autocomplete?: string; inputmode?: string },
) {
  const keepValue = props.type !== 'password';
  const attrs: Record<string, unknown> = { type: props.type ?? 'text' };
  return (
    <FieldShell {...props}>
      <input
        {...attrs}
        class="form-input"
        id={props.name}
        name={props.name}
        value={keepValue ? (props.form.values[props.name] ?? '') : ''}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        required={props.required}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      />
    </FieldShell>
  );
}

export function SelectField(props: FieldProps & { options: { value: string; label: string }[]; emptyLabel?: string }) {
  const current = props.form.values[props.name] ?? '';
  return (
    <FieldShell {...props}>
      <select
        class="form-select"
        id={props.name}
        name={props.name}
        required={props.required}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** The CSRF field every form has, and the page the form is on (`_page`, to return to after an expired session). */
export function CsrfField({ token }: { token: string }) {
  const formPage = useContext(FormPageContext);
  return (
    <>
      <input type="hidden" name="_csrf" value={token} />
      {formPage && <input type="hidden" name="_page" value={formPage} />}
    </>
  );
}

export function Pagination(props: { t: Translate; page: number; pages: number; href: (page: number) => string }) {
  if (props.pages <= 1) return null;
  const { t, page, pages } = props;
  return (
    <nav class="pagination app-pagination" aria-label={t('pagination.label')}>
      <ul class="pagination__items">
        {page > 1 && (
          <li class="pagination-item">
            <a class="button button-secondary" href={props.href(page - 1)}>
              {t('pagination.previous')}
            </a>
          </li>
        )}
        <li class="pagination-item app-page-of" aria-current="page">
          {t('pagination.page_of', { page, pages })}
        </li>
        {page < pages && (
          <li class="pagination-item">
            <a class="button button-secondary" href={props.href(page + 1)}>
              {t('pagination.next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** A table in a keyboard-scrollable region, so wide tables never widen the page on a phone. */
export function DataTable(props: { label: string; headers: string[]; compact?: boolean; zebra?: boolean; children: ComponentChildren }) {
  const cls = ['table', props.compact ? 'table--compact' : '', props.zebra === false ? '' : 'table--zebra'].filter(Boolean).join(' ');
  return (
    <div class="table--responsive-scroll" tabindex={0} role="region" aria-label={props.label}>
      <table class={cls}>
        <thead>
          <tr>
            {props.headers.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
