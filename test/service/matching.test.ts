import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../src/platform/audit/audit.schema.ts';
import { internships } from '../../src/modules/internships/internships.schema.ts';
import { wishes } from '../../src/modules/matching/matching.schema.ts';
import { notifications } from '../../src/modules/notifications/notifications.schema.ts';
import { type TestContext, createTestContext, ctx, failure, makeUser } from '../support/context.ts';
import { makeNetwork } from '../support/internships.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-02T09:00:00Z'));

type Network = Awaited<ReturnType<typeof makeNetwork>>;

/** Another published opening at the network's company. */
async function opening(n: Network, title: string, seats = 1, published = true) {
  return t.services.openings.create(ctx(n.entrepreneur), n.company.id, {
    title,
    tasks: `${title}: konkrete opgaver.`,
    place: 'Roskilde',
    weeklyHours: '20',
    durationMonths: '3',
    seats: String(seats),
    startFrom: '2026-03-05',
    learning: '',
    supervisorUserId: n.supervisor.userId,
    published: published ? 'on' : '',
  });
}

const wishList = async (actor: Network['consultant']) => (await t.services.wishes.mine(ctx(actor))).wishes.map((w) => w.openingTitle);

describe('wishes', () => {
  it('ranks up to the limit, moves wishes up and down, and refuses bad input without changing anything', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const titles = ['Lager', 'Butik', 'Køkken', 'Værksted', 'Kontor', 'Have'];
    const ops = [];
    for (const title of titles) ops.push(await opening(n, title));
    for (const o of ops.slice(0, 5)) await t.services.wishes.add(ctx(amina.actor), { openingId: o.id, reason: `Jeg vil prøve ${o.title}` });
    expect(await wishList(amina.actor)).toEqual(titles.slice(0, 5));

    const sixth = await failure(t.services.wishes.add(ctx(amina.actor), { openingId: ops[5]!.id }));
    expect(sixth).toMatchObject({ code: 'invalid', messageKey: 'errors.wish_limit', params: { limit: 5 } });
    expect((await failure(t.services.wishes.add(ctx(amina.actor), { openingId: ops[0]!.id }))).code).toBe('conflict');

    await t.services.wishes.move(ctx(amina.actor), ops[2]!.id, { direction: 'up' });
    await t.services.wishes.move(ctx(amina.actor), ops[0]!.id, { direction: 'up' }); // already first: no change
    expect(await wishList(amina.actor)).toEqual(['Lager', 'Køkken', 'Butik', 'Værksted', 'Kontor']);

    // A list that is not exactly the wished openings is refused, and the order stays.
    const bad = await failure(t.services.wishes.rank(ctx(amina.actor), { openingIds: [ops[0]!.id, ops[1]!.id] }));
    expect(bad.fields).toEqual({ openingIds: 'validation.wish_order' });
    expect(await wishList(amina.actor)).toEqual(['Lager', 'Køkken', 'Butik', 'Værksted', 'Kontor']);

    await t.services.wishes.remove(ctx(amina.actor), ops[1]!.id);
    const mine = await t.services.wishes.mine(ctx(amina.actor));
    expect(mine.wishes.map((w) => [w.rank, w.openingTitle])).toEqual([
      [1, 'Lager'],
      [2, 'Køkken'],
      [3, 'Værksted'],
      [4, 'Kontor'],
    ]);
    expect(mine.limit).toBe(5);
  });

  it('accepts only published openings in the young person’s own municipality, and only the young person’s own list', async () => {
    const n = await makeNetwork(t);
    const other = await makeNetwork(t);
    const amina = await n.young('Amina');
    const hidden = await opening(n, 'Ikke offentlig', 1, false);
    expect((await failure(t.services.wishes.add(ctx(amina.actor), { openingId: hidden.id }))).fields).toEqual({
      openingId: 'validation.wish_opening',
    });
    expect((await failure(t.services.wishes.add(ctx(amina.actor), { openingId: other.opening.id }))).fields).toEqual({
      openingId: 'validation.wish_opening',
    });
    expect((await failure(t.services.wishes.add(ctx(amina.actor), { openingId: n.opening.id, reason: 'x'.repeat(301) }))).fields).toEqual({
      reason: 'validation.wish_reason',
    });
    // The team cannot edit a young person's wishes: the list is the young person's own.
    expect((await failure(t.services.wishes.add(ctx(n.consultant), { openingId: n.opening.id }))).code).toBe('not_found');
    expect(await t.database.db.select().from(wishes).where(eq(wishes.youthId, amina.id))).toEqual([]);
  });
});

describe('company answers', () => {
  it('shows a company only what each young person shares, audited, and only for its own openings', async () => {
    const n = await makeNetwork(t);
    const other = await makeNetwork(t);
    const amina = await n.young('Amina');
    await t.services.wishes.add(ctx(amina.actor), { openingId: n.opening.id, reason: 'Jeg kan lide at skrue.' });
    const request = ctx(n.supervisor);
    const rows = await t.services.wishes.forCompany(request, n.company.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.reason).toBe('Jeg kan lide at skrue.');
    expect(rows[0]!.youth.firstName).toBe('Amina');
    expect(rows[0]!.youth).not.toHaveProperty('lastName'); // not shared by default
    expect(rows[0]!.youth).not.toHaveProperty('email');
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.requestId, request.requestId!));
    expect(audit).toEqual([expect.objectContaining({ action: 'youth.read_shared', subjectUserId: amina.actor.userId })]);

    // Another company's contact reaches neither the list nor the answer.
    expect((await failure(t.services.wishes.forCompany(ctx(other.supervisor), n.company.id))).code).toBe('not_found');
    expect(
      (await failure(t.services.wishes.answer(ctx(other.supervisor), n.opening.id, { youthId: amina.id, answer: 'can_take' }))).code,
    ).toBe('not_found');
    // Only young people who wished the opening can be answered.
    const bo = await n.young('Bo');
    expect(
      (await failure(t.services.wishes.answer(ctx(n.supervisor), n.opening.id, { youthId: bo.id, answer: 'can_take' }))).fields,
    ).toEqual({ youthId: 'validation.answer_no_wish' });
    expect(
      (await failure(t.services.wishes.answer(ctx(n.supervisor), n.opening.id, { youthId: amina.id, answer: 'can_take', tier: 4 }))).fields,
    ).toEqual({ tier: 'validation.tier' });
    await t.services.wishes.answer(ctx(n.supervisor), n.opening.id, { youthId: amina.id, answer: 'can_take', tier: 2 });
    await t.services.wishes.answer(ctx(n.supervisor), n.opening.id, { youthId: amina.id, answer: 'not_now' });
    expect((await t.services.wishes.forCompany(ctx(n.supervisor), n.company.id))[0]).toMatchObject({ answer: 'not_now', tier: 1 });
  });

  it("never shows a company another company's answers or the young person's other wishes", async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const rival = await t.services.companies.create(ctx(n.entrepreneur), n.m, {
      name: 'Bageriet på Torvet',
      cvr: '12345674',
      tradeSection: 'C',
      address: 'Torvet 2',
      postalCode: '4000',
      area: 'Roskilde',
      size: '1-9',
      whyJoined: 'Vi mangler hænder.',
    });
    const bakery = await t.services.openings.create(ctx(n.entrepreneur), rival.id, {
      title: 'Bagerhjælper',
      tasks: 'Forme boller.',
      place: 'Torvet 2',
      weeklyHours: '20',
      durationMonths: '3',
      seats: '1',
      startFrom: '2026-03-01',
      learning: '',
      supervisorUserId: '',
      published: 'on',
    });
    await t.services.wishes.add(ctx(amina.actor), { openingId: bakery.id, reason: 'Jeg elsker brød.' });
    await t.services.wishes.add(ctx(amina.actor), { openingId: n.opening.id, reason: 'Maskiner!' });
    await t.services.wishes.answer(ctx(n.entrepreneur), bakery.id, { youthId: amina.id, answer: 'not_now' });
    const seen = await t.services.wishes.forCompany(ctx(n.supervisor), n.company.id);
    expect(seen.map((w) => [w.openingTitle, w.reason, w.answer])).toEqual([['Hjælper på kraftvarmeværket', 'Maskiner!', null]]);
    expect(JSON.stringify(seen)).not.toContain('Bagerhjælper');
    expect(JSON.stringify(seen)).not.toContain('brød');
  });

  it('logs a direct invitation and tells the young person', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    await t.services.wishes.inviteDirect(ctx(n.supervisor), n.company.id, {
      youthId: amina.id,
      openingId: n.opening.id,
      channel: 'call',
      message: 'Vi ringede og fortalte om værkstedet.',
    });
    const invitations = await t.services.wishes.directInvitationsForMe(ctx(amina.actor));
    expect(invitations).toEqual([expect.objectContaining({ companyName: 'Roskilde Kraftvarmeværk', channel: 'call' })]);
    const sent = await t.database.db.select().from(notifications).where(eq(notifications.userId, amina.actor.userId));
    expect(sent.map((x) => x.kind)).toEqual(['direct_invitation']);
    const other = await makeNetwork(t);
    const stranger = await other.young('Carl');
    expect(
      (await failure(t.services.wishes.inviteDirect(ctx(n.supervisor), n.company.id, { youthId: stranger.id, channel: 'call' }))).fields,
    ).toEqual({ youthId: 'validation.invite_youth' });
  });
});

describe('matching rounds', () => {
  /** Two young people want the one-seat "Lager" first; the company can take Bo before Amina. */
  async function scenario() {
    const n = await makeNetwork(t);
    const lager = await opening(n, 'Lager', 1);
    const butik = await opening(n, 'Butik', 1);
    const kontor = await opening(n, 'Kontor', 1);
    const amina = await n.young('Amina');
    const bo = await n.young('Bo');
    const carl = await n.young('Carl');
    for (const [who, list] of [
      [amina, [lager, butik]],
      [bo, [lager, butik]],
      [carl, [kontor, butik]],
    ] as const)
      for (const o of list) await t.services.wishes.add(ctx(who.actor), { openingId: o.id });
    const answer = (o: { id: string }, y: { id: string }, answer: 'can_take' | 'not_now', tier = 1) =>
      t.services.wishes.answer(ctx(n.supervisor), o.id, { youthId: y.id, answer, tier });
    await answer(lager, bo, 'can_take', 1);
    await answer(lager, amina, 'can_take', 2);
    await answer(butik, amina, 'can_take');
    await answer(butik, bo, 'can_take');
    await answer(butik, carl, 'not_now');
    // Kontor has not answered Carl.
    return { n, lager, butik, kontor, amina, bo, carl };
  }

  it('proposes the youth-optimal placement, explains it, and lets each young person accept or decline once published', async () => {
    const s = await scenario();
    const round = await t.services.rounds.run(ctx(s.n.consultant), s.n.m, { seed: 7 });
    expect(round).toMatchObject({ status: 'proposed', seed: 7 });
    const { placements, report } = await t.services.rounds.get(ctx(s.n.consultant), round.id);
    const by = Object.fromEntries(placements.map((p) => [p.youthFirstName, p]));
    expect(by.Bo).toMatchObject({ openingTitle: 'Lager', wishRank: 1, status: 'offered' });
    expect(by.Amina).toMatchObject({ openingTitle: 'Butik', wishRank: 2, status: 'offered' });
    expect(by.Carl).toMatchObject({ openingId: null, status: 'unplaced' });
    expect(by.Amina!.explanation.map((e) => e.outcome)).toEqual(['filled_before', 'placed']);
    expect(by.Carl!.explanation.map((e) => e.outcome)).toEqual(['not_answered', 'not_now']);
    expect(report).toMatchObject({ youth: 3, placed: 2, firstWish: 1, rankDistribution: [1, 1], seats: 3, seatsFree: 1 });
    expect(report.openingsLeftFree).toEqual([{ openingId: s.kontor.id, free: 1 }]);

    // Only one proposal at a time; the young people see nothing until it is published.
    expect((await failure(t.services.rounds.run(ctx(s.n.consultant), s.n.m, {}))).messageKey).toBe('errors.round_waiting');
    expect(await t.services.rounds.mine(ctx(s.amina.actor))).toEqual([]);
    await t.services.rounds.publish(ctx(s.n.consultant), round.id);
    expect((await failure(t.services.rounds.publish(ctx(s.n.consultant), round.id))).messageKey).toBe('errors.round_state');

    const [mine] = await t.services.rounds.mine(ctx(s.amina.actor));
    expect(mine!.explanation.map((e) => [e.rank, mine!.titles[e.openingId], e.outcome])).toEqual([
      [1, 'Lager, Roskilde Kraftvarmeværk', 'filled_before'],
      [2, 'Butik, Roskilde Kraftvarmeværk', 'placed'],
    ]);

    // Accepting plans the internship with the two-week clock running from now.
    const { internshipId } = await t.services.rounds.respond(ctx(s.amina.actor), round.id, { decision: 'accept' });
    const [planned] = await t.database.db.select().from(internships).where(eq(internships.id, internshipId!));
    expect(planned).toMatchObject({
      youthId: s.amina.id,
      openingId: s.butik.id,
      status: 'planned',
      agreedStart: '2026-03-05',
      plannedEnd: '2026-06-05',
      consultantUserId: s.n.consultant.userId,
      supervisorUserId: s.n.supervisor.userId,
    });
    expect(planned!.chosenAt.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect((await failure(t.services.rounds.respond(ctx(s.amina.actor), round.id, { decision: 'accept' }))).messageKey).toBe(
      'errors.placement_decided',
    );
    const told = await t.database.db.select().from(notifications).where(eq(notifications.userId, s.amina.actor.userId));
    expect(told.map((x) => x.kind).sort()).toEqual(['internship_planned', 'placement_offered']);

    // Bo declines: Lager leaves his list and its seat is free again in the next round.
    await t.services.rounds.respond(ctx(s.bo.actor), round.id, { decision: 'decline' });
    expect(await wishList(s.bo.actor)).toEqual(['Butik']);
    const next = await t.services.rounds.run(ctx(s.n.consultant), s.n.m, { seed: 1 });
    expect(Object.keys(next.input.youth).sort()).toEqual([s.bo.id, s.carl.id].sort()); // Amina has her internship
    expect(next.input.openings[s.butik.id]!.seats).toBe(0); // Amina's internship holds the one seat
  });

  it('breaks ties within a tier by the recorded seed, so a round can be re-run and checked', async () => {
    const n = await makeNetwork(t);
    const lager = await opening(n, 'Lager', 1);
    const people = [];
    for (const name of ['Ali', 'Bea', 'Cem', 'Dia', 'Eva', 'Fie']) {
      const p = await n.young(name);
      await t.services.wishes.add(ctx(p.actor), { openingId: lager.id });
      await t.services.wishes.answer(ctx(n.supervisor), lager.id, { youthId: p.id, answer: 'can_take', tier: 1 });
      people.push(p);
    }
    const winners = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const r = await t.services.rounds.run(ctx(n.consultant), n.m, { seed });
      const { placements } = await t.services.rounds.get(ctx(n.consultant), r.id);
      const winner = placements.find((p) => p.openingId)!;
      winners.add(winner.youthId);
      const again = await t.services.rounds.get(ctx(n.consultant), r.id);
      expect(again.placements.find((p) => p.openingId)!.youthId).toBe(winner.youthId);
      expect(placements.filter((p) => !p.openingId).every((p) => p.explanation[0]!.outcome === 'lottery')).toBe(true);
      await t.services.rounds.discard(ctx(n.consultant), r.id);
    }
    expect(winners.size).toBeGreaterThan(1); // the lottery is not fixed on one person

    // Re-running with a recorded seed gives the same result: a round can be checked afterwards.
    const first = await t.services.rounds.run(ctx(n.consultant), n.m, { seed: 99 });
    const firstResult = (await t.services.rounds.get(ctx(n.consultant), first.id)).placements.map((p) => [p.youthId, p.openingId]);
    await t.services.rounds.discard(ctx(n.consultant), first.id);
    const again = await t.services.rounds.run(ctx(n.consultant), n.m, { seed: 99 });
    expect((await t.services.rounds.get(ctx(n.consultant), again.id)).placements.map((p) => [p.youthId, p.openingId])).toEqual(firstResult);
    expect(again.input).toEqual(first.input);
  });

  it('keeps rounds to the team: young people, companies and other municipalities get not found, audited', async () => {
    const s = await scenario();
    const other = await makeNetwork(t);
    const round = await t.services.rounds.run(ctx(s.n.consultant), s.n.m, {});
    const counsellor = ctx(s.n.counsellor);
    expect((await t.services.rounds.get(counsellor, round.id)).placements).toHaveLength(3); // the team reads
    expect((await failure(t.services.rounds.publish(counsellor, round.id))).code).toBe('not_found'); // but does not run
    for (const actor of [s.amina.actor, s.n.supervisor, other.consultant]) {
      const c = ctx(actor);
      expect((await failure(t.services.rounds.get(c, round.id))).code).toBe('not_found');
      const [denied] = await t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.requestId, c.requestId!), eq(auditEvents.outcome, 'denied')));
      expect(denied).toMatchObject({ action: 'match.read', targetId: round.id });
    }
    expect((await failure(t.services.rounds.run(ctx(other.consultant), s.n.m, {}))).code).toBe('not_found');
    // Responding to someone else's placement is impossible: the young person acts only on their own.
    await t.services.rounds.publish(ctx(s.n.consultant), round.id);
    expect((await failure(t.services.rounds.respond(ctx(s.carl.actor), round.id, { decision: 'accept' }))).code).toBe('not_found');
    const caseworker = await makeUser(t, [{ role: 'caseworker', municipalityId: s.n.m }]);
    expect((await failure(t.services.rounds.list(ctx(caseworker), s.n.m))).code).toBe('not_found');
  });

  it('refuses a round with nobody to match and a bad seed, storing nothing', async () => {
    const n = await makeNetwork(t);
    expect((await failure(t.services.rounds.run(ctx(n.consultant), n.m, {}))).messageKey).toBe('errors.round_empty');
    expect((await failure(t.services.rounds.run(ctx(n.consultant), n.m, { seed: -3 }))).fields).toEqual({ seed: 'validation.seed' });
    expect((await t.services.rounds.list(ctx(n.consultant), n.m)).rounds).toEqual([]);
  });
});

describe('permission table for matching: role × action in the own municipality', () => {
  // role → [read rounds (match.read), run a round (match.run), answer for the company (match.answer), own wishes (match.wish)]
  const expected: Record<string, [boolean, boolean, boolean, boolean]> = {
    youth: [false, false, false, true],
    company_contact: [false, false, true, false],
    youth_counsellor: [true, false, false, false],
    network_consultant: [true, true, true, false],
    psychologist: [false, false, false, false],
    entrepreneur: [true, false, true, false],
    team_leader: [true, true, true, false],
    caseworker: [false, false, false, false],
    municipality_admin: [true, true, true, false],
    education_contact: [false, false, false, false],
    ngo_coordinator: [false, false, false, false],
    programme_lead: [false, false, false, false],
    researcher: [false, false, false, false],
    system_admin: [false, false, false, false],
  };
  it('matches the policy for every role, and a company contact only for its own company', async () => {
    const n = await makeNetwork(t);
    const { can } = await import('../../src/platform/access/policy.ts');
    for (const [role, row] of Object.entries(expected)) {
      const municipalityId = ['programme_lead', 'researcher', 'system_admin'].includes(role) ? null : n.m;
      const actor = {
        userId: `u-${role}`,
        name: role,
        email: '',
        memberships: [{ role, municipalityId }],
        companyIds: [n.company.id],
      } as Parameters<typeof can>[0];
      const target = { municipalityId: n.m, companyId: n.company.id, ownerUserId: actor.userId };
      const got = (['match.read', 'match.run', 'match.answer', 'match.wish'] as const).map((a) => can(actor, a, [target]));
      expect([role, ...got]).toEqual([role, ...row]);
      // Another municipality: never.
      expect(
        (['match.read', 'match.run', 'match.answer', 'match.wish'] as const).some((a) =>
          can(actor, a, [{ ...target, municipalityId: 'other' }]),
        ),
      ).toBe(false);
    }
    // A company contact of another company cannot answer for this one.
    expect((await failure(t.services.wishes.forCompany(ctx({ ...n.supervisor, companyIds: [] }), n.company.id))).code).toBe('not_found');
  });
});
