import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { can } from '../../platform/access/policy.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf, setFlash } from '../../platform/http/request.ts';
import { pageWithId } from '../../platform/http/schemas.ts';
import { multipartValues, uploadedFile } from '../../platform/http/upload.ts';
import { emptyForm, type FormState } from '../../platform/views/components.tsx';
import { LIBRARY_PDF_MAX_BYTES } from './library.values.ts';
import { LibraryEntryPage, LibraryFormView, LibraryListView } from './library.views.tsx';

/** A form with a PDF of up to 10 MB: the file is cut one byte past the limit, so the service can say it is too large. */
const withPdf = {
  bodyLimit: LIBRARY_PDF_MAX_BYTES + 1_048_576,
  config: { multipartOptions: { limits: { fileSize: LIBRARY_PDF_MAX_BYTES + 1, files: 1, fields: 20 }, throwFileSizeLimit: false } },
};

/** The shared learning library (NExTWORK United): list and search, an entry, publish and change, pin and archive. */
export async function libraryRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  const { library } = services;
  const programme = [{ municipalityId: null }];

  app.get('/library', async (request, reply) => {
    const query = request.query as { q?: unknown; tag?: unknown; archived?: unknown };
    const q = typeof query.q === 'string' ? query.q.slice(0, 200) : '';
    const tag = typeof query.tag === 'string' ? query.tag.slice(0, 40) : '';
    const archived = query.archived === '1';
    const { entries, tags } = await library.search(ctxOf(request), { q, tag, archived });
    const page = pageContext(request, reply, settings);
    const actor = request.actor!;
    return sendPage(
      reply,
      page,
      archived ? page.t('library.archive_title') : page.t('library.title'),
      <LibraryListView
        page={page}
        entries={entries}
        tags={tags}
        q={q}
        tag={tag}
        archived={archived}
        canPublish={can(actor, 'library.publish', programme)}
        canCurate={can(actor, 'library.curate', programme)}
      />,
    );
  });

  const newForm = (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, page.t('library.new_title'), <LibraryFormView page={page} form={form} />, status);
  };
  app.get('/library/new', async (request, reply) => {
    await library.mayPublish(ctxOf(request));
    return newForm(request, reply, { values: { kind: 'method' }, errors: {} });
  });
  app.post('/library', withPdf, async (request, reply) => {
    const values = multipartValues(request.body);
    const pdf = await uploadedFile(request, 'pdf');
    return submitForm(request, reply, settings, {
      values,
      run: (v) => library.publish(ctxOf(request), v, pdf),
      done: (entry) => ({ flash: 'library.published', to: `/library/${entry.id}` }),
      again: (form, status) => newForm(request, reply, form, status),
    });
  });

  app.get('/library/:id', pageWithId, async (request, reply) => {
    const { entry, rights } = await library.get(ctxOf(request), request.params.id);
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, entry.title, <LibraryEntryPage page={page} entry={entry} rights={rights} />);
  });

  app.get('/library/:id/pdf', pageWithId, async (request, reply) => {
    const file = await library.pdf(ctxOf(request), request.params.id);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('cache-control', 'private, no-store')
      .send(file.pdf);
  });

  const editForm = async (request: FastifyRequest, reply: FastifyReply, id: string, form?: FormState, status = 200) => {
    const { entry, rights } = await library.get(ctxOf(request), id);
    if (!rights.edit) return reply.callNotFound();
    const page = pageContext(request, reply, settings);
    const values = form?.values ?? { kind: entry.kind, title: entry.title, body: entry.body, tags: entry.tags.join(', ') };
    return sendPage(
      reply,
      page,
      page.t('library.edit_title'),
      <LibraryFormView page={page} entry={entry} form={{ ...(form ?? emptyForm), values }} />,
      status,
    );
  };
  app.get('/library/:id/edit', pageWithId, (request, reply) => editForm(request, reply, request.params.id));
  app.post('/library/:id/edit', { ...pageWithId, ...withPdf }, async (request, reply) => {
    const values = multipartValues(request.body);
    const pdf = await uploadedFile(request, 'pdf');
    return submitForm(request, reply, settings, {
      values,
      run: (v) => library.update(ctxOf(request), request.params.id, v, { pdf, removePdf: v.removePdf === 'on' }),
      done: { flash: 'library.saved', to: `/library/${request.params.id}` },
      again: (form, status) => editForm(request, reply, request.params.id, form, status),
    });
  });

  app.post('/library/:id/pin', pageWithId, async (request, reply) => {
    const pinned = (request.body as { value?: string } | undefined)?.value === 'true';
    await library.pin(ctxOf(request), request.params.id, pinned);
    setFlash(reply, settings, { kind: 'success', key: pinned ? 'library.pinned_done' : 'library.unpinned_done' });
    return reply.redirect(`/library/${request.params.id}`, 303);
  });
  app.post('/library/:id/archive', pageWithId, async (request, reply) => {
    const archived = (request.body as { value?: string } | undefined)?.value === 'true';
    await library.archive(ctxOf(request), request.params.id, archived);
    setFlash(reply, settings, { kind: 'success', key: archived ? 'library.archived_done' : 'library.restored_done' });
    return reply.redirect(archived ? '/library' : `/library/${request.params.id}`, 303);
  });
}
