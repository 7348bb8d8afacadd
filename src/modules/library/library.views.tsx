import type { ComponentChildren } from 'preact';
import { localDate } from '../../platform/dates.ts';
import type { Translate } from '../../platform/i18n/i18n.ts';
import { CsrfField, ErrorSummary, type FormState, SelectField, TextArea, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { LibraryEntryView } from './library.repository.ts';
import type { LibraryEntryRights } from './library.service.ts';
import { LIBRARY_PDF_MAX_BYTES, LIBRARY_TEXT_MAX, LIBRARY_TITLE_MAX, type LibraryKind, libraryKinds } from './library.values.ts';

type Key = Parameters<Translate>[0];
const kindLabel = (t: Translate, kind: LibraryKind) => t(`library.kind.${kind}` as Key);

/** Simple formatting: paragraphs separated by a blank line; lines starting with "- " are a list. */
export function LibraryText({ text }: { text: string }) {
  const blocks: ComponentChildren[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim());
    if (!lines.length) continue;
    if (lines.every((l) => /^\s*[-*•]\s+/.test(l))) {
      blocks.push(
        <ul>
          {lines.map((l) => (
            <li>{l.replace(/^\s*[-*•]\s+/, '')}</li>
          ))}
        </ul>,
      );
    } else {
      blocks.push(
        <p>
          {lines.map((l, i) => (
            <>
              {i > 0 && <br />}
              {l}
            </>
          ))}
        </p>,
      );
    }
  }
  return <div class="app-library-text">{blocks}</div>;
}

/** "1,2 MB", "340 kB". */
function fileSize(t: Translate, bytes: number): string {
  return bytes >= 1024 * 1024
    ? t('library.size.mb', { n: Math.round((bytes / 1024 / 1024) * 10) / 10 })
    : t('library.size.kb', { n: Math.max(1, Math.round(bytes / 1024)) });
}

function Tags({ t, tags }: { t: Translate; tags: string[] }) {
  if (!tags.length) return null;
  return (
    <p class="app-library-tags">
      <span class="app-sr-only">{t('library.tags')}: </span>
      {tags.map((tag) => (
        <>
          <a class="app-library-tag" href={`/library?tag=${encodeURIComponent(tag)}`}>
            {tag}
          </a>{' '}
        </>
      ))}
    </p>
  );
}

function Byline({ t, entry }: { t: Translate; entry: LibraryEntryView }) {
  const where = entry.municipalityName ?? t('library.programme');
  return (
    <p class="app-library-byline">
      {t('library.byline', { kind: kindLabel(t, entry.kind), author: entry.authorName ?? t('library.former_author'), where })}
      {' · '}
      {t('library.updated', { date: localDate(entry.updatedAt) })}
    </p>
  );
}

/** The library: search by words and tags; pinned entries first. */
export function LibraryListView(props: {
  page: PageContext;
  entries: LibraryEntryView[];
  tags: { tag: string; entries: number }[];
  q: string;
  tag: string;
  archived: boolean;
  canPublish: boolean;
  canCurate: boolean;
}) {
  const { t } = props.page;
  const filtered = props.q || props.tag;
  return (
    <>
      <h1>{props.archived ? t('library.archive_title') : t('library.title')}</h1>
      <p class="font-lead">{t('library.intro')}</p>
      <div class="app-actions">
        {props.canPublish && !props.archived && (
          <a class="button button-primary" href="/library/new">
            {t('library.new')}
          </a>
        )}
        {props.canCurate && (
          <a class="button button-secondary" href={props.archived ? '/library' : '/library?archived=1'}>
            {props.archived ? t('library.back_to_library') : t('library.archive_link')}
          </a>
        )}
      </div>
      <form method="get" action="/library" role="search" class="app-library-search">
        {props.archived && <input type="hidden" name="archived" value="1" />}
        <div class="form-group">
          <label class="form-label" for="q">
            {t('library.search_label')}
          </label>
          <input class="form-input" type="search" id="q" name="q" value={props.q} />
        </div>
        {props.tag && <input type="hidden" name="tag" value={props.tag} />}
        <button class="button button-secondary" type="submit">
          {t('library.search')}
        </button>
      </form>
      {props.tags.length > 0 && (
        <nav aria-label={t('library.tags')} class="app-library-tag-filter">
          <p class="app-library-tags">
            {props.tags.map(({ tag, entries }) => (
              <>
                <a
                  class="app-library-tag"
                  href={`/library?tag=${encodeURIComponent(tag)}${props.archived ? '&archived=1' : ''}`}
                  aria-current={tag === props.tag ? 'true' : undefined}
                >
                  {tag} <span class="app-sr-only">({t('library.tag_count', { n: entries })})</span>
                </a>{' '}
              </>
            ))}
          </p>
        </nav>
      )}
      {filtered && (
        <p>
          {t('library.found', { n: props.entries.length })}{' '}
          <a href={props.archived ? '/library?archived=1' : '/library'}>{t('library.clear')}</a>
        </p>
      )}
      {props.entries.length === 0 ? (
        <p>{filtered ? t('library.none_found') : props.archived ? t('library.archive_empty') : t('library.empty')}</p>
      ) : (
        <ul class="nobullet-list app-library-list">
          {props.entries.map((entry) => (
            <li class="app-library-item">
              <h2 class="h3">
                <a href={`/library/${entry.id}`}>{entry.title}</a>
                {entry.pinnedAt && <span class="badge badge-small">{t('library.pinned')}</span>}
              </h2>
              <Byline t={t} entry={entry} />
              <p>{entry.body.length > 220 ? `${entry.body.slice(0, 220).trimEnd()}…` : entry.body}</p>
              <Tags t={t} tags={entry.tags} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** One entry: its text, its PDF, and what the reader may do with it. */
export function LibraryEntryPage(props: { page: PageContext; entry: LibraryEntryView; rights: LibraryEntryRights }) {
  const { t, csrfToken } = props.page;
  const { entry, rights } = props;
  const action = (path: string, label: string, value?: string, secondary = true) => (
    <form method="post" action={`/library/${entry.id}/${path}`} class="app-inline-form">
      <CsrfField token={csrfToken} />
      {value !== undefined && <input type="hidden" name="value" value={value} />}
      <button class={`button ${secondary ? 'button-secondary' : 'button-primary'}`} type="submit">
        {label}
      </button>
    </form>
  );
  return (
    <>
      <p>
        <a class="function-link" href="/library">
          {t('library.back_to_library')}
        </a>
      </p>
      <h1>{entry.title}</h1>
      {entry.archivedAt && (
        <div class="alert alert-info">
          <div class="alert-body">
            <p class="alert-text">{t('library.is_archived', { date: localDate(entry.archivedAt) })}</p>
          </div>
        </div>
      )}
      <Byline t={t} entry={entry} />
      <Tags t={t} tags={entry.tags} />
      <LibraryText text={entry.body} />
      {entry.pdfName && entry.pdfBytes !== null && (
        <p>
          <a href={`/library/${entry.id}/pdf`} download={entry.pdfName}>
            {t('library.download_pdf', { name: entry.pdfName, size: fileSize(t, entry.pdfBytes) })}
          </a>
        </p>
      )}
      {(rights.edit || rights.curate) && (
        <div class="app-actions">
          {rights.edit && (
            <a class="button button-secondary" href={`/library/${entry.id}/edit`}>
              {t('library.edit')}
            </a>
          )}
          {rights.curate &&
            !entry.archivedAt &&
            action('pin', entry.pinnedAt ? t('library.unpin') : t('library.pin'), entry.pinnedAt ? 'false' : 'true')}
          {rights.edit &&
            action('archive', entry.archivedAt ? t('library.restore') : t('library.archive'), entry.archivedAt ? 'false' : 'true')}
        </div>
      )}
    </>
  );
}

/** Publish or change an entry; with an optional PDF. */
export function LibraryFormView(props: { page: PageContext; form: FormState; entry?: LibraryEntryView }) {
  const { t, csrfToken } = props.page;
  const { form, entry } = props;
  const labels = {
    kind: t('library.field.kind'),
    title: t('library.field.title'),
    body: t('library.field.body'),
    tags: t('library.field.tags'),
    pdf: t('library.field.pdf'),
  };
  return (
    <>
      <p>
        <a class="function-link" href={entry ? `/library/${entry.id}` : '/library'}>
          {entry ? entry.title : t('library.back_to_library')}
        </a>
      </p>
      <h1>{entry ? t('library.edit_title') : t('library.new_title')}</h1>
      <div class="alert alert-warning">
        <div class="alert-body">
          <p class="alert-text">{t('library.anonymous_warning')}</p>
        </div>
      </div>
      <ErrorSummary t={t} form={form} labels={labels} />
      <form method="post" action={entry ? `/library/${entry.id}/edit` : '/library'} enctype="multipart/form-data" novalidate>
        <CsrfField token={csrfToken} />
        <SelectField
          t={t}
          form={form}
          name="kind"
          label={labels.kind}
          required
          options={libraryKinds.map((k) => ({ value: k, label: kindLabel(t, k) }))}
        />
        <TextField t={t} form={form} name="title" label={labels.title} required hint={t('library.hint.title', { n: LIBRARY_TITLE_MAX })} />
        <TextArea
          t={t}
          form={form}
          name="body"
          label={labels.body}
          required
          rows={12}
          maxLength={LIBRARY_TEXT_MAX}
          hint={t('library.hint.body')}
        />
        <TextField t={t} form={form} name="tags" label={labels.tags} hint={t('library.hint.tags')} />
        <div class={`form-group${form.errors.pdf ? ' form-error' : ''}`}>
          <label class="form-label" for="pdf">
            {labels.pdf}
          </label>
          <span class="form-hint" id="pdf-hint">
            {entry?.pdfName
              ? t('library.hint.pdf_replace', { name: entry.pdfName })
              : t('library.hint.pdf', { mb: LIBRARY_PDF_MAX_BYTES / 1024 / 1024 })}
          </span>
          {form.errors.pdf && (
            <span class="form-error-message" id="pdf-error">
              {t(form.errors.pdf as Key)}
            </span>
          )}
          <input
            class="form-file-input"
            type="file"
            id="pdf"
            name="pdf"
            accept="application/pdf,.pdf"
            aria-describedby={form.errors.pdf ? 'pdf-hint pdf-error' : 'pdf-hint'}
          />
        </div>
        {entry?.pdfName && (
          <div class="form-group form-group-checkbox">
            <input class="form-checkbox" type="checkbox" id="removePdf" name="removePdf" value="on" />
            <label for="removePdf">{t('library.field.remove_pdf', { name: entry.pdfName })}</label>
          </div>
        )}
        <button class="button button-primary" type="submit">
          {entry ? t('library.save') : t('library.publish')}
        </button>
      </form>
    </>
  );
}
