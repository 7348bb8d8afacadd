import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { users } from '../../src/modules/accounts/accounts.schema.ts';
import { groupMembers, networkGroups } from '../../src/modules/groups/groups.schema.ts';
import { internshipEvents, internships } from '../../src/modules/internships/internships.schema.ts';
import { auditEvents } from '../../src/platform/audit/audit.schema.ts';
import { type TestContext, auditFor, createTestContext, ctx, failure } from '../support/context.ts';
import { makeNetwork } from '../support/internships.ts';
import { withAuditRefused } from '../support/atomicity.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-02T09:00:00Z'));

type Network = Awaited<ReturnType<typeof makeNetwork>>;

/** Puts the young person in a network group run by the network's counsellor. */
async function inGroup(n: Network, youthId: string) {
  const [g] = await t.database.db
    .insert(networkGroups)
    .values({ municipalityId: n.m, name: 'Gruppe 1', counsellorUserId: n.counsellor.userId, createdAt: t.clock.now() })
    .returning();
  await t.database.db.insert(groupMembers).values({ groupId: g!.id, youthId, joinedAt: t.clock.now() });
}

const plan = (n: Network, youthId: string) =>
  t.services.internships.plan(ctx(n.consultant), n.m, {
    youthId,
    openingId: n.opening.id,
    chosenOn: '2026-03-02',
    agreedStart: '2026-03-09',
    weeklyHours: '20',
  });

describe('the young person\'s people ("Mine folk")', () => {
  it('lists the group counsellor, the consultant and the supervisor, with only the contact details each chose to show', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    expect(await t.services.youthPeople.mine(ctx(amina.actor))).toEqual([]);

    await inGroup(n, amina.id);
    // The counsellor keeps the defaults but has a number: email shown, phone not.
    await t.services.contactProfile.save(ctx(n.counsellor), { phone: '11 22 33 44', showEmail: 'on' });
    // The consultant shows the phone only; the supervisor both.
    await t.services.contactProfile.save(ctx(n.consultant), { phone: '+45 87 65 43 21', showPhone: 'on' });
    await t.services.contactProfile.save(ctx(n.supervisor), { phone: '12345678', showPhone: 'on', showEmail: 'on' });
    expect(await t.services.youthPeople.mine(ctx(amina.actor))).toEqual([
      {
        userId: n.counsellor.userId,
        name: n.counsellor.name,
        roles: ['counsellor'],
        companyName: null,
        phone: null,
        email: n.counsellor.email,
      },
    ]);

    const i = await plan(n, amina.id);
    expect(await t.services.youthPeople.mine(ctx(amina.actor))).toEqual([
      {
        userId: n.counsellor.userId,
        name: n.counsellor.name,
        roles: ['counsellor'],
        companyName: null,
        phone: null,
        email: n.counsellor.email,
      },
      { userId: n.consultant.userId, name: 'Nina Konsulent', roles: ['consultant'], companyName: null, phone: '87654321', email: null },
      {
        userId: n.supervisor.userId,
        name: 'Søren Vejleder',
        roles: ['supervisor'],
        companyName: 'Roskilde Kraftvarmeværk',
        phone: '12345678',
        email: n.supervisor.email,
      },
    ]);
    // The internship page says the same about the supervisor.
    const { i: view } = await t.services.internships.get(ctx(amina.actor), i.id);
    expect([view.supervisorShownPhone, view.supervisorShownEmail]).toEqual(['12345678', n.supervisor.email]);

    // Hiding the phone again hides it at once.
    await t.services.contactProfile.save(ctx(n.supervisor), { phone: '12345678', showEmail: 'on' });
    const supervisor = (await t.services.youthPeople.mine(ctx(amina.actor))).find((p) => p.roles.includes('supervisor'))!;
    expect([supervisor.phone, supervisor.email]).toEqual([null, n.supervisor.email]);

    // Once the internship has ended, the supervisor is no longer theirs; the consultant still is.
    await t.services.internships.end(ctx(n.consultant), i.id, { on: '2026-03-02', outcome: 'ended_early', reason: 'illness' });
    expect((await t.services.youthPeople.mine(ctx(amina.actor))).map((p) => p.roles)).toEqual([['counsellor'], ['consultant']]);
  });

  it('lists a person in two roles once', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    await t.database.db.insert(networkGroups).values({
      municipalityId: n.m,
      name: 'Gruppe 2',
      counsellorUserId: n.consultant.userId,
      createdAt: t.clock.now(),
    });
    const [g] = await t.database.db.select().from(networkGroups).where(eq(networkGroups.municipalityId, n.m));
    await t.database.db.insert(groupMembers).values({ groupId: g!.id, youthId: amina.id, joinedAt: t.clock.now() });
    await plan(n, amina.id);
    expect((await t.services.youthPeople.mine(ctx(amina.actor))).map((p) => [p.userId, p.roles])).toEqual([
      [n.consultant.userId, ['counsellor', 'consultant']],
      [n.supervisor.userId, ['supervisor']],
    ]);
  });

  it("is always the signed-in young person's own: another young person sees their own, staff and strangers none", async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const bo = await n.young('Bo');
    await inGroup(n, amina.id);
    const i = await plan(n, amina.id);
    expect((await t.services.youthPeople.mine(ctx(amina.actor))).length).toBe(3);
    expect(await t.services.youthPeople.mine(ctx(bo.actor))).toEqual([]);
    // Bo cannot reach Amina's internship page, where her people are shown either.
    expect((await failure(t.services.internships.get(ctx(bo.actor), i.id))).code).toBe('not_found');
    for (const staff of [n.consultant, n.counsellor, n.supervisor]) {
      expect((await failure(t.services.youthPeople.mine(ctx(staff)))).code).toBe('not_found');
    }
    expect((await failure(t.services.youthPeople.mine(ctx(null)))).code).toBe('unauthenticated');
  });
});

describe('the contact profile', () => {
  it('shows the email and not the phone by default, and refuses a phone number that is not Danish, saving nothing', async () => {
    const n = await makeNetwork(t);
    expect(await t.services.contactProfile.mine(ctx(n.consultant))).toEqual({
      email: n.consultant.email,
      phone: '',
      showPhone: false,
      showEmail: true,
    });
    for (const phone of ['1234567', '+46 12 34 56 78', 'ring til mig']) {
      const err = await failure(t.services.contactProfile.save(ctx(n.consultant), { phone, showPhone: 'on', showEmail: '' }));
      expect(err.fields).toEqual({ phone: 'validation.contact_phone' });
    }
    const [row] = await t.database.db.select().from(users).where(eq(users.id, n.consultant.userId));
    expect([row!.phone, row!.showPhone, row!.showEmail]).toEqual(['', false, true]);

    const c = ctx(n.consultant);
    await t.services.contactProfile.save(c, { phone: '0045 12-34-56-78', showPhone: 'on' });
    expect(await t.services.contactProfile.mine(ctx(n.consultant))).toMatchObject({ phone: '12345678', showPhone: true, showEmail: false });
    expect((await auditFor(t, c.requestId!)).map((e) => e.action)).toEqual(['account.contact_profile']);
  });
});

describe('day one on the internship', () => {
  it("the team and the company's own contact fill in time, place and what to bring; a bad time writes nothing", async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const i = await plan(n, amina.id);

    const bad = ctx(n.supervisor);
    const err = await failure(
      t.services.dayOne.save(bad, i.id, { firstDayTime: '25.00', meetAt: 'x'.repeat(201), whatToBring: 'Sikkerhedssko' }),
    );
    expect(err.fields).toEqual({ firstDayTime: 'validation.day_one_time', meetAt: 'validation.text_long' });
    const [unchanged] = await t.database.db.select().from(internships).where(eq(internships.id, i.id));
    expect([unchanged!.firstDayTime, unchanged!.meetAt, unchanged!.whatToBring]).toEqual([null, '', '']);
    expect(await t.database.db.select().from(auditEvents).where(eq(auditEvents.requestId, bad.requestId!))).toEqual([]);

    const bySupervisor = ctx(n.supervisor);
    await t.services.dayOne.save(bySupervisor, i.id, {
      firstDayTime: '9.00',
      meetAt: 'Porten ved Energivej 3',
      whatToBring: 'Sikkerhedssko',
    });
    const { i: view } = await t.services.internships.get(ctx(amina.actor), i.id);
    expect([view.firstDayTime, view.meetAt, view.whatToBring, view.openingPlace]).toEqual([
      '09:00',
      'Porten ved Energivej 3',
      'Sikkerhedssko',
      'Energivej 1, Roskilde',
    ]);
    expect((await auditFor(t, bySupervisor.requestId!)).map((e) => [e.action, e.subjectUserId])).toEqual([
      ['internship.day_one', amina.actor.userId],
    ]);

    // The team too; an empty time and place clear them.
    await t.services.dayOne.save(ctx(n.consultant), i.id, { firstDayTime: '', meetAt: '', whatToBring: 'Madpakke' });
    const [after] = await t.database.db.select().from(internships).where(eq(internships.id, i.id));
    expect([after!.firstDayTime, after!.meetAt, after!.whatToBring]).toEqual([null, '', 'Madpakke']);
    const events = await t.database.db
      .select()
      .from(internshipEvents)
      .where(and(eq(internshipEvents.internshipId, i.id), eq(internshipEvents.kind, 'day_one')));
    expect(events.map((e) => e.byUserId)).toEqual([n.supervisor.userId, n.consultant.userId]);
  });

  it('refuses another company, another municipality and the young person, writing nothing', async () => {
    const n = await makeNetwork(t);
    const other = await makeNetwork(t);
    const amina = await n.young('Amina');
    const i = await plan(n, amina.id);
    for (const actor of [other.supervisor, other.consultant, amina.actor]) {
      const err = await failure(t.services.dayOne.save(ctx(actor), i.id, { firstDayTime: '08:00', whatToBring: 'Hjelm' }));
      expect(err.code).toBe('not_found');
    }
    const [row] = await t.database.db.select().from(internships).where(eq(internships.id, i.id));
    expect([row!.firstDayTime, row!.whatToBring]).toEqual([null, '']);
  });

  it('is closed once the internship has ended', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const i = await plan(n, amina.id);
    await t.services.internships.end(ctx(n.consultant), i.id, { on: '2026-03-02', outcome: 'ended_early', reason: 'illness' });
    expect((await failure(t.services.dayOne.save(ctx(n.supervisor), i.id, { firstDayTime: '08:00' }))).code).toBe('conflict');
  });
});

describe('writes and their audit entries commit together (decision 0017)', () => {
  it('leaves nothing behind when the audit entry is refused', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const i = await plan(n, amina.id);
    await withAuditRefused(t, 'internship.day_one', async () => {
      await expect(t.services.dayOne.save(ctx(n.supervisor), i.id, { firstDayTime: '08:00', whatToBring: 'Hjelm' })).rejects.toThrow(
        'insert into "audit_events"',
      );
    });
    const [row] = await t.database.db.select().from(internships).where(eq(internships.id, i.id));
    expect([row!.firstDayTime, row!.whatToBring]).toEqual([null, '']);
    const events = await t.database.db
      .select()
      .from(internshipEvents)
      .where(and(eq(internshipEvents.internshipId, i.id), eq(internshipEvents.kind, 'day_one')));
    expect(events).toEqual([]);

    await withAuditRefused(t, 'account.contact_profile', async () => {
      await expect(t.services.contactProfile.save(ctx(n.consultant), { phone: '12345678', showPhone: 'on' })).rejects.toThrow(
        'insert into "audit_events"',
      );
    });
    const [user] = await t.database.db.select().from(users).where(eq(users.id, n.consultant.userId));
    expect([user!.phone, user!.showPhone]).toEqual(['', false]);
  });
});
