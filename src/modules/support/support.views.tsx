import { formatDateTime, type Translate } from '../../platform/i18n/i18n.ts';
import { Checkbox, CsrfField, ErrorSummary, type FormState, SelectField, TextArea, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { SupportNote } from './support.repository.ts';
import type { NoteKind } from './support.values.ts';
import { conversationKinds } from './support.values.ts';

type Key = Parameters<Translate>[0];

function NoteForm({ page, youthId, kind, form }: { page: PageContext; youthId: string; kind: NoteKind; form: FormState }) {
  const { t } = page;
  const f = form.values.kind === kind ? form : { values: { heldOn: form.values.today ?? '' }, errors: {} };
  const labels = {
    heldOn: t('notes.held_on'),
    conversation: t('notes.conversation'),
    note: t('notes.note'),
    nextStep: t('notes.next_step'),
  };
  return (
    <form method="post" action={`/youth/${youthId}/notes`} class="app-narrow-form" novalidate>
      <h3 class="h4">{t(`notes.new.${kind}` as Key)}</h3>
      <ErrorSummary t={t} form={f} labels={labels} />
      <CsrfField token={page.csrfToken} />
      <input type="hidden" name="kind" value={kind} />
      <TextField t={t} form={f} name="heldOn" label={labels.heldOn} type="date" required />
      <SelectField
        t={t}
        form={f}
        name="conversation"
        label={labels.conversation}
        options={conversationKinds.map((c) => ({ value: c, label: t(`notes.conversation.${c}` as Key) }))}
        required
      />
      <TextArea t={t} form={f} name="note" label={labels.note} required />
      <TextField t={t} form={f} name="nextStep" label={labels.nextStep} />
      <button class="button button-primary" type="submit">
        {t('notes.save')}
      </button>
    </form>
  );
}

function NoteItem({ page, n }: { page: PageContext; n: SupportNote }) {
  const { t } = page;
  return (
    <li class="app-card">
      <h4 class="h5">
        <a href={`/notes/${n.id}`}>
          {n.heldOn} · {t(`notes.conversation.${n.conversation}` as Key)}
        </a>
      </h4>
      {n.onlyForUserId && <p class="form-hint">{t('notes.only_for_you')}</p>}
      <p class="app-prose">{n.note}</p>
      {n.nextStep && (
        <p>
          <strong>{t('notes.next_step')}:</strong> {n.nextStep}
        </p>
      )}
    </li>
  );
}

export function NotesPage(props: {
  page: PageContext;
  youthId: string;
  name: string;
  kinds: NoteKind[];
  writable: NoteKind[];
  notes: SupportNote[];
  openRequest?: Request;
  form: FormState;
}) {
  const { page, youthId, name, kinds, writable, notes, openRequest, form } = props;
  const { t } = page;
  return (
    <>
      <h1>{t('notes.title', { name })}</h1>
      <p>
        <a href={`/youth/${youthId}`}>{t('notes.back', { name })}</a>
      </p>
      {kinds.map((kind) => (
        <section aria-labelledby={`notes-${kind}`}>
          <h2 id={`notes-${kind}`}>{t(`notes.kind.${kind}` as Key)}</h2>
          {kind === 'psychologist' && <p class="form-hint">{t('notes.psychologist_hint')}</p>}
          {notes.some((n) => n.kind === kind) ? (
            <ul class="nobullet-list">
              {notes
                .filter((n) => n.kind === kind)
                .map((n) => (
                  <NoteItem page={page} n={n} />
                ))}
            </ul>
          ) : (
            <p>{t('notes.none')}</p>
          )}
          {kind === 'psychologist' && <ReadRequestForm page={page} youthId={youthId} request={openRequest} form={form} />}
          {writable.includes(kind) && <NoteForm page={page} youthId={youthId} kind={kind} form={form} />}
        </section>
      ))}
    </>
  );
}

export function NotePage({ page, note }: { page: PageContext; note: SupportNote }) {
  const { t } = page;
  return (
    <>
      <h1>{t(`notes.kind.${note.kind}` as Key)}</h1>
      <p class="font-lead">
        {note.heldOn} · {t(`notes.conversation.${note.conversation}` as Key)} · {formatDateTime(page.locale, note.createdAt)}
      </p>
      <p class="app-prose">{note.note}</p>
      {note.nextStep && (
        <p>
          <strong>{t('notes.next_step')}:</strong> {note.nextStep}
        </p>
      )}
      <p>
        <a href={`/youth/${note.youthId}/notes`}>{t('notes.all')}</a>
      </p>
    </>
  );
}

type Request = { id: string; askedAt: Date; answer: 'granted' | 'declined' | null; answerText: string; answeredAt: Date | null };

/** The young person's page: that psychologist's notes exist and when, and asking to read them. */
export function MyNotesView({
  page,
  dates,
  notes,
  requests,
  own,
  hasCounsellor,
  form,
}: {
  page: PageContext;
  dates: string[];
  notes: SupportNote[];
  requests: Request[];
  own: SupportNote[];
  hasCounsellor: boolean;
  form: FormState;
}) {
  const { t } = page;
  const open = requests.find((r) => !r.answer);
  const last = requests.find((r) => r.answer);
  return (
    <>
      <h1>{t('my_notes.title')}</h1>
      <section aria-labelledby="own-notes">
        <h2 id="own-notes">{t('my_notes.own_heading')}</h2>
        <p>{t('my_notes.own_lead')}</p>
        <form method="post" action="/me/notes" class="app-narrow-form" novalidate>
          <ErrorSummary t={t} form={form} labels={{ note: t('my_notes.own_note'), onlyCounsellor: t('my_notes.only_counsellor') }} />
          <CsrfField token={page.csrfToken} />
          <TextArea t={t} form={form} name="note" label={t('my_notes.own_note')} rows={4} maxLength={5000} required />
          {hasCounsellor && (
            <Checkbox
              t={t}
              form={form}
              name="onlyCounsellor"
              label={t('my_notes.only_counsellor')}
              hint={t('my_notes.only_counsellor_hint')}
            />
          )}
          <button class="button button-primary" type="submit">
            {t('my_notes.send')}
          </button>
        </form>
        {own.length > 0 && (
          <ul class="nobullet-list">
            {own.map((n) => (
              <li class="app-card">
                <p class="h5">
                  {formatDateTime(page.locale, n.createdAt)} · {n.onlyForUserId ? t('my_notes.to_counsellor') : t('my_notes.to_team')}
                </p>
                <p class="app-prose">{n.note}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <h2>{t('my_notes.psychologist_heading')}</h2>
      <p>{t('my_notes.lead')}</p>
      {dates.length ? <p>{t('my_notes.dates', { dates: dates.join(', ') })}</p> : <p>{t('my_notes.none')}</p>}
      {open && <p>{t('my_notes.waiting', { at: formatDateTime(page.locale, open.askedAt) })}</p>}
      {!open && last && (
        <p>
          {t(`my_notes.answer.${last.answer!}` as Key, { at: formatDateTime(page.locale, last.answeredAt!) })}
          {last.answerText && <span class="app-prose"> “{last.answerText}”</span>}
        </p>
      )}
      {dates.length > 0 && !open && !notes.length && (
        <form method="post" action="/me/notes/ask">
          <CsrfField token={page.csrfToken} />
          <button class="button button-primary" type="submit">
            {t('my_notes.ask')}
          </button>
        </form>
      )}
      {notes.length > 0 && (
        <ul class="nobullet-list">
          {notes.map((n) => (
            <li class="app-card">
              <h3 class="h5">{n.heldOn}</h3>
              <p class="app-prose">{n.note}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** For psychologists on the notes page: the young person's open request to read, and the answer form. */
export function ReadRequestForm({
  page,
  youthId,
  request,
  form,
}: {
  page: PageContext;
  youthId: string;
  request: Request | undefined;
  form: FormState;
}) {
  const { t } = page;
  if (!request) return null;
  const f = form.values.answer !== undefined || form.errors.answer ? form : { values: {}, errors: {} };
  return (
    <form method="post" action={`/youth/${youthId}/notes/read-request`} class="app-narrow-form" novalidate>
      <h3 class="h4">{t('notes.requests')}</h3>
      <p>{t('notes.request_waiting', { at: formatDateTime(page.locale, request.askedAt) })}</p>
      <ErrorSummary t={t} form={f} labels={{ answer: t('notes.answer') }} />
      <CsrfField token={page.csrfToken} />
      <SelectField
        t={t}
        form={f}
        name="answer"
        label={t('notes.answer')}
        emptyLabel=""
        options={(['granted', 'declined'] as const).map((a) => ({ value: a, label: t(`notes.answer.${a}` as Key) }))}
        required
      />
      <TextField t={t} form={f} name="text" label={t('notes.answer_text')} />
      <button class="button button-secondary" type="submit">
        {t('notes.send_answer')}
      </button>
    </form>
  );
}
