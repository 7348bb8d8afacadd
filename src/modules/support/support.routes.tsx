import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { can } from '../../platform/access/policy.ts';
import { localDate } from '../../platform/dates.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf, setFlash } from '../../platform/http/request.ts';
import { emptyForm, type FormState } from '../../platform/views/components.tsx';
import { staffNoteKinds } from './support.values.ts';
import { MyNotesView, NotePage, NotesPage } from './support.views.tsx';
import { pageWithId } from '../../platform/http/schemas.ts';

/** 1:1 notes about a young person: the team's conversations and psychologists' confidential notes. */
export async function supportRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  const { supportNotes } = services;

  const notesPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const { id } = request.params as { id: string };
    const data = await supportNotes.list(ctxOf(request), id);
    const actor = request.actor!;
    const target = [{ municipalityId: data.youth.municipalityId }];
    const openRequest = can(actor, 'note.psychologist', target)
      ? (await supportNotes.readRequests(ctxOf(request), id)).find((r) => !r.answer)
      : undefined;
    const writable = staffNoteKinds.filter((k) => can(actor, k === 'psychologist' ? 'note.psychologist' : 'note.write', target));
    const page = pageContext(request, reply, settings);
    const name = `${data.youth.firstName} ${data.youth.lastName}`;
    const shown = { ...form, values: { today: localDate(services.clock.now()), ...form.values } };
    return sendPage(
      reply,
      page,
      page.t('notes.title', { name }),
      <NotesPage
        page={page}
        youthId={id}
        name={name}
        kinds={data.kinds}
        writable={writable}
        notes={data.notes}
        openRequest={openRequest}
        form={shown}
      />,
      status,
    );
  };
  app.get('/youth/:id/notes', (request, reply) => notesPage(request, reply, emptyForm));
  app.post('/youth/:id/notes', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => supportNotes.add(ctxOf(request), request.params.id, values),
      done: { flash: 'notes.saved', to: `/youth/${request.params.id}/notes` },
      again: (form, status) => notesPage(request, reply, form, status),
    }),
  );
  app.get('/notes/:id', pageWithId, async (request, reply) => {
    const note = await supportNotes.get(ctxOf(request), request.params.id);
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, page.t(`notes.kind.${note.kind}`), <NotePage page={page} note={note} />);
  });

  app.post('/youth/:id/notes/read-request', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => supportNotes.answerReadRequest(ctxOf(request), request.params.id, values),
      done: { flash: 'notes.answered', to: `/youth/${request.params.id}/notes` },
      again: (form, status) => notesPage(request, reply, form, status),
    }),
  );

  // The young person's own view.
  const myNotes = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const data = await supportNotes.mine(ctxOf(request));
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, page.t('my_notes.title'), <MyNotesView page={page} {...data} form={form} />, status);
  };
  app.get('/me/notes', (request, reply) => myNotes(request, reply, emptyForm));
  app.post('/me/notes', (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => supportNotes.writeOwn(ctxOf(request), values),
      done: { flash: 'my_notes.sent', to: '/me/notes' },
      again: (form, status) => myNotes(request, reply, form, status),
    }),
  );
  app.post('/me/notes/ask', async (request, reply) => {
    await supportNotes.askToRead(ctxOf(request));
    setFlash(reply, settings, { kind: 'success', key: 'my_notes.asked' });
    return reply.redirect('/me/notes', 303);
  });
}
