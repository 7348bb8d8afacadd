import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf } from '../../platform/http/request.ts';
import { pageWithId } from '../../platform/http/schemas.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { DataExport } from './data-rights.service.ts';
import { EraseConfirm, ExportDocument, MyDataView } from './data-rights.views.tsx';
import { submitForm } from '../../platform/http/forms.ts';
import { emptyForm, type FormState } from '../../platform/views/components.tsx';

/** The export as a download: pretty-printed JSON, named by the day it was made. */
function sendJson(reply: FastifyReply, exported: DataExport) {
  const day = exported.exportedAt.slice(0, 10);
  return reply
    .type('application/json; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="nextwork-data-${day}.json"`)
    .send(JSON.stringify(exported, null, 2));
}

/** The young person's data: their rights and downloads (/me/data), and the team's export for a letter. */
export async function dataRightsRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  const { dataRights } = services;

  app.get('/me/data', async (request, reply) => {
    // The page only links to the exports (which check access); it is for young people, signed in.
    if (!request.actor) throw new AppError('unauthenticated', 'errors.unauthenticated');
    if (!request.actor.memberships.some((m) => m.role === 'youth')) throw notFound();
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, page.t('data.title'), <MyDataView page={page} />);
  });

  app.get('/me/data/export.json', async (request, reply) => sendJson(reply, await dataRights.exportMine(ctxOf(request))));

  const documentPage = (request: FastifyRequest, reply: FastifyReply, exported: DataExport, backHref: string) => {
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, page.t('data.doc.title'), <ExportDocument page={page} exported={exported} backHref={backHref} />);
  };

  app.get('/me/data/document', async (request, reply) =>
    documentPage(request, reply, await dataRights.exportMine(ctxOf(request)), '/me/data'),
  );

  app.get('/youth/:id/data/export.json', pageWithId, async (request, reply) =>
    sendJson(reply, await dataRights.exportFor(ctxOf(request), request.params.id)),
  );

  app.get('/youth/:id/data/document', pageWithId, async (request, reply) =>
    documentPage(request, reply, await dataRights.exportFor(ctxOf(request), request.params.id), `/youth/${request.params.id}`),
  );

  const erasePage = async (request: FastifyRequest, reply: FastifyReply, id: string, form: FormState, status = 200) => {
    const y = await dataRights.erasable(ctxOf(request), id);
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, page.t('data.erase.title'), <EraseConfirm page={page} y={y} form={form} />, status);
  };

  app.get('/youth/:id/erase', pageWithId, (request, reply) => erasePage(request, reply, request.params.id, emptyForm));

  app.post('/youth/:id/erase', pageWithId, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => dataRights.erase(ctxOf(request), request.params.id, values),
      done: { flash: 'data.erase.done', to: `/youth/${request.params.id}` },
      again: (form, status) => erasePage(request, reply, request.params.id, form, status),
    }),
  );
}
