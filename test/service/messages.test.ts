import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../src/platform/access/policy.ts';
import { municipalRoles } from '../../src/platform/access/roles.ts';
import { translate } from '../../src/platform/i18n/i18n.ts';
import { companyContacts } from '../../src/modules/companies/companies.schema.ts';
import { conversationMessages, conversationReads, conversations } from '../../src/modules/messages/messages.schema.ts';
import { notifications } from '../../src/modules/notifications/notifications.schema.ts';
import { withAuditRefused } from '../support/atomicity.ts';
import { type TestContext, auditFor, createTestContext, ctx, failure, makeUser } from '../support/context.ts';
import { makeNetwork, startedInternship } from '../support/internships.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-02T09:00:00Z'));

/** A network with Amina in an internship, a team conversation and an internship conversation, one message each. */
async function scene() {
  const n = await makeNetwork(t);
  const amina = await n.young('Amina');
  const internship = await startedInternship(t, n, amina.id);
  const teamMessage = await t.services.messages.postAbout(
    ctx(n.counsellor),
    { kind: 'team', subjectId: amina.id },
    { body: 'Hej Amina, hvordan går det?' },
  );
  t.clock.advance(60_000);
  const internshipMessage = await t.services.messages.postAbout(
    ctx(amina.actor),
    { kind: 'internship', subjectId: internship.id },
    { body: 'Hej Søren, jeg kommer lidt senere i morgen.' },
  );
  return { n, amina, internship, team: teamMessage.conversationId, work: internshipMessage.conversationId };
}

const canRead = async (actor: Actor, id: string) => {
  try {
    await t.services.messages.thread(ctx(actor), id);
    return true;
  } catch (err) {
    expect((err as { code?: string }).code).toBe('not_found');
    return false;
  }
};

const messageCount = async (conversationId: string) =>
  (await t.database.db.select().from(conversationMessages).where(eq(conversationMessages.conversationId, conversationId))).length;

describe('messages: who takes part', () => {
  it('the youth team reads both conversations; a company contact only their internship one; every other role gets not found, audited', async () => {
    const s = await scene();
    // role → [team conversation, internship conversation], for a person in the municipality with only that role
    const expected: Record<string, [boolean, boolean]> = {
      youth: [false, false],
      company_contact: [false, false],
      youth_counsellor: [true, true],
      network_consultant: [true, true],
      psychologist: [false, false],
      entrepreneur: [false, false],
      team_leader: [true, true],
      caseworker: [false, false],
      municipality_admin: [false, false],
      education_contact: [false, false],
      ngo_coordinator: [false, false],
      labour_market_leader: [false, false],
    };
    for (const role of municipalRoles) {
      const actor = await makeUser(t, [{ role, municipalityId: s.n.m }]);
      expect([role, await canRead(actor, s.team), await canRead(actor, s.work)]).toEqual([role, ...expected[role]!]);
    }
    // The young person reads their own; the company's contact their internship's only.
    expect([await canRead(s.amina.actor, s.team), await canRead(s.amina.actor, s.work)]).toEqual([true, true]);
    expect([await canRead(s.n.supervisor, s.team), await canRead(s.n.supervisor, s.work)]).toEqual([false, true]);

    // Another young person, another company's contact, another municipality's team: not found, and the refusal audited.
    const bo = await s.n.young('Bo');
    const other = await makeNetwork(t);
    const otherCompany = await t.services.companies.create(ctx(s.n.entrepreneur), s.n.m, {
      name: 'Bageriet på hjørnet',
      cvr: '12345674',
      tradeSection: 'C',
      address: 'Algade 2',
      postalCode: '4000',
      area: 'Roskilde',
      size: '1-9',
      whyJoined: 'Vi mangler hænder.',
    });
    const baker = await makeUser(t, [{ role: 'company_contact', municipalityId: s.n.m }]);
    await t.database.db.insert(companyContacts).values({ companyId: otherCompany.id, userId: baker.userId });
    const otherContact: Actor = { ...baker, companyIds: [otherCompany.id] };
    for (const outsider of [bo.actor, otherContact, other.counsellor, other.supervisor]) {
      for (const id of [s.team, s.work]) {
        const c = ctx(outsider);
        expect((await failure(t.services.messages.thread(c, id))).code).toBe('not_found');
        expect(await auditFor(t, c.requestId!)).toEqual([
          expect.objectContaining({ action: 'message.read', outcome: 'denied', targetId: id, subjectUserId: s.amina.actor.userId }),
        ]);
        expect((await failure(t.services.messages.post(ctx(outsider), id, { body: 'Hej' }))).code).toBe('not_found');
      }
      expect(await t.services.messages.mine(ctx(outsider))).toEqual([]);
    }
    // Starting a conversation about someone else's subject is refused the same way.
    expect(
      (await failure(t.services.messages.postAbout(ctx(bo.actor), { kind: 'team', subjectId: s.amina.id }, { body: 'Hej' }))).code,
    ).toBe('not_found');
    expect(
      (await failure(t.services.messages.postAbout(ctx(s.n.supervisor), { kind: 'team', subjectId: s.amina.id }, { body: 'Hej' }))).code,
    ).toBe('not_found');
    expect((await failure(t.services.messages.ownTeam(ctx(s.n.counsellor)))).code).toBe('not_found');
    expect(await t.services.messages.ownTeam(ctx(s.amina.actor))).toEqual({ kind: 'team', subjectId: s.amina.id });
    // Nothing was written by the refusals.
    expect([await messageCount(s.team), await messageCount(s.work)]).toEqual([1, 1]);
  });

  it('a psychologist is never a participant: cannot post, is not notified, sees no conversations', async () => {
    const s = await scene();
    const psychologist = await makeUser(t, [{ role: 'psychologist', municipalityId: s.n.m }]);
    expect((await failure(t.services.messages.post(ctx(psychologist), s.team, { body: 'Hej' }))).code).toBe('not_found');
    expect(
      (await failure(t.services.messages.postAbout(ctx(psychologist), { kind: 'team', subjectId: s.amina.id }, { body: 'Hej' }))).code,
    ).toBe('not_found');
    await t.services.messages.post(ctx(s.amina.actor), s.team, { body: 'Kan vi tale sammen?' });
    expect(await t.database.db.select().from(notifications).where(eq(notifications.userId, psychologist.userId))).toEqual([]);
    expect(await t.services.messages.mine(ctx(psychologist))).toEqual([]);
  });

  it('each person lists the conversations they are in, newest first: the young person both, the company its own', async () => {
    const s = await scene();
    expect((await t.services.messages.mine(ctx(s.amina.actor))).map((c) => [c.id, c.kind])).toEqual([
      [s.work, 'internship'],
      [s.team, 'team'],
    ]);
    expect((await t.services.messages.mine(ctx(s.n.supervisor))).map((c) => c.id)).toEqual([s.work]);
    expect((await t.services.messages.mine(ctx(s.n.consultant))).map((c) => c.id)).toEqual([s.work, s.team]);
    // The first message about a subject starts one conversation; the next one joins it.
    t.clock.advance(60_000);
    const again = await t.services.messages.postAbout(ctx(s.n.consultant), { kind: 'team', subjectId: s.amina.id }, { body: 'Også hej.' });
    expect(again.conversationId).toBe(s.team);
    expect((await t.database.db.select().from(conversations).where(eq(conversations.youthId, s.amina.id))).length).toBe(2);
    expect((await t.services.messages.mine(ctx(s.amina.actor)))[0]!.id).toBe(s.team);
  });
});

describe('messages: unread, audit, validation, notifications', () => {
  it('unread counts go up with the others’ messages and back to zero on reading; one’s own never count', async () => {
    const s = await scene();
    t.clock.advance(60_000);
    await t.services.messages.post(ctx(s.n.counsellor), s.team, { body: 'Har du tid torsdag?' });
    const before = await t.services.messages.unreadSummary(ctx(s.amina.actor));
    expect(before.unread).toBe(2);
    expect(before.conversations.map((c) => [c.id, c.unread])).toEqual([[s.team, 2]]);
    // The counsellor wrote both: nothing unread for them; the consultant has not read any of the three.
    expect((await t.services.messages.unreadSummary(ctx(s.n.counsellor))).unread).toBe(1);
    expect((await t.services.messages.unreadSummary(ctx(s.n.consultant))).unread).toBe(3);

    const read = await t.services.messages.thread(ctx(s.amina.actor), s.team);
    expect(read.messages.map((m) => m.body)).toEqual(['Hej Amina, hvordan går det?', 'Har du tid torsdag?']);
    expect(read.readUpTo).toBe(0);
    expect(await t.services.messages.unreadSummary(ctx(s.amina.actor))).toEqual({ unread: 0, conversations: [] });
    // Reading again marks nothing new.
    expect((await t.services.messages.thread(ctx(s.amina.actor), s.team)).readUpTo).toBe(read.messages.at(-1)!.seq);

    await t.services.messages.post(ctx(s.amina.actor), s.team, { body: 'Ja, efter gruppen.' });
    expect((await t.services.messages.unreadSummary(ctx(s.amina.actor))).unread).toBe(0);
    expect((await t.services.messages.unreadSummary(ctx(s.n.counsellor))).conversations.map((c) => [c.id, c.unread])).toEqual([
      [s.team, 1],
      [s.work, 1],
    ]);
    // The company contact's count is theirs alone: Amina's message in the internship conversation.
    expect((await t.services.messages.unreadSummary(ctx(s.n.supervisor))).unread).toBe(1);
    await t.services.messages.thread(ctx(s.n.supervisor), s.work);
    expect((await t.services.messages.unreadSummary(ctx(s.n.supervisor))).unread).toBe(0);
  });

  it("staff's and companies' reads are audited with the young person as subject; the young person's own are not", async () => {
    const s = await scene();
    for (const reader of [s.n.counsellor, s.n.supervisor]) {
      const c = ctx(reader);
      await t.services.messages.thread(c, s.work);
      expect(await auditFor(t, c.requestId!)).toEqual([
        expect.objectContaining({
          action: 'conversation.read',
          outcome: 'allowed',
          targetType: 'conversation',
          targetId: s.work,
          subjectUserId: s.amina.actor.userId,
        }),
      ]);
    }
    const list = ctx(s.n.consultant);
    await t.services.messages.mine(list);
    expect((await auditFor(t, list.requestId!)).map((e) => [e.action, e.targetId, e.subjectUserId])).toEqual([
      ['conversation.list', s.work, s.amina.actor.userId],
      ['conversation.list', s.team, s.amina.actor.userId],
    ]);
    const own = ctx(s.amina.actor);
    await t.services.messages.thread(own, s.team);
    await t.services.messages.mine(own);
    expect(await auditFor(t, own.requestId!)).toEqual([]);
    // Writing is audited too.
    const write = ctx(s.amina.actor);
    await t.services.messages.post(write, s.team, { body: 'Tak.' });
    expect((await auditFor(t, write.requestId!)).map((e) => [e.action, e.subjectUserId])).toEqual([
      ['conversation.write', s.amina.actor.userId],
    ]);
  });

  it('an empty or too long message is refused with a field error in plain Danish, and nothing is written', async () => {
    const s = await scene();
    const notificationsBefore = (await t.database.db.select().from(notifications)).length;
    for (const [body, key] of [
      ['', 'validation.message_required'],
      ['   \n  ', 'validation.message_required'],
      [undefined, 'validation.message_required'],
      ['x'.repeat(2001), 'validation.message_long'],
    ] as const) {
      const err = await failure(t.services.messages.post(ctx(s.amina.actor), s.team, { body }));
      expect([err.code, err.fields]).toEqual(['invalid', { body: key }]);
      const first = await failure(
        t.services.messages.postAbout(ctx(s.n.consultant), { kind: 'team', subjectId: (await s.n.young('Carl')).id }, { body }),
      );
      expect(first.fields).toEqual({ body: key });
    }
    expect(translate('da', 'validation.message_long')).toBe('Beskeden er for lang. Den må højst være 2.000 tegn.');
    expect(translate('da', 'validation.message_required')).toBe('Skriv en besked, før du sender.');
    // Nothing written: no message, no conversation for Carl, no notification.
    expect(await messageCount(s.team)).toBe(1);
    expect((await t.database.db.select().from(conversations).where(eq(conversations.municipalityId, s.n.m))).length).toBe(2);
    expect((await t.database.db.select().from(notifications)).length).toBe(notificationsBefore);
    // Exactly 2,000 characters is fine; the text is kept as written, trimmed.
    const long = await t.services.messages.post(ctx(s.amina.actor), s.team, { body: ` ${'ø'.repeat(2000)} ` });
    expect(long.body).toBe('ø'.repeat(2000));
  });

  it('a new message is queued for every other participant, not the author, once per conversation until they have read it', async () => {
    const s = await scene();
    const pending = async (conversationId: string) =>
      t.database.db
        .select({ userId: notifications.userId, kind: notifications.kind, link: notifications.link, params: notifications.params })
        .from(notifications)
        .where(and(eq(notifications.kind, 'message_new'), eq(notifications.link, `/messages/${conversationId}`)));
    const supervisor = s.n.supervisor.userId;
    const team = [s.n.consultant.userId, s.n.counsellor.userId];
    // Amina's first message in the internship conversation: the company's contact and the team, not Amina, not the entrepreneur.
    const work = await pending(s.work);
    expect(work.map((n) => n.userId).sort()).toEqual([supervisor, ...team].sort());
    expect(work[0]).toMatchObject({ kind: 'message_new', params: { from: 'Amina Hansen' } });
    // The counsellor's team message: Amina and the rest of the team — never the company.
    expect((await pending(s.team)).map((n) => n.userId).sort()).toEqual([s.amina.actor.userId, s.n.consultant.userId].sort());

    // A second message before the supervisor has read: no second notification for them.
    await t.services.messages.post(ctx(s.amina.actor), s.work, { body: 'Og jeg tager madpakke med.' });
    expect((await pending(s.work)).filter((n) => n.userId === supervisor)).toHaveLength(1);
    // Once read, the next message is told again.
    await t.services.messages.thread(ctx(s.n.supervisor), s.work);
    await t.services.messages.post(ctx(s.n.consultant), s.work, { body: 'Jeg kommer forbi onsdag.' });
    expect((await pending(s.work)).filter((n) => n.userId === supervisor)).toHaveLength(2);
    // The email says who wrote, never what.
    const rows = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, supervisor), inArray(notifications.kind, ['message_new'])));
    const mail = t.services.notifications.compose([rows.find((r) => r.params.from === 'Amina Hansen')!], 'da', 'Søren');
    expect(mail.subject).toBe('Ny besked fra Amina Hansen');
    expect(mail.text).not.toContain('senere i morgen');
  });

  it('a message, its conversation, its notifications and its audit entry are one unit; so are a read and its marker', async () => {
    const s = await scene();
    const rows = async () =>
      Promise.all(
        [conversations, conversationMessages, conversationReads, notifications].map(
          async (table) => (await t.database.db.select().from(table)).length,
        ),
      );
    const before = await rows();
    const carl = await s.n.young('Carl');
    await expect(
      withAuditRefused(t, 'conversation.write', () =>
        t.services.messages.postAbout(ctx(s.n.counsellor), { kind: 'team', subjectId: carl.id }, { body: 'Velkommen, Carl!' }),
      ),
    ).rejects.toThrow('insert into "audit_events"');
    await expect(
      withAuditRefused(t, 'conversation.write', () => t.services.messages.post(ctx(s.amina.actor), s.work, { body: 'Hej igen.' })),
    ).rejects.toThrow('insert into "audit_events"');
    await expect(withAuditRefused(t, 'conversation.read', () => t.services.messages.thread(ctx(s.n.supervisor), s.work))).rejects.toThrow(
      'insert into "audit_events"',
    );
    expect(await rows()).toEqual(before);
    expect((await t.services.messages.unreadSummary(ctx(s.n.supervisor))).unread).toBe(1);
  });
});
