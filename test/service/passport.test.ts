import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { companyContacts } from '../../src/modules/companies/companies.schema.ts';
import { wishes } from '../../src/modules/matching/matching.schema.ts';
import { passportConsents, passports } from '../../src/modules/passport/passport.schema.ts';
import { youth } from '../../src/modules/youth/youth.schema.ts';
import type { Actor } from '../../src/platform/access/policy.ts';
import { auditEvents } from '../../src/platform/audit/audit.schema.ts';
import { type TestContext, createTestContext, ctx, failure, makeUser } from '../support/context.ts';
import { makeNetwork } from '../support/internships.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-02T09:00:00Z'));

const written = {
  strengths: [
    { what: 'Holder styr på værktøjet', where: 'Praktik på værkstedet', when: 'Foråret 2026' },
    { what: '', where: '', when: '' },
  ],
  support: 'En fast kontaktperson og en plan for dagen.',
  accommodations: 'Korte pauser hver anden time.',
  notWorking: 'Mange nye opgaver på én gang.',
  ownWords: 'Jeg er god med hænderne.',
};

/** A network, a young person with a wished company, and the people around them. */
async function setting() {
  const n = await makeNetwork(t);
  const amina = await n.young('Amina');
  // Amina wished the network company's opening: its contact (the supervisor) is someone she may name.
  await t.database.db.insert(wishes).values({
    municipalityId: n.m,
    youthId: amina.id,
    openingId: n.opening.id,
    rank: 1,
    createdAt: t.clock.now(),
    updatedAt: t.clock.now(),
  });
  // A second company the young person has nothing to do with, and its contact.
  const otherCompany = await t.services.companies.create(ctx(n.entrepreneur), n.m, {
    name: 'Anden Virksomhed',
    cvr: '12345674',
    tradeSection: 'G',
    address: 'Vej 2',
    postalCode: '4000',
    area: 'Roskilde',
    size: '1-9',
    whyJoined: 'Vi vil også.',
  });
  const otherContactUser = await makeUser(t, [{ role: 'company_contact', municipalityId: n.m }]);
  await t.database.db.insert(companyContacts).values({ companyId: otherCompany.id, userId: otherContactUser.userId });
  const otherContact: Actor = { ...otherContactUser, companyIds: [otherCompany.id] };
  const teamLeader = await makeUser(t, [{ role: 'team_leader', municipalityId: n.m }]);
  const admin = await makeUser(t, [{ role: 'municipality_admin', municipalityId: n.m }]);
  const education = await makeUser(t, [{ role: 'education_contact', municipalityId: n.m }], { name: 'Ulla Uddannelse' });
  const elsewhere = await makeNetwork(t);
  return { n, amina, otherContact, teamLeader, admin, education, elsewhere };
}

/** Whether the actor reads the passport: 'read', or 'not found' (the same as for a passport that does not exist). */
async function reads(actor: Actor, passportId: string): Promise<string> {
  try {
    await t.services.passports.read(ctx(actor), passportId);
    return 'read';
  } catch (err) {
    return (err as { code?: string }).code === 'not_found' ? 'not found' : String(err);
  }
}

describe("the competence passport (ViVirk'R)", () => {
  it('is written by the young person; empty rows are dropped, a begun row needs what', async () => {
    const { amina } = await setting();
    expect((await t.services.passports.mine(ctx(amina.actor))).passport).toBeUndefined();
    const saved = await t.services.passports.saveMine(ctx(amina.actor), written);
    expect(saved.strengths).toEqual([written.strengths[0]]);
    expect(saved.ownWords).toBe('Jeg er god med hænderne.');

    const bad = await failure(
      t.services.passports.saveMine(ctx(amina.actor), {
        ...written,
        ownWords: 'Ændret',
        strengths: [{ what: '', where: 'Et sted', when: '' }],
      }),
    );
    expect([bad.code, bad.fields]).toEqual(['invalid', { 'strengths.0.what': 'validation.passport_what' }]);
    const tooLong = await failure(t.services.passports.saveMine(ctx(amina.actor), { ...written, support: 'x'.repeat(1501) }));
    expect(tooLong.fields).toEqual({ support: 'validation.text_long' });
    // Nothing changed by the refused saves.
    expect((await t.services.passports.mine(ctx(amina.actor))).passport?.ownWords).toBe('Jeg er god med hænderne.');
  });

  it('permission table: only a named recipient with consent in force reads it, at once not after withdrawal', async () => {
    const { n, amina, otherContact, teamLeader, admin, education, elsewhere } = await setting();
    const p = await t.services.passports.saveMine(ctx(amina.actor), written);
    const { candidates } = await t.services.passports.mine(ctx(amina.actor));
    expect(candidates.map((c) => [c.name, c.kind])).toEqual(
      expect.arrayContaining([
        ['Søren Vejleder', 'company'],
        ['Nina Konsulent', 'team'],
        ['Ulla Uddannelse', 'education'],
      ]),
    );
    // The contact of a company the young person has nothing to do with is not on the list, and cannot be named.
    expect(candidates.some((c) => c.userId === otherContact.userId)).toBe(false);
    const refused = await failure(t.services.passports.share(ctx(amina.actor), { recipientUserId: otherContact.userId }));
    expect(refused.fields).toEqual({ recipientUserId: 'validation.passport_recipient' });
    // Nor someone from another municipality.
    const away = await failure(t.services.passports.share(ctx(amina.actor), { recipientUserId: elsewhere.supervisor.userId }));
    expect(away.code).toBe('invalid');

    const table = async () => ({
      'named company contact': await reads(n.supervisor, p.id),
      'other company contact': await reads(otherContact, p.id),
      'consultant, not named': await reads(n.consultant, p.id),
      'team leader, not named': await reads(teamLeader, p.id),
      'administrator, not named': await reads(admin, p.id),
      'education contact, not named': await reads(education, p.id),
      'other municipality': await reads(elsewhere.consultant, p.id),
      'other young person': await reads((await n.young('Bo')).actor, p.id),
    });
    const none = {
      'named company contact': 'not found',
      'other company contact': 'not found',
      'consultant, not named': 'not found',
      'team leader, not named': 'not found',
      'administrator, not named': 'not found',
      'education contact, not named': 'not found',
      'other municipality': 'not found',
      'other young person': 'not found',
    };
    expect(await table()).toEqual(none);

    await t.services.passports.share(ctx(amina.actor), { recipientUserId: n.supervisor.userId });
    expect(await table()).toEqual({ ...none, 'named company contact': 'read' });
    const read = await t.services.passports.read(ctx(n.supervisor), p.id);
    expect([read.youth.firstName, read.passport.support, read.canEdit]).toEqual(['Amina', written.support, false]);
    expect((await t.services.passports.sharedWithMe(ctx(n.supervisor))).map((s) => s.firstName)).toEqual(['Amina']);

    // Withdrawn: not found at once, the same answer as for a passport that does not exist.
    await t.services.passports.withdraw(ctx(amina.actor), n.supervisor.userId);
    expect(await table()).toEqual(none);
    expect(await reads(n.supervisor, '00000000-0000-4000-8000-000000000000')).toBe('not found');
    expect(await t.services.passports.sharedWithMe(ctx(n.supervisor))).toEqual([]);
    // The history stays: one consent, withdrawn.
    const history = await t.database.db.select().from(passportConsents).where(eq(passportConsents.passportId, p.id));
    expect(history.map((c) => [c.recipientUserId, c.withdrawnAt?.toISOString()])).toEqual([
      [n.supervisor.userId, '2026-03-02T09:00:00.000Z'],
    ]);
    // Withdrawing again: nothing in force.
    expect((await failure(t.services.passports.withdraw(ctx(amina.actor), n.supervisor.userId))).code).toBe('not_found');
  });

  it('lets a named consultant or education contact write with the young person; a named company contact only reads', async () => {
    const { n, amina, education } = await setting();
    const p = await t.services.passports.saveMine(ctx(amina.actor), written);
    expect((await failure(t.services.passports.update(ctx(education), p.id, written))).code).toBe('not_found');
    for (const who of [education, n.consultant, n.supervisor])
      await t.services.passports.share(ctx(amina.actor), { recipientUserId: who.userId });
    expect((await t.services.passports.read(ctx(education), p.id)).canEdit).toBe(true);
    await t.services.passports.update(ctx(education), p.id, { ...written, support: 'Tydelige beskeder, skrevet ned.' });
    expect((await t.services.passports.mine(ctx(amina.actor))).passport?.support).toBe('Tydelige beskeder, skrevet ned.');
    expect((await failure(t.services.passports.update(ctx(n.supervisor), p.id, written))).code).toBe('not_found');
    // The young person's list names each reader once, and no longer offers them.
    const mine = await t.services.passports.mine(ctx(amina.actor));
    expect(mine.consents.map((c) => c.userId).sort()).toEqual([education.userId, n.consultant.userId, n.supervisor.userId].sort());
    expect(mine.candidates.some((c) => c.userId === education.userId)).toBe(false);
  });

  it("shows every read of the passport in the young person's access log, and the denials too", async () => {
    const { n, amina, otherContact } = await setting();
    const p = await t.services.passports.saveMine(ctx(amina.actor), written);
    await t.services.passports.share(ctx(amina.actor), { recipientUserId: n.supervisor.userId });
    await t.services.passports.read(ctx(n.supervisor), p.id);
    await t.services.passports.read(ctx(n.supervisor), p.id);
    await reads(otherContact, p.id);
    const log = await t.services.auditLog.listAboutMe(ctx(amina.actor));
    const passportReads = log.filter((e) => e.event.action === 'passport.read');
    expect(passportReads.map((e) => [e.event.actorUserId, e.event.outcome])).toEqual(
      expect.arrayContaining([
        [n.supervisor.userId, 'allowed'],
        [n.supervisor.userId, 'allowed'],
        [otherContact.userId, 'denied'],
      ]),
    );
    expect(passportReads.length).toBe(3);
    expect(log.some((e) => e.event.action === 'passport.share')).toBe(true);
  });

  it("refuses the young person's own actions to everyone else, and keeps the passport and its consents in one municipality", async () => {
    const { n, amina } = await setting();
    const p = await t.services.passports.saveMine(ctx(amina.actor), written);
    expect((await failure(t.services.passports.mine(ctx(n.consultant)))).code).toBe('not_found');
    expect((await failure(t.services.passports.share(ctx(n.consultant), { recipientUserId: n.consultant.userId }))).code).toBe('not_found');
    const [row] = await t.database.db.select().from(passports).where(eq(passports.id, p.id));
    const [y] = await t.database.db
      .select()
      .from(youth)
      .where(and(eq(youth.id, row!.youthId), eq(youth.municipalityId, n.m)));
    expect(y?.firstName).toBe('Amina');
    const denied = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'passport.own'), eq(auditEvents.outcome, 'denied'), eq(auditEvents.actorUserId, n.consultant.userId)),
      );
    expect(denied.length).toBe(2);
  });
});
