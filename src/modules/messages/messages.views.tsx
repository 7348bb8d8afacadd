import { addDays, localDate, TIME_ZONE } from '../../platform/dates.ts';
import type { Locale, Translate } from '../../platform/i18n/i18n.ts';
import { CsrfField, ErrorSummary, type FormState, TextArea } from '../../platform/views/components.tsx';
import type { PageContext } from '../../platform/views/page.ts';
import type { ConversationListItem, ConversationView, ThreadMessage } from './messages.repository.ts';
import { MESSAGE_MAX_LENGTH, type MessageSide } from './messages.values.ts';

type Key = Parameters<Translate>[0];

const formats = new Map<string, Intl.DateTimeFormat>();
const format = (locale: Locale, name: string, options: Intl.DateTimeFormatOptions) => {
  const id = `${locale}:${name}`;
  let f = formats.get(id);
  if (!f) formats.set(id, (f = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { timeZone: TIME_ZONE, ...options })));
  return f;
};

/** When a message was written, as people say it: "i dag kl. 9.30", "i går kl. 14.05", "fredag 11. december kl. 9.30". */
export function when(t: Translate, locale: Locale, at: Date, today: string): string {
  const time = format(locale, 'time', { hour: 'numeric', minute: '2-digit' }).format(at);
  const day = localDate(at);
  if (day === today) return t('messages.when.today', { time });
  if (day === addDays(today, -1)) return t('messages.when.yesterday', { time });
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  const date = format(locale, sameYear ? 'day' : 'day-year', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(at);
  return t('messages.when.date', { date, time });
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
/** "1 ny besked", "3 nye beskeder". */
function unreadLabel(t: Translate, locale: Locale, n: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return t(rules.select(n) === 'one' ? 'messages.unread.one' : 'messages.unread.other', { n });
}

type Named = Pick<ConversationView, 'kind' | 'youthFirstName' | 'youthLastName' | 'companyName'>;
const youthName = (c: Named, side: MessageSide) => (side === 'company' ? c.youthFirstName : `${c.youthFirstName} ${c.youthLastName}`);
/** The conversation as the viewer calls it: "Dig og teamet", "Amina Hansen og teamet", "Din praktik hos …". */
export function conversationTitle(t: Translate, c: Named, side: MessageSide): string {
  const own = side === 'youth' ? '.youth' : '';
  return t(`messages.title.${c.kind}${own}` as Key, { youth: youthName(c, side), company: c.companyName ?? '' });
}
/** Who can read along, in one sentence. */
function whoReads(t: Translate, c: Named, side: MessageSide): string {
  const own = side === 'youth' ? '.youth' : '';
  return t(`messages.who.${c.kind}${own}` as Key, { youth: youthName(c, side), company: c.companyName ?? '' });
}

/** The signed-in person's conversations, newest first, the unread ones marked. */
export function MessagesListView({
  page,
  rows,
  today,
  sideOf,
  isYouth,
}: {
  page: PageContext;
  rows: ConversationListItem[];
  today: string;
  sideOf: (c: ConversationListItem) => MessageSide;
  isYouth: boolean;
}) {
  const { t, locale } = page;
  return (
    <>
      <h1>{t('messages.title')}</h1>
      {isYouth && (
        <>
          <p>{t('messages.intro_youth')}</p>
          <p>
            <a class="button button-secondary" href="/me/messages">
              {t('messages.write_team')}
            </a>
          </p>
        </>
      )}
      {rows.length ? (
        <ul class="nobullet-list app-conversations">
          {rows.map((c) => (
            <li class={`app-card${c.unread ? ' app-unread' : ''}`}>
              <h2 class="h4">
                <a href={`/messages/${c.id}`}>{conversationTitle(t, c, sideOf(c))}</a>
              </h2>
              <p>
                {t('messages.last', { when: when(t, locale, c.lastMessageAt, today) })}
                {c.unread > 0 && (
                  <>
                    {' · '}
                    <strong>{unreadLabel(t, locale, c.unread)}</strong>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{isYouth ? t('messages.none_youth') : t('messages.none')}</p>
      )}
    </>
  );
}

/** One conversation: the messages oldest first, what is new marked, and the reply form at the bottom. */
export function ThreadView({
  page,
  conversation,
  side,
  messages,
  readUpTo,
  action,
  form,
  today,
}: {
  page: PageContext;
  conversation: Named;
  side: MessageSide;
  messages: ThreadMessage[];
  readUpTo: number;
  /** Where the reply goes: the conversation, or the subject whose first message starts it. */
  action: string;
  form: FormState;
  today: string;
}) {
  const { t, locale } = page;
  const me = page.actor?.userId;
  const company = conversation.companyName ?? '';
  const author = (m: ThreadMessage) => {
    if (m.authorUserId === me) return t('messages.you');
    if (m.side === 'youth') return youthName(conversation, side);
    return `${m.authorName ?? ''} (${m.side === 'company' ? company : t('messages.team')})`;
  };
  return (
    <>
      <p>
        <a href="/messages">{t('messages.all')}</a>
      </p>
      <h1>{conversationTitle(t, conversation, side)}</h1>
      <p>{whoReads(t, conversation, side)}</p>
      {messages.length > 0 ? (
        <>
          <p>
            <a href="#body">{t('messages.skip_to_reply')}</a>
          </p>
          <ol class="nobullet-list app-thread" aria-label={t('messages.thread_label')}>
            {messages.map((m, i) => (
              <li
                class={`app-message${m.authorUserId === me ? ' app-message-mine' : ''}`}
                id={i === messages.length - 1 ? 'latest' : undefined}
              >
                <p class="app-message-meta">
                  <strong>{author(m)}</strong> · <time datetime={m.createdAt.toISOString()}>{when(t, locale, m.createdAt, today)}</time>
                  {m.seq > readUpTo && m.authorUserId !== me && (
                    <>
                      {' '}
                      <span class="badge badge-small">{t('messages.new')}</span>
                    </>
                  )}
                </p>
                <p class="app-message-body">{m.body}</p>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p>{t('messages.thread_empty')}</p>
      )}
      <form method="post" action={action} novalidate class="app-narrow-form" id="reply">
        <ErrorSummary t={t} form={form} labels={{ body: t('messages.body') }} />
        <CsrfField token={page.csrfToken} />
        <TextArea
          t={t}
          form={form}
          name="body"
          label={t('messages.body')}
          hint={t('messages.body_hint')}
          rows={4}
          maxLength={MESSAGE_MAX_LENGTH}
          required
        />
        <button class="button button-primary" type="submit">
          {t('messages.send')}
        </button>
      </form>
    </>
  );
}
