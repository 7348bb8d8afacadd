import { formatDateTime, type Translate } from '../../platform/i18n/i18n.ts';
import { CsrfField, ErrorSummary, type FormState, SelectField, TextArea } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { NetworkGroup } from './groups.repository.ts';
import { postKinds } from './groups.values.ts';
import type { SpacePost } from './space.service.ts';

type Key = Parameters<Translate>[0];

/** The posts of a group space, newest first; the counsellor sees hidden ones marked, with a hide button on the others. */
export function PostList({ page, posts, hideAction }: { page: PageContext; posts: SpacePost[]; hideAction?: (id: string) => string }) {
  const { t } = page;
  if (!posts.length) return <p>{t('space.none')}</p>;
  return (
    <ul class="nobullet-list">
      {posts.map((p) => (
        <li class="app-card">
          <p class="h5">
            {t(`space.kind.${p.kind}` as Key)} · {p.mine ? t('space.you') : p.author} · {formatDateTime(page.locale, p.createdAt)}
            {p.hidden && ` · ${t('space.hidden')}`}
          </p>
          <p class="app-prose">{p.body}</p>
          {hideAction && !p.hidden && (
            <form method="post" action={hideAction(p.id)}>
              <CsrfField token={page.csrfToken} />
              <button class="button button-secondary button-small" type="submit" aria-label={t('space.hide_from', { author: p.author })}>
                {t('space.hide')}
              </button>
            </form>
          )}
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
export function CounsellorSpacePage({ page, group, posts }: { page: PageContext; group: NetworkGroup; posts: SpacePost[] }) {
  const { t } = page;
  return (
    <>
      <h1>{t('space.title_for', { name: group.name })}</h1>
      <p class="font-lead">{t('space.counsellor_lead')}</p>
      <p>
        <a href={`/groups/${group.id}`}>{t('space.back', { name: group.name })}</a>
      </p>
      <PostList page={page} posts={posts} hideAction={(id) => `/groups/${group.id}/space/${id}/hide`} />
    </>
  );
}
