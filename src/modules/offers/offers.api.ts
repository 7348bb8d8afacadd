import { z } from 'zod';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { errors } from '../../platform/http/api-errors.ts';
import { ctxOf } from '../../platform/http/request.ts';
import { idParams, noContent } from '../../platform/http/schemas.ts';
import { answerOfferInput, makeOfferInput } from './offers.inputs.ts';
import type { Offer, OfferView } from './offers.repository.ts';
import { offerSources, offerStatuses } from './offers.values.ts';

const offer = z
  .object({
    id: z.uuid(),
    municipalityId: z.uuid(),
    companyId: z.uuid(),
    openingId: z.uuid(),
    youthId: z.uuid(),
    status: z.enum(offerStatuses),
    source: z.enum(offerSources),
    message: z.string(),
    answerBy: z.iso.date().meta({ description: 'The last day to answer; the seat is free again the day after' }),
    madeAt: z.iso.datetime(),
    answeredAt: z.iso.datetime().nullable(),
    internshipId: z.uuid().nullable().meta({ description: 'The internship planned when the young person accepted' }),
  })
  .meta({ id: 'Offer' });
const listed = offer
  .extend({
    companyName: z.string(),
    openingTitle: z.string(),
    openingPlace: z.string(),
    youthFirstName: z.string(),
  })
  .meta({ id: 'OfferListItem' });

const toOffer = (o: Offer): z.infer<typeof offer> => ({
  id: o.id,
  municipalityId: o.municipalityId,
  companyId: o.companyId,
  openingId: o.openingId,
  youthId: o.youthId,
  status: o.status,
  source: o.source,
  message: o.message,
  answerBy: o.answerBy,
  madeAt: o.madeAt.toISOString(),
  answeredAt: o.answeredAt?.toISOString() ?? null,
  internshipId: o.internshipId,
});
const toListed = (o: OfferView): z.infer<typeof listed> => ({
  ...toOffer(o),
  companyName: o.companyName,
  openingTitle: o.openingTitle,
  openingPlace: o.openingPlace,
  youthFirstName: o.youthFirstName,
});

/** Direct offers, as on the pages: the young person's answers, a company's offers and withdrawals. */
export async function offersApi(app: App, { services }: RouteDeps): Promise<void> {
  const tags = ['offers'];
  const { offers } = services;

  app.get(
    '/api/v1/me/offers',
    {
      schema: {
        tags,
        summary: "The young person's offers: open ones first (soonest answer-by date), then earlier ones",
        response: { 200: z.object({ items: z.array(listed) }), ...errors },
      },
    },
    async (request) => ({ items: (await offers.mine(ctxOf(request))).offers.map(toListed) }),
  );

  app.post(
    '/api/v1/me/offers/:id/answer',
    {
      schema: {
        tags,
        summary: 'Accept (plans the internship; the two-week start clock runs) or decline (the seat is free) an offer',
        params: idParams,
        body: answerOfferInput,
        response: { 200: z.object({ internshipId: z.uuid().nullable() }), ...errors },
      },
    },
    async (request) => offers.answer(ctxOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/companies/:id/offers',
    {
      schema: {
        tags,
        summary: "A company's offers, open first (its contacts, or the team); audited per young person",
        params: idParams,
        response: { 200: z.object({ items: z.array(listed) }), ...errors },
      },
    },
    async (request) => ({ items: (await offers.forCompany(ctxOf(request), request.params.id)).map(toListed) }),
  );

  app.post(
    '/api/v1/companies/:id/offers',
    {
      schema: {
        tags,
        summary: 'Offer a young person an internship in one of the company’s published openings with a free seat',
        params: idParams,
        body: makeOfferInput,
        response: { 201: offer, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(toOffer(await offers.make(ctxOf(request), request.params.id, request.body))),
  );

  app.post(
    '/api/v1/offers/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Take an open offer back (the company or the team); the seat is free again',
        params: idParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      await offers.withdraw(ctxOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
