import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { can } from '../../platform/access/policy.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { formFromError, formValues, submitForm } from '../../platform/http/forms.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf, setFlash } from '../../platform/http/request.ts';
import { municipalityFor } from '../../platform/http/scope.ts';
import { emptyForm, type FormState } from '../../platform/views/components.tsx';
import { AnswersView } from './answers.views.tsx';
import { answerFromChoice } from './matching.inputs.ts';
import { MatchingOverview, RoundPage } from './rounds.views.tsx';
import { MyWishesView } from './wishes.views.tsx';
import { z } from 'zod';
import { pageWithId } from '../../platform/http/schemas.ts';

/** Pages for wishes (the young person), answers (the company) and matching rounds (the team). */
export async function matchingRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  const { wishes, rounds, companies, matchEvents } = services;
  const flash = (reply: FastifyReply, key: MessageKey) => setFlash(reply, settings, { kind: 'success', key });

  // The young person's wishes, placements and invitations.
  const myPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const ctx = ctxOf(request);
    const [mine, placements, invitations, events] = await Promise.all([
      wishes.mine(ctx),
      rounds.mine(ctx),
      wishes.directInvitationsForMe(ctx),
      matchEvents.mine(ctx),
    ]);
    const seats = await services.offers.seats(mine.wishes.map((w) => w.openingId));
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('wishes.title'),
      <MyWishesView
        page={page}
        wishes={mine.wishes}
        limit={mine.limit}
        placements={placements}
        invitations={invitations}
        events={events}
        form={form}
        seats={seats}
      />,
      status,
    );
  };
  app.get('/me/wishes', (request, reply) => myPage(request, reply, emptyForm));

  /**
   * A change to my list: on success back to the list with a flash; on failure the list with the error.
   * A moved wish is the anchor to land on (its heading takes focus: wish-focus in app.js), so the
   * person keeps their place on the page.
   */
  const myAction = (
    path: string,
    run: (request: FastifyRequest, values: Record<string, string>) => Promise<unknown>,
    done: MessageKey,
    anchored = false,
  ) =>
    app.post(path, async (request, reply) => {
      const values = formValues(request.body);
      try {
        await run(request, values);
        flash(reply, done);
        return reply.redirect(anchored ? `/me/wishes#wish-${openingOf(request)}` : '/me/wishes', 303);
      } catch (err) {
        const openingId = (request.params as { openingId?: string }).openingId;
        const { form, status } = formFromError(err, values, openingId ? { reason: `reason-${openingId}` } : {});
        if (openingId && values.reason !== undefined) form.values[`reason-${openingId}`] = values.reason;
        return myPage(request, reply, form, status);
      }
    });
  const openingOf = (request: FastifyRequest) => (request.params as { openingId: string }).openingId;
  app.post('/me/wishes', async (request, reply) => {
    const values = formValues(request.body);
    try {
      await wishes.add(ctxOf(request), values);
      // A wish for a full opening is kept, with a clear note that it counts once a seat is free.
      const free = (await services.offers.freeSeats([values.openingId ?? ''])).get(values.openingId ?? '');
      if (free === 0) setFlash(reply, settings, { kind: 'info', key: 'seats.full_wish_note' });
      else flash(reply, 'wishes.added');
      return reply.redirect('/me/wishes', 303);
    } catch (err) {
      const { form, status } = formFromError(err, values);
      return myPage(request, reply, form, status);
    }
  });
  myAction('/me/wishes/:openingId/move', (r, v) => wishes.move(ctxOf(r), openingOf(r), v), 'wishes.moved', true);
  myAction('/me/wishes/:openingId/remove', (r) => wishes.remove(ctxOf(r), openingOf(r)), 'wishes.removed');
  myAction('/me/wishes/:openingId/reason', (r, v) => wishes.setReason(ctxOf(r), openingOf(r), v), 'wishes.reason_saved');
  app.post('/me/wishes/rounds/:roundId/respond', { schema: { hide: true, params: z.object({ roundId: z.uuid() }) } }, (request, reply) =>
    submitForm(request, reply, settings, {
      run: (values) => rounds.respond(ctxOf(request), request.params.roundId, values),
      done: ({ internshipId }) =>
        internshipId ? { flash: 'wishes.accepted_flash', to: '/me/internships' } : { flash: 'wishes.declined_flash', to: '/me/wishes' },
      again: (form, status) => myPage(request, reply, form, status),
    }),
  );

  // The company's answers.
  const answersPage = async (request: FastifyRequest, reply: FastifyReply, companyId: string, form: FormState, status = 200) => {
    const ctx = ctxOf(request);
    const rows = await wishes.forCompany(ctx, companyId);
    const { company } = await companies.get(ctx, companyId);
    const events = (await matchEvents.mine(ctx)).filter((e) => e.companyId === companyId);
    const seats = await services.offers.seats(rows.map((w) => w.openingId));
    const page = pageContext(request, reply, settings);
    const title = page.t('answers.title', { company: company.name });
    return sendPage(
      reply,
      page,
      title,
      <AnswersView page={page} companyName={company.name} rows={rows} events={events} form={form} seats={seats} />,
      status,
    );
  };
  app.get('/companies/:id/wishes', pageWithId, (request, reply) => answersPage(request, reply, request.params.id, emptyForm));
  app.post('/openings/:id/answers', pageWithId, async (request, reply) => {
    const { id } = request.params;
    const opening = await services.openings.get(ctxOf(request), id);
    const key = `${id}-${formValues(request.body).youthId ?? ''}`;
    return submitForm(request, reply, settings, {
      run: (values) => wishes.answer(ctxOf(request), id, answerFromChoice(values.youthId ?? '', values.choice)),
      done: { flash: 'answers.saved', to: `/companies/${opening.companyId}/wishes#${key}` },
      again: (form, status) => answersPage(request, reply, opening.companyId, form, status),
      rename: { answer: key, tier: key, youthId: key },
    });
  });

  app.post('/companies/:id/direct-invitations', pageWithId, async (request, reply) => {
    await wishes.inviteDirect(ctxOf(request), request.params.id, formValues(request.body));
    flash(reply, 'invite_direct.done');
    return reply.redirect('/youth-directory', 303);
  });

  // The team's rounds.
  const overview = async (request: FastifyRequest, reply: FastifyReply, m: string, form: FormState, status = 200) => {
    const [data, events] = await Promise.all([rounds.list(ctxOf(request), m), matchEvents.list(ctxOf(request), m)]);
    const page = pageContext(request, reply, settings);
    const canRun = can(request.actor!, 'match.run', [{ municipalityId: m }]);
    return sendPage(
      reply,
      page,
      page.t('rounds.title'),
      <MatchingOverview page={page} m={m} data={data} events={events} canRun={canRun} form={form} />,
      status,
    );
  };
  app.get('/matching', (request, reply) => overview(request, reply, municipalityFor(request, 'match.read'), emptyForm));
  app.post('/matching/rounds', (request, reply) => {
    const m = municipalityFor(request, 'match.run');
    return submitForm(request, reply, settings, {
      run: (values) => rounds.run(ctxOf(request), m, values),
      done: (round) => ({ flash: 'rounds.ran', to: `/matching/rounds/${round.id}` }),
      again: (form, status) => overview(request, reply, m, form, status),
    });
  });
  app.get('/matching/rounds/:id', pageWithId, async (request, reply) => {
    const data = await rounds.get(ctxOf(request), request.params.id);
    const page = pageContext(request, reply, settings);
    const canRun = can(request.actor!, 'match.run', [{ municipalityId: data.round.municipalityId }]);
    return sendPage(reply, page, page.t('rounds.title'), <RoundPage page={page} {...data} canRun={canRun} />);
  });
  for (const [action, done] of [
    ['publish', 'rounds.published'],
    ['discard', 'rounds.discarded'],
  ] as const) {
    app.post(`/matching/rounds/:id/${action}`, pageWithId, async (request, reply) => {
      const { id } = request.params;
      await rounds[action](ctxOf(request), id);
      flash(reply, done);
      return reply.redirect(`/matching/rounds/${id}`, 303);
    });
  }
}
