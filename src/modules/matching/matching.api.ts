import { z } from 'zod';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { errors } from '../../platform/http/api-errors.ts';
import { ctxOf } from '../../platform/http/request.ts';
import {
  addWishInput,
  answerInput,
  directInvitationInput,
  rankWishesInput,
  respondInput,
  runRoundInput,
  wishReasonInput,
} from './matching.inputs.ts';
import type { WishExplanation } from './explain.ts';
import type { PlacementView, Round } from './matching.repository.ts';
import { answerValues, placementStatuses, roundStatuses } from './matching.schema.ts';
import { idParams, municipalityParams, noContent, openingParams } from '../../platform/http/schemas.ts';

const outcomes = ['no_seats', 'not_answered', 'not_now', 'filled_before', 'lottery', 'placed'] as const;
const wish = z
  .object({
    openingId: z.uuid(),
    openingTitle: z.string(),
    companyName: z.string(),
    rank: z.number().int(),
    reason: z.string(),
    published: z.boolean(),
  })
  .meta({ id: 'Wish' });
const explanation = z.array(z.object({ openingId: z.uuid(), rank: z.number().int(), outcome: z.enum(outcomes) }));
const placement = z
  .object({
    roundId: z.uuid(),
    youthId: z.uuid(),
    openingId: z.uuid().nullable(),
    openingTitle: z.string().nullable(),
    companyName: z.string().nullable(),
    wishRank: z.number().int().nullable(),
    status: z.enum(placementStatuses),
    internshipId: z.uuid().nullable(),
    explanation,
  })
  .meta({ id: 'Placement', description: 'Explanations name openings only, never other young people.' });
const toPlacement = (p: PlacementView, e: WishExplanation[]): z.infer<typeof placement> => ({
  roundId: p.roundId,
  youthId: p.youthId,
  openingId: p.openingId,
  openingTitle: p.openingTitle,
  companyName: p.companyName,
  wishRank: p.wishRank,
  status: p.status,
  internshipId: p.internshipId,
  explanation: e,
});
const stats = z.object({
  youth: z.number().int(),
  openings: z.number().int(),
  seats: z.number().int(),
  matched: z.number().int(),
  unmatched: z.number().int(),
  firstChoice: z.number().int(),
  rankDistribution: z.array(z.number().int()),
  seatsFilled: z.number().int(),
  seatsFree: z.number().int(),
  proposals: z.number().int(),
});
const round = z
  .object({
    id: z.uuid(),
    municipalityId: z.uuid(),
    status: z.enum(roundStatuses),
    seed: z.number().int(),
    runAt: z.iso.datetime(),
    publishedAt: z.iso.datetime().nullable(),
    stats,
  })
  .meta({ id: 'MatchingRound' });
const toRound = (r: Round): z.infer<typeof round> => ({
  id: r.id,
  municipalityId: r.municipalityId,
  status: r.status,
  seed: r.seed,
  runAt: r.runAt.toISOString(),
  publishedAt: r.publishedAt?.toISOString() ?? null,
  stats: r.stats,
});
const report = z.object({
  youth: z.number().int(),
  placed: z.number().int(),
  firstWish: z.number().int(),
  placedShare: z.number(),
  firstWishShare: z.number(),
  rankDistribution: z.array(z.number().int()),
  seats: z.number().int(),
  seatsFree: z.number().int(),
  openingsLeftFree: z.array(z.object({ openingId: z.uuid(), free: z.number().int() })),
  accepted: z.number().int(),
  declined: z.number().int(),
  waiting: z.number().int(),
});

/** JSON API for wishes, company answers and matching rounds: the same services and permissions as the pages. */
export async function matchingApi(app: App, { services }: RouteDeps): Promise<void> {
  const tags = ['matching'];
  const { wishes, rounds } = services;
  const myWishes = async (ctx: ReturnType<typeof ctxOf>) => {
    const mine = await wishes.mine(ctx);
    return { limit: mine.limit, items: mine.wishes.map((w) => ({ ...w, createdAt: undefined, updatedAt: undefined })) };
  };
  const wishList = z.object({ limit: z.number().int(), items: z.array(wish) });

  app.get('/api/v1/me/wishes', { schema: { tags, summary: 'My wishes, best first', response: { 200: wishList, ...errors } } }, (request) =>
    myWishes(ctxOf(request)),
  );
  app.post(
    '/api/v1/me/wishes',
    {
      schema: {
        tags,
        summary: 'Add an opening to my wishes ("I\'d like to try working here")',
        body: addWishInput,
        response: { 201: wishList, ...errors },
      },
    },
    async (request, reply) => {
      await wishes.add(ctxOf(request), request.body);
      return reply.status(201).send(await myWishes(ctxOf(request)));
    },
  );
  app.put(
    '/api/v1/me/wishes/order',
    {
      schema: {
        tags,
        summary: 'Rank my wishes: exactly the openings already wished, best first',
        body: rankWishesInput,
        response: noContent,
      },
    },
    async (request, reply) => {
      await wishes.rank(ctxOf(request), request.body);
      return reply.status(204).send(null);
    },
  );
  app.put(
    '/api/v1/me/wishes/:openingId/reason',
    {
      schema: {
        tags,
        summary: 'Why I wish this opening, in my own words (the company sees it)',
        params: openingParams,
        body: wishReasonInput,
        response: noContent,
      },
    },
    async (request, reply) => {
      await wishes.setReason(ctxOf(request), request.params.openingId, request.body);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    '/api/v1/me/wishes/:openingId',
    { schema: { tags, summary: 'Remove a wish', params: openingParams, response: noContent } },
    async (request, reply) => {
      await wishes.remove(ctxOf(request), request.params.openingId);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/me/placements',
    {
      schema: {
        tags,
        summary: 'My placements in published rounds, with why I did not get the wishes above',
        response: { 200: z.object({ items: z.array(placement) }), ...errors },
      },
    },
    async (request) => ({
      items: (await rounds.mine(ctxOf(request))).map(({ placement: p, explanation: e }) => toPlacement(p, e)),
    }),
  );
  app.post(
    '/api/v1/me/placements/:id/response',
    {
      schema: {
        tags,
        summary: 'Accept (plans the internship; the two-week start clock runs) or decline (the seat returns) my placement in a round',
        params: idParams,
        body: respondInput,
        response: { 200: z.object({ internshipId: z.uuid().nullable() }), ...errors },
      },
    },
    (request) => rounds.respond(ctxOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/companies/:id/wishes',
    {
      schema: {
        tags,
        summary: "Young people who wished the company's openings: only what each shares, and the answer given (audited)",
        params: idParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                openingId: z.uuid(),
                openingTitle: z.string(),
                reason: z.string(),
                youth: z.record(z.string(), z.union([z.string(), z.null()])),
                answer: z.enum(answerValues).nullable(),
                tier: z.number().int().nullable(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => ({
      items: (await wishes.forCompany(ctxOf(request), request.params.id)).map((w) => ({
        openingId: w.openingId,
        openingTitle: w.openingTitle,
        reason: w.reason,
        youth: Object.fromEntries(Object.entries(w.youth).map(([k, v]) => [k, v ?? null])),
        answer: w.answer,
        tier: w.tier,
      })),
    }),
  );
  app.put(
    '/api/v1/openings/:openingId/answers',
    {
      schema: {
        tags,
        summary: 'Answer for a young person who wished the opening: can take (tier 1–3, ties allowed) or not now',
        params: openingParams,
        body: answerInput,
        response: noContent,
      },
    },
    async (request, reply) => {
      await wishes.answer(ctxOf(request), request.params.openingId, request.body);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/companies/:id/direct-invitations',
    {
      schema: {
        tags,
        summary: 'Log a direct invitation of a young person (the young person is told and still decides)',
        params: idParams,
        body: directInvitationInput,
        response: noContent,
      },
    },
    async (request, reply) => {
      await wishes.inviteDirect(ctxOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/municipalities/:municipalityId/matching-rounds',
    {
      schema: {
        tags,
        summary: "The municipality's matching rounds (team)",
        params: municipalityParams,
        response: { 200: z.object({ items: z.array(round) }), ...errors },
      },
    },
    async (request) => ({ items: (await rounds.list(ctxOf(request), request.params.municipalityId)).rounds.map(toRound) }),
  );
  app.post(
    '/api/v1/municipalities/:municipalityId/matching-rounds',
    {
      schema: {
        tags,
        summary: 'Run a matching round (youth-proposing deferred acceptance); stored as a proposal with its inputs and seed',
        params: municipalityParams,
        body: runRoundInput,
        response: { 201: round, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(toRound(await rounds.run(ctxOf(request), request.params.municipalityId, request.body))),
  );
  app.get(
    '/api/v1/matching-rounds/:id',
    {
      schema: {
        tags,
        summary: 'A round with its report and every placement with explanations (team, audited)',
        params: idParams,
        response: { 200: z.object({ round, report, placements: z.array(placement) }), ...errors },
      },
    },
    async (request) => {
      const data = await rounds.get(ctxOf(request), request.params.id);
      return {
        round: toRound(data.round),
        report: data.report,
        placements: data.placements.map((p) => toPlacement(p, p.explanation)),
      };
    },
  );
  for (const action of ['publish', 'discard'] as const) {
    app.post(
      `/api/v1/matching-rounds/:id/${action}`,
      {
        schema: {
          tags,
          summary: action === 'publish' ? 'Publish the proposal: each young person sees their placement' : 'Discard the proposal',
          params: idParams,
          response: noContent,
        },
      },
      async (request, reply) => {
        await rounds[action](ctxOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  }
}
