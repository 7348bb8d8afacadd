import { z } from 'zod';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { errors } from '../../platform/http/api-errors.ts';
import { ctxOf } from '../../platform/http/request.ts';
import { idParams } from '../../platform/http/schemas.ts';
import type { LibraryEntryView } from './library.repository.ts';
import { libraryInput } from './library.service.ts';
import { libraryKinds } from './library.values.ts';

const entry = z
  .object({
    id: z.uuid(),
    kind: z.enum(libraryKinds),
    title: z.string(),
    body: z.string().meta({ description: 'Plain text: paragraphs separated by a blank line, lines starting with “- ” a list' }),
    tags: z.array(z.string()),
    municipalityId: z.uuid().nullable().meta({ description: "The author's municipality; null for the programme" }),
    municipalityName: z.string().nullable(),
    authorName: z.string().nullable(),
    pdf: z
      .object({ name: z.string(), bytes: z.number().int(), url: z.string() })
      .nullable()
      .meta({ description: 'The attached PDF, downloaded from url' }),
    pinned: z.boolean(),
    archived: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'LibraryEntry' });

const toEntry = (e: LibraryEntryView): z.infer<typeof entry> => ({
  id: e.id,
  kind: e.kind,
  title: e.title,
  body: e.body,
  tags: e.tags,
  municipalityId: e.municipalityId,
  municipalityName: e.municipalityName,
  authorName: e.authorName,
  pdf: e.pdfName && e.pdfBytes !== null ? { name: e.pdfName, bytes: e.pdfBytes, url: `/library/${e.id}/pdf` } : null,
  pinned: e.pinnedAt !== null,
  archived: e.archivedAt !== null,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

/** The shared learning library, as on its pages: for every municipality's team and the programme lead. */
export async function libraryApi(app: App, { services }: RouteDeps): Promise<void> {
  const tags = ['library'];
  const { library } = services;

  app.get(
    '/api/v1/library',
    {
      schema: {
        tags,
        summary: 'Library entries, pinned first, then the most recently changed; q: words that must all occur; tag: one tag',
        querystring: z.object({ q: z.string().max(200).optional(), tag: z.string().max(40).optional() }),
        response: {
          200: z.object({ items: z.array(entry), tags: z.array(z.object({ tag: z.string(), entries: z.number().int() })) }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { entries, tags: used } = await library.search(ctxOf(request), request.query);
      return { items: entries.map(toEntry), tags: used };
    },
  );

  app.get(
    '/api/v1/library/:id',
    { schema: { tags, summary: 'One library entry', params: idParams, response: { 200: entry, ...errors } } },
    async (request) => toEntry((await library.get(ctxOf(request), request.params.id)).entry),
  );

  app.post(
    '/api/v1/library',
    {
      schema: {
        tags,
        summary: 'Publish an entry (no PDF through the API; attach one on the page). No personal data: a CPR number is refused',
        body: libraryInput,
        response: { 201: entry, ...errors },
      },
    },
    async (request, reply) => {
      const created = await library.publish(ctxOf(request), request.body);
      return reply.status(201).send(toEntry((await library.get(ctxOf(request), created.id)).entry));
    },
  );
}
