import { formatDateTime, type Translate } from '../../platform/i18n/i18n.ts';
import { CsrfField, emptyForm, ErrorSummary, type FormState, SelectField, TextArea } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { NetworkGroup } from './groups.repository.ts';
import { postKinds } from './groups.values.ts';
import type { SpacePost, SpaceReply } from './space.service.ts';

type Key = Parameters<Translate>[0];

/** Where the forms of a space post: a reply to a post, and (the counsellor) hiding a post or a reply. */
export interface SpaceActions {
  reply: (postId: string) => string;
  hide?: (postId: string) => string;
  hideReply?: (replyId: string) => string;
}

/** The field of the reply form under a post: its own id, so errors and typed text come back to the right post. */
export const replyField = (postId: string) => `reply-${postId}`;

function ReplyItem({ page, r, hideAction }: { page: PageContext; r: SpaceReply; hideAction?: string }) {
  const { t } = page;
  const who = r.mine ? t('space.you') : r.byCounsellor ? t('space.counsellor_author', { name: r.author }) : r.author;
  return (
    <li class="app-reply">
      <p class="app-reply-meta">
        <strong>{who}</strong> · {formatDateTime(page.locale, r.createdAt)}
        {r.hidden && ` · ${t('space.hidden')}`}
      </p>
      <p class="app-prose">{r.body}</p>
      {hideAction && !r.hidden && (
        <form method="post" action={hideAction}>
          <CsrfField token={page.csrfToken} />
          <button class="button button-tertiary button-small" type="submit" aria-label={t('space.hide_reply_from', { author: r.author })}>
            {t('space.hide')}
          </button>
        </form>
      )}
    </li>
  );
}

/** The reply form under a post; the reply lands under the post it answers. */
function ReplyForm({ page, p, action, form }: { page: PageContext; p: SpacePost; action: string; form: FormState }) {
  const { t } = page;
  const id = replyField(p.id);
  const error = form.errors[id];
  return (
    <form method="post" action={action} class="app-reply-form" novalidate>
      <CsrfField token={page.csrfToken} />
      <div class={`form-group${error ? ' form-error' : ''}`}>
        <label class="form-label" for={id}>
          {t('space.reply_label', { author: p.mine ? t('space.you') : p.author })}
        </label>
        {error && (
          <span class="form-error-message" id={`${id}-error`}>
            {t(error as Key)}
          </span>
        )}
        <textarea
          class="form-input"
          id={id}
          name="body"
          rows={2}
          maxLength={1000}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        >
          {form.values[id] ?? ''}
        </textarea>
      </div>
      <button class="button button-secondary button-small" type="submit">
        {t('space.reply')}
      </button>
    </form>
  );
}

/**
 * The posts of a group space, newest first, each with its replies (oldest first) and a reply form
 * under it; the counsellor sees hidden posts and replies marked, with a hide button on the others.
 * A hidden post takes no new replies.
 */
export function PostList({
  page,
  posts,
  actions,
  form = emptyForm,
}: {
  page: PageContext;
  posts: SpacePost[];
  actions: SpaceActions;
  form?: FormState;
}) {
  const { t } = page;
  if (!posts.length) return <p>{t('space.none')}</p>;
  return (
    <ul class="nobullet-list">
      {posts.map((p) => (
        <li class="app-card" id={`post-${p.id}`}>
          <p class="h5">
            {t(`space.kind.${p.kind}` as Key)} · {p.mine ? t('space.you') : p.author} · {formatDateTime(page.locale, p.createdAt)}
            {p.hidden && ` · ${t('space.hidden')}`}
          </p>
          <p class="app-prose">{p.body}</p>
          {actions.hide && !p.hidden && (
            <form method="post" action={actions.hide(p.id)}>
              <CsrfField token={page.csrfToken} />
              <button class="button button-secondary button-small" type="submit" aria-label={t('space.hide_from', { author: p.author })}>
                {t('space.hide')}
              </button>
            </form>
          )}
          {p.replies.length > 0 && (
            <ul class="nobullet-list app-replies" aria-label={t('space.replies_to', { author: p.mine ? t('space.you') : p.author })}>
              {p.replies.map((r) => (
                <ReplyItem page={page} r={r} hideAction={actions.hideReply?.(r.id)} />
              ))}
            </ul>
          )}
          {!p.hidden && <ReplyForm page={page} p={p} action={actions.reply(p.id)} form={form} />}
        </li>
      ))}
    </ul>
  );
}

/** A young person shares a win or a question with the group. */
export function PostForm({ page, form }: { page: PageContext; form: FormState }) {
  const { t } = page;
  const labels = { kind: t('space.kind'), body: t('space.body') };
  return (
    <form method="post" action="/me/group/posts" class="app-narrow-form" novalidate>
      <ErrorSummary t={t} form={form} labels={labels} />
      <CsrfField token={page.csrfToken} />
      <SelectField
        t={t}
        form={form}
        name="kind"
        label={labels.kind}
        options={postKinds.map((k) => ({ value: k, label: t(`space.kind.${k}` as Key) }))}
        required
      />
      <TextArea t={t} form={form} name="body" label={labels.body} hint={t('space.body_hint')} rows={3} maxLength={1000} required />
      <button class="button button-primary" type="submit">
        {t('space.share')}
      </button>
    </form>
  );
}

/** The group's counsellor reads the space and hides what should not be there. */
export function CounsellorSpacePage({
  page,
  group,
  posts,
  form = emptyForm,
}: {
  page: PageContext;
  group: NetworkGroup;
  posts: SpacePost[];
  form?: FormState;
}) {
  const { t } = page;
  const labels = Object.fromEntries(posts.map((p) => [replyField(p.id), t('space.reply_label', { author: p.author })]));
  return (
    <>
      <h1>{t('space.title_for', { name: group.name })}</h1>
      <p class="font-lead">{t('space.counsellor_lead')}</p>
      <p>
        <a href={`/groups/${group.id}`}>{t('space.back', { name: group.name })}</a>
      </p>
      <ErrorSummary t={t} form={form} labels={labels} />
      <PostList
        page={page}
        posts={posts}
        form={form}
        actions={{
          reply: (id) => `/groups/${group.id}/space/${id}/replies`,
          hide: (id) => `/groups/${group.id}/space/${id}/hide`,
          hideReply: (id) => `/groups/${group.id}/space/replies/${id}/hide`,
        }}
      />
    </>
  );
}
