import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { openings } from '../../src/modules/companies/companies.schema.ts';
import { internships } from '../../src/modules/internships/internships.schema.ts';
import { notifications } from '../../src/modules/notifications/notifications.schema.ts';
import { internshipOffers } from '../../src/modules/offers/offers.schema.ts';
import { auditEvents } from '../../src/platform/audit/audit.schema.ts';
import { type TestContext, createTestContext, ctx, failure, makeUser } from '../support/context.ts';
import { makeNetwork } from '../support/internships.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-02T09:00:00Z'));

const DAY = 86_400_000;
/** A second opening of the network's company: one seat, four months, from 10 March. */
const warehouseOpening = (n: Awaited<ReturnType<typeof makeNetwork>>) =>
  t.services.openings.create(ctx(n.entrepreneur), n.company.id, {
    title: 'Lagerhjælper',
    tasks: 'Pakke varer og holde lageret ryddeligt.',
    place: 'Energivej 1, Roskilde',
    weeklyHours: '25',
    durationMonths: '4',
    seats: '1',
    startFrom: '2026-03-10',
    learning: '',
    published: 'on',
  });
const offersOf = (youthId: string) => t.database.db.select().from(internshipOffers).where(eq(internshipOffers.youthId, youthId));

describe('direct offers', () => {
  it('a company contact offers, the young person accepts: the internship is planned and the company and consultant are told', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const offer = await t.services.offers.make(ctx(n.supervisor), n.company.id, {
      youthId: amina.id,
      openingId: n.opening.id,
      message: 'Vi ses!',
    });
    expect(offer.status).toBe('open');
    expect(offer.answerBy).toBe('2026-03-07'); // the municipality's 5 days
    const toYouth = await t.database.db.select().from(notifications).where(eq(notifications.userId, amina.actor.userId));
    expect(toYouth.map((x) => x.kind)).toContain('offer_received');

    const mine = await t.services.offers.mine(ctx(amina.actor));
    expect(mine.offers.map((o) => [o.id, o.companyName, o.openingTitle])).toEqual([[offer.id, n.company.name, n.opening.title]]);

    t.clock.advance(DAY);
    const { internshipId } = await t.services.offers.answer(ctx(amina.actor), offer.id, { decision: 'accept' });
    const [i] = await t.database.db.select().from(internships).where(eq(internships.id, internshipId!));
    expect(i!.status).toBe('planned');
    // Not before the opening's first day (1 March), within 14 days of the choice: today.
    expect(i!.agreedStart).toBe('2026-03-03');
    expect(i!.chosenAt.toISOString()).toBe('2026-03-03T09:00:00.000Z');
    expect(i!.consultantUserId).toBe(n.consultant.userId); // the municipality's consultant
    const [closed] = await offersOf(amina.id);
    expect(closed).toMatchObject({ status: 'accepted', internshipId });
    const told = await t.database.db.select().from(notifications).where(eq(notifications.kind, 'offer_accepted'));
    expect(told.map((x) => x.userId).sort()).toEqual([n.supervisor.userId, n.consultant.userId].sort());
    // A second answer is refused: the offer is closed.
    expect((await failure(t.services.offers.answer(ctx(amina.actor), offer.id, { decision: 'decline' }))).messageKey).toBe(
      'errors.offer_closed',
    );
  });

  it('holds a seat: an opening with two seats takes two open offers, the third is refused; declining frees the seat', async () => {
    const n = await makeNetwork(t); // the opening has 2 seats
    const [a, b, c] = [await n.young('Amina'), await n.young('Bo'), await n.young('Cecilie')];
    const o1 = await t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: a.id, openingId: n.opening.id });
    await t.services.offers.make(ctx(n.entrepreneur), n.company.id, { youthId: b.id, openingId: n.opening.id, source: 'call' });
    const third = await failure(t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: c.id, openingId: n.opening.id }));
    expect(third.fields).toEqual({ openingId: 'validation.offer_no_seat' });
    expect(await offersOf(c.id)).toEqual([]);
    await t.services.offers.answer(ctx(a.actor), o1.id, { decision: 'decline', reason: 'Jeg vil hellere noget med dyr' });
    const o3 = await t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: c.id, openingId: n.opening.id });
    expect(o3.status).toBe('open');
  });

  it('an offer past its answer-by date no longer holds the seat, cannot be accepted, and expires with a notice', async () => {
    const n = await makeNetwork(t);
    await t.database.db.update(openings).set({ seats: 1 }).where(eq(openings.id, n.opening.id));
    const [a, b] = [await n.young('Amina'), await n.young('Bo')];
    const o1 = await t.services.offers.make(ctx(n.supervisor), n.company.id, {
      youthId: a.id,
      openingId: n.opening.id,
      answerBy: '2026-03-03',
    });
    expect(
      (await failure(t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: b.id, openingId: n.opening.id }))).fields,
    ).toEqual({
      openingId: 'validation.offer_no_seat',
    });
    t.clock.advance(2 * DAY); // 4 March: past the 3 March answer-by date
    expect((await failure(t.services.offers.answer(ctx(a.actor), o1.id, { decision: 'accept' }))).messageKey).toBe('errors.offer_closed');
    await t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: b.id, openingId: n.opening.id });
    expect(await t.services.offers.expireDue()).toBe(1);
    expect((await offersOf(a.id))[0]!.status).toBe('expired');
    const told = await t.database.db.select().from(notifications).where(eq(notifications.kind, 'offer_expired'));
    expect(told.map((x) => x.userId)).toContain(n.supervisor.userId);
    expect(await t.services.offers.expireDue()).toBe(0);
  });

  it('one start at a time: accepting one offer closes the others and a busy young person gets no new offer', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const other = await warehouseOpening(n);
    const o1 = await t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: amina.id, openingId: other.id });
    const o2 = await t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: amina.id, openingId: n.opening.id });
    // The same offer twice is a conflict.
    expect(
      (await failure(t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: amina.id, openingId: other.id }))).messageKey,
    ).toBe('errors.offer_exists');
    const { internshipId } = await t.services.offers.answer(ctx(amina.actor), o1.id, { decision: 'accept' });
    const [i] = await t.database.db.select().from(internships).where(eq(internships.id, internshipId!));
    // Not before the opening's first day, 10 March.
    expect(i!.agreedStart).toBe('2026-03-10');
    expect(i!.plannedEnd).toBe('2026-07-10');
    const after = await offersOf(amina.id);
    expect(after.find((o) => o.id === o2.id)!.status).toBe('withdrawn');
    expect(
      (await failure(t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: amina.id, openingId: n.opening.id }))).fields,
    ).toEqual({
      youthId: 'validation.offer_youth_busy',
    });
  });

  it('validates and refuses without writing: no account, not published, another company, dates', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const bad = await failure(
      t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: amina.id, openingId: n.opening.id, answerBy: '2026-03-01' }),
    );
    expect(bad.fields).toEqual({ answerBy: 'validation.date_past' });
    const late = await failure(
      t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: amina.id, openingId: n.opening.id, answerBy: '2026-04-30' }),
    );
    expect(late.fields).toEqual({ answerBy: 'validation.offer_answer_by_late' });
    await t.database.db.update(openings).set({ published: false }).where(eq(openings.id, n.opening.id));
    expect(
      (await failure(t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: amina.id, openingId: n.opening.id }))).fields,
    ).toEqual({
      openingId: 'validation.offer_opening',
    });
    // Another company's contact cannot make offers for this company: not found, and audited.
    const elsewhere = await makeUser(t, [{ role: 'company_contact', municipalityId: n.m }]);
    const denied = await failure(
      t.services.offers.make(ctx({ ...elsewhere, companyIds: [] }), n.company.id, { youthId: amina.id, openingId: n.opening.id }),
    );
    expect(denied.code).toBe('not_found');
    expect(await offersOf(amina.id)).toEqual([]);
    const refusals = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'offer.make'), eq(auditEvents.outcome, 'denied'), eq(auditEvents.targetId, n.company.id)));
    expect(refusals).toHaveLength(1);
  });

  it('only the young person answers their own offer; the company sees its offers, audited', async () => {
    const n = await makeNetwork(t);
    const [a, b] = [await n.young('Amina'), await n.young('Bo')];
    const offer = await t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: a.id, openingId: n.opening.id });
    expect((await failure(t.services.offers.answer(ctx(b.actor), offer.id, { decision: 'accept' }))).code).toBe('not_found');
    expect((await failure(t.services.offers.answer(ctx(n.consultant), offer.id, { decision: 'accept' }))).code).toBe('not_found');
    const listed = await t.services.offers.forCompany(ctx({ ...n.supervisor, companyIds: [n.company.id] }), n.company.id);
    expect(listed.map((o) => o.youthFirstName)).toEqual(['Amina']);
    const reads = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'offer.read'), eq(auditEvents.targetId, offer.id)));
    expect(reads.length).toBeGreaterThan(0);
    await t.services.offers.withdraw(ctx(n.supervisor), offer.id);
    expect((await offersOf(a.id))[0]!.status).toBe('withdrawn');
  });

  it('a matching round counts seats held by open offers as taken', async () => {
    const n = await makeNetwork(t);
    await t.database.db.update(openings).set({ seats: 1 }).where(eq(openings.id, n.opening.id));
    const [a, b] = [await n.young('Amina'), await n.young('Bo')];
    await t.services.wishes.add(ctx(b.actor), { openingId: n.opening.id });
    await t.services.wishes.answer(ctx(n.supervisor), n.opening.id, { youthId: b.id, answer: 'can_take', tier: '1' });
    await t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: a.id, openingId: n.opening.id });
    const round = await t.services.rounds.run(ctx(n.consultant), n.m, {});
    expect(round.input.openings[n.opening.id]!.seats).toBe(0);
  });

  it('the young person and the company talk about an offer before answering; another company cannot read it', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const offer = await t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: amina.id, openingId: n.opening.id });
    const asked = await t.services.messages.postAbout(
      ctx(amina.actor),
      { kind: 'offer', subjectId: offer.id },
      { body: 'Hvornår starter jeg?' },
    );
    const supervisor = { ...n.supervisor, companyIds: [n.company.id] };
    await t.services.messages.post(ctx(supervisor), asked.conversationId, { body: 'Mandag kl. 8.' });
    const thread = await t.services.messages.thread(ctx(amina.actor), asked.conversationId);
    expect(thread.messages.map((m) => m.body)).toEqual(['Hvornår starter jeg?', 'Mandag kl. 8.']);
    const other = await makeUser(t, [{ role: 'company_contact', municipalityId: n.m }]);
    expect((await failure(t.services.messages.thread(ctx({ ...other, companyIds: [] }), asked.conversationId))).code).toBe('not_found');
  });

  it('refuses an opening that starts more than 14 days away: the start could not keep both promises', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    await t.database.db.update(openings).set({ startFrom: '2026-03-17' }).where(eq(openings.id, n.opening.id));
    const refused = await failure(t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: amina.id, openingId: n.opening.id }));
    expect(refused.fields).toEqual({ openingId: 'validation.offer_start_late' });
    await t.database.db.update(openings).set({ startFrom: '2026-03-16' }).where(eq(openings.id, n.opening.id));
    expect((await t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: amina.id, openingId: n.opening.id })).status).toBe(
      'open',
    );
  });

  it('one start at a time across rounds too: accepting a placement ends open offers, accepting an offer declines placements', async () => {
    const n = await makeNetwork(t);
    const [a, b] = [await n.young('Amina'), await n.young('Bo')];
    const other = await warehouseOpening(n);
    for (const y of [a, b]) {
      await t.services.wishes.add(ctx(y.actor), { openingId: n.opening.id });
      await t.services.wishes.answer(ctx(n.supervisor), n.opening.id, { youthId: y.id, answer: 'can_take', tier: '1' });
    }
    const round = await t.services.rounds.run(ctx(n.consultant), n.m, {});
    await t.services.rounds.publish(ctx(n.consultant), round.id);
    // Amina has a placement and an offer; she accepts the placement: the offer ends and its seat is free.
    const toAmina = await t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: a.id, openingId: other.id });
    await t.services.rounds.respond(ctx(a.actor), round.id, { decision: 'accept' });
    expect((await offersOf(a.id)).find((o) => o.id === toAmina.id)!.status).toBe('withdrawn');
    // Bo accepts an offer instead of his placement: the placement is declined and its seat returns.
    const toBo = await t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: b.id, openingId: other.id });
    await t.services.offers.answer(ctx(b.actor), toBo.id, { decision: 'accept' });
    const bos = await t.services.rounds.mine(ctx(b.actor));
    expect(bos.map((r) => r.placement.status)).toEqual(['declined']);
  });

  it('a proposed round whose seats went to an offer meanwhile cannot be published: it must run again', async () => {
    const n = await makeNetwork(t);
    await t.database.db.update(openings).set({ seats: 1 }).where(eq(openings.id, n.opening.id));
    const [a, b] = [await n.young('Amina'), await n.young('Bo')];
    await t.services.wishes.add(ctx(a.actor), { openingId: n.opening.id });
    await t.services.wishes.answer(ctx(n.supervisor), n.opening.id, { youthId: a.id, answer: 'can_take', tier: '1' });
    const round = await t.services.rounds.run(ctx(n.consultant), n.m, {});
    expect(round.stats.seatsFilled).toBe(1);
    // After the run, the company offers the only seat to Bo.
    await t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: b.id, openingId: n.opening.id });
    expect((await failure(t.services.rounds.publish(ctx(n.consultant), round.id))).messageKey).toBe('errors.round_stale');
    // Run again: the seat is taken, so nobody is placed, and that round publishes.
    await t.services.rounds.discard(ctx(n.consultant), round.id);
    const again = await t.services.rounds.run(ctx(n.consultant), n.m, {});
    expect(again.stats.seatsFilled).toBe(0);
    await t.services.rounds.publish(ctx(n.consultant), again.id);
  });
});
