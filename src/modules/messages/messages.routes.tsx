import type { FastifyReply, FastifyRequest } from 'fastify';
import { localDate } from '../../platform/dates.ts';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf } from '../../platform/http/request.ts';
import { pageWithId } from '../../platform/http/schemas.ts';
import { emptyForm, type FormState } from '../../platform/views/components.tsx';
import { type ConversationRef, viewerSide } from './messages.service.ts';
import { conversationTitle, MessagesListView, ThreadView } from './messages.views.tsx';

/**
 * The pages of messages: my conversations, one thread with its reply form, and the places a
 * conversation starts from before it has a message (the young person's own link to the team, the
 * team's link on a young person's record, the internship page's link).
 */
export async function messagesRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  const { messages } = services;
  const today = () => localDate(services.clock.now());

  app.get('/messages', async (request, reply) => {
    const rows = await messages.mine(ctxOf(request));
    const actor = request.actor!;
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('messages.title'),
      <MessagesListView
        page={page}
        rows={rows}
        today={today()}
        sideOf={(c) => viewerSide(actor, c)}
        isYouth={actor.memberships.some((m) => m.role === 'youth')}
      />,
    );
  });

  const threadPage = async (request: FastifyRequest, reply: FastifyReply, id: string, form: FormState, status = 200) => {
    const data = await messages.thread(ctxOf(request), id);
    const side = viewerSide(request.actor!, data.conversation);
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      conversationTitle(page.t, data.conversation, side),
      <ThreadView
        page={page}
        conversation={data.conversation}
        side={side}
        messages={data.messages}
        readUpTo={data.readUpTo}
        action={`/messages/${id}`}
        form={form}
        today={today()}
      />,
      status,
    );
  };

  app.get('/messages/:id', pageWithId, (request, reply) => threadPage(request, reply, request.params.id, emptyForm));
  app.post('/messages/:id', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => messages.post(ctxOf(request), request.params.id, values),
      done: { flash: 'messages.sent', to: `/messages/${request.params.id}#latest` },
      again: (form, status) => threadPage(request, reply, request.params.id, form, status),
    }),
  );

  /** A subject's conversation: once it has a message, its own page; before, an empty thread whose form starts it. */
  const subjectPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    ref: ConversationRef,
    action: string,
    form: FormState,
    status = 200,
  ) => {
    const { subject, conversationId } = await messages.about(ctxOf(request), ref);
    if (conversationId) {
      if (status === 200) return reply.redirect(`/messages/${conversationId}`, 303);
      return threadPage(request, reply, conversationId, form, status);
    }
    const side = viewerSide(request.actor!, subject);
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      conversationTitle(page.t, subject, side),
      <ThreadView page={page} conversation={subject} side={side} messages={[]} readUpTo={0} action={action} form={form} today={today()} />,
      status,
    );
  };

  const startFrom = (path: (id: string) => string, ref: (request: FastifyRequest, id: string) => Promise<ConversationRef>) => {
    const route = path(':id');
    const options = route.includes(':id') ? pageWithId : {};
    app.get(route, options, async (request, reply) => {
      const id = (request.params as { id?: string }).id ?? '';
      return subjectPage(request, reply, await ref(request, id), path(id), emptyForm);
    });
    app.post(route, options, async (request, reply) => {
      const id = (request.params as { id?: string }).id ?? '';
      const r = await ref(request, id);
      return submitForm(request, reply, settings, {
        run: (values) => messages.postAbout(ctxOf(request), r, values),
        done: (m) => ({ flash: 'messages.sent', to: `/messages/${m.conversationId}#latest` }),
        again: (form, status) => subjectPage(request, reply, r, path(id), form, status),
      });
    });
  };
  // The young person writes to their team; the team writes to a young person from their record.
  startFrom(
    () => '/me/messages',
    (request) => messages.ownTeam(ctxOf(request)),
  );
  startFrom(
    (id) => `/youth/${id}/messages`,
    async (_request, id) => ({ kind: 'team', subjectId: id }),
  );
  startFrom(
    (id) => `/internships/${id}/messages`,
    async (_request, id) => ({ kind: 'internship', subjectId: id }),
  );
  // About a direct offer: the young person and the company before they say yes.
  startFrom(
    (id) => `/offers/${id}/messages`,
    async (_request, id) => ({ kind: 'offer', subjectId: id }),
  );
}
