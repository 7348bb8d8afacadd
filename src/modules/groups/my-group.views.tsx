import type { Translate } from '../../platform/i18n/i18n.ts';
import { CsrfField, ErrorSummary, type FormState, TextField } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import { Scale } from '../internships/feedback.views.tsx';
import type { GroupsService } from './groups.service.ts';
import { MeetsLine } from './schedule.views.tsx';
import type { SpacePost } from './space.service.ts';
import { PostForm, PostList, replyField } from './space.views.tsx';
import type { MyPerson } from '../youth/my-people.service.ts';
import { MyPeople } from '../youth/my-people.views.tsx';

type Key = Parameters<Translate>[0];
type Mine = Awaited<ReturnType<GroupsService['mine']>>;

/** The young person's group on a phone: who is in it, and a 0–10 check-in after each session they came to. */
export function MyGroupView(props: {
  page: PageContext;
  data: Mine;
  posts: SpacePost[];
  form: FormState;
  postForm: FormState;
  people: MyPerson[];
  replyForm?: FormState;
}) {
  const { page, data, form } = props;
  const { t } = page;
  if (!data)
    return (
      <>
        <h1>{t('my_group.title')}</h1>
        <p>{t('my_group.none')}</p>
        <MyPeople page={page} people={props.people} />
        <MyLinks t={t} />
      </>
    );
  const open = data.sessions.find(
    (x) => x.attendance === 'present' && x.score === null && Date.parse(data.today) - Date.parse(x.s.heldOn) <= 7 * 86_400_000,
  );
  return (
    <>
      <h1>{data.group.name}</h1>
      <p class="font-lead">{t('my_group.members', { names: data.firstNames.join(', ') })}</p>
      <MeetsLine t={t} group={data.group} calendarHref="/me/group/calendar.ics" />
      {open && (
        <form method="post" action={`/me/group/sessions/${open.s.id}/checkin`} class="app-narrow-form" novalidate>
          <h2 id="checkin" tabindex={-1}>
            {t('my_group.checkin_heading', { date: open.s.heldOn })}
          </h2>
          <ErrorSummary t={t} form={form} labels={{ score: t('my_group.score') }} />
          <CsrfField token={page.csrfToken} />
          <Scale t={t} form={form} name="score" label={t('my_group.score')} />
          <TextField t={t} form={form} name="comment" label={t('my_group.comment')} />
          <button class="button button-primary" type="submit">
            {t('my_group.send')}
          </button>
        </form>
      )}
      <MyPeople page={page} people={props.people} />
      <h2>{t('groups.sessions')}</h2>
      {data.sessions.length ? (
        <ul>
          {data.sessions.map(({ s, attendance, score }) => (
            <li>
              {s.heldOn}: {t(`groups.theme.${s.theme}` as Key)}
              {attendance ? ` · ${t(`groups.attendance.${attendance}` as Key)}` : ''}
              {score !== null ? ` · ${t('my_group.your_score', { score })}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('groups.no_sessions')}</p>
      )}
      <section aria-labelledby="space-heading">
        <h2 id="space-heading">{t('space.title')}</h2>
        <p>{t('space.lead')}</p>
        <PostForm page={page} form={props.postForm} />
        {props.replyForm && (
          <ErrorSummary
            t={t}
            form={props.replyForm}
            labels={Object.fromEntries(
              props.posts.map((p) => [replyField(p.id), t('space.reply_label', { author: p.mine ? t('space.you') : p.author })]),
            )}
          />
        )}
        <PostList page={page} posts={props.posts} form={props.replyForm} actions={{ reply: (id) => `/me/group/posts/${id}/replies` }} />
      </section>
      <MyLinks t={t} />
    </>
  );
}

/** The young person's other pages about their own progress. */
function MyLinks({ t }: { t: PageContext['t'] }) {
  return (
    <ul class="nobullet-list">
      <li>
        <a href="/me/movement">{t('my_movement.title')}</a>
      </li>
      <li>
        <a href="/me/reports">{t('my_reports.title')}</a>
      </li>
      <li>
        <a href="/me/notes">{t('my_notes.title')}</a>
      </li>
    </ul>
  );
}
