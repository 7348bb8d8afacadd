import { z } from 'zod';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { errors } from '../../platform/http/api-errors.ts';
import { ctxOf } from '../../platform/http/request.ts';
import { idParams } from '../../platform/http/schemas.ts';
import type { ConversationView, Message, ThreadMessage } from './messages.repository.ts';
import { messageInput, viewerSide } from './messages.service.ts';
import { conversationKinds, messageSides } from './messages.values.ts';

const side = z.enum(messageSides);
const conversation = z
  .object({
    id: z.uuid(),
    kind: z.enum(conversationKinds),
    subjectId: z.uuid().meta({ description: 'The young person (team) or the internship (internship) the conversation is about' }),
    municipalityId: z.uuid(),
    youthId: z.uuid(),
    youthFirstName: z.string(),
    companyId: z.uuid().nullable(),
    companyName: z.string().nullable(),
    lastMessageAt: z.iso.datetime(),
  })
  .meta({ id: 'Conversation' });
const listed = conversation
  .extend({ unread: z.number().int().meta({ description: 'Messages by others the caller has not read' }) })
  .meta({ id: 'ConversationListItem' });
const message = z
  .object({
    id: z.uuid(),
    conversationId: z.uuid(),
    authorUserId: z.uuid().nullable(),
    authorName: z.string().nullable(),
    side,
    body: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Message' });
const startBody = messageInput.extend({
  kind: z.enum(conversationKinds, { error: 'validation.invalid' }),
  subjectId: z.uuid({ error: 'validation.invalid' }),
});

const toConversation = (c: ConversationView): z.infer<typeof conversation> => ({
  id: c.id,
  kind: c.kind,
  subjectId: c.subjectId,
  municipalityId: c.municipalityId,
  youthId: c.youthId,
  youthFirstName: c.youthFirstName,
  companyId: c.companyId,
  companyName: c.companyName,
  lastMessageAt: c.lastMessageAt.toISOString(),
});
const toMessage = (m: Message | ThreadMessage, authorName: string | null = 'authorName' in m ? m.authorName : null) => ({
  id: m.id,
  conversationId: m.conversationId,
  authorUserId: m.authorUserId,
  authorName,
  side: m.side,
  body: m.body,
  createdAt: m.createdAt.toISOString(),
});

/** Messages, as on the pages: the caller's conversations, one thread (read and audited as on the page), and replies. */
export async function messagesApi(app: App, { services }: RouteDeps): Promise<void> {
  const tags = ['messages'];
  const { messages } = services;

  app.get(
    '/api/v1/conversations',
    {
      schema: {
        tags,
        summary: "The caller's conversations, newest first, with unread counts",
        response: { 200: z.object({ unread: z.number().int(), items: z.array(listed) }), ...errors },
      },
    },
    async (request) => {
      const rows = await messages.mine(ctxOf(request));
      return {
        unread: rows.reduce((sum, c) => sum + c.unread, 0),
        items: rows.map((c) => ({ ...toConversation(c), unread: c.unread })),
      };
    },
  );

  app.get(
    '/api/v1/conversations/:id',
    {
      schema: {
        tags,
        summary: 'One conversation and its messages, oldest first; marks them read for the caller (audited for staff)',
        params: idParams,
        response: { 200: z.object({ conversation, messages: z.array(message) }), ...errors },
      },
    },
    async (request) => {
      const data = await messages.thread(ctxOf(request), request.params.id);
      // A company sees the young person's first name only, as on the page.
      const company = viewerSide(request.actor!, data.conversation) === 'company';
      return {
        conversation: toConversation(data.conversation),
        messages: data.messages.map((m) => toMessage(m, company && m.side === 'youth' ? data.conversation.youthFirstName : m.authorName)),
      };
    },
  );

  app.post(
    '/api/v1/conversations/:id/messages',
    {
      schema: {
        tags,
        summary: 'Reply in a conversation (plain text, at most 2,000 characters); the other participants are notified',
        params: idParams,
        body: messageInput,
        response: { 201: message, ...errors },
      },
    },
    async (request, reply) => {
      const created = await messages.post(ctxOf(request), request.params.id, request.body);
      return reply.status(201).send(toMessage(created, request.actor?.name ?? null));
    },
  );

  app.post(
    '/api/v1/conversations',
    {
      schema: {
        tags,
        summary: "Write about a subject (a young person's team conversation, an internship): starts its conversation on the first message",
        body: startBody,
        response: { 201: message, ...errors },
      },
    },
    async (request, reply) => {
      const { kind, subjectId, body } = request.body;
      const created = await messages.postAbout(ctxOf(request), { kind, subjectId }, { body });
      return reply.status(201).send(toMessage(created, request.actor?.name ?? null));
    },
  );
}
