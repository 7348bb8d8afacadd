import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { movementAssessments } from '../../src/modules/movement/movement.schema.ts';
import { type TestContext, createTestContext, ctx, failure, makeUser } from '../support/context.ts';
import { makeNetwork } from '../support/internships.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-02T09:00:00Z'));

const scores = (direction: number) => ({ direction, persistence: 5, curiosity: 5, resilience: 5, selfEsteem: 5 });

describe("ViVirk'R partnerships", () => {
  it('registers an institution, its contact and an agreement; lists young people and counts those closer against the target', async () => {
    const n = await makeNetwork(t);
    const leader = await makeUser(t, [{ role: 'team_leader', municipalityId: n.m }]);
    const contact = await makeUser(t, [{ role: 'education_contact', municipalityId: n.m }], { name: 'Ulla Uddannelse' });
    const otherContact = await makeUser(t, [{ role: 'education_contact', municipalityId: n.m }]);
    const stu = await t.services.partners.createInstitution(ctx(leader), n.m, { name: 'STU Roskilde' });
    expect((await failure(t.services.partners.createInstitution(ctx(leader), n.m, { name: 'stu roskilde' }))).code).toBe('conflict');
    await t.services.partners.addContact(ctx(leader), stu.id, { userId: contact.userId });
    const bad = await failure(
      t.services.partners.create(ctx(leader), n.m, { institutionId: stu.id, startsOn: '2026-03-01', endsOn: '2026-01-01' }),
    );
    expect(bad.fields).toEqual({ endsOn: 'validation.partnership_period' });
    const p = await t.services.partners.create(ctx(leader), n.m, {
      institutionId: stu.id,
      startsOn: '2026-03-01',
      endsOn: '',
      status: 'active',
      developmentGroup: 'Ulla Uddannelse, STU\nNina Konsulent, jobcentret',
    });
    expect([p.targetYouth, p.endsOn]).toEqual([10, null]);

    const amina = await n.young('Amina');
    const bo = await n.young('Bo');
    for (const y of [amina, bo]) await t.services.partners.addYouth(ctx(leader), p.id, { youthId: y.id });
    // Amina rated her direction higher at the end than at the start; Bo the same.
    await t.database.db.insert(movementAssessments).values([
      { municipalityId: n.m, youthId: amina.id, assessedOn: '2026-03-02', source: 'youth', scores: scores(3), createdAt: t.clock.now() },
      { municipalityId: n.m, youthId: amina.id, assessedOn: '2026-06-02', source: 'youth', scores: scores(7), createdAt: t.clock.now() },
      { municipalityId: n.m, youthId: bo.id, assessedOn: '2026-03-02', source: 'youth', scores: scores(5), createdAt: t.clock.now() },
      { municipalityId: n.m, youthId: bo.id, assessedOn: '2026-06-02', source: 'youth', scores: scores(5), createdAt: t.clock.now() },
    ]);
    const page = await t.services.partners.get(ctx(contact), p.id);
    expect([page.partnership.youthCount, page.partnership.closerCount, page.partnership.targetYouth, page.canManage]).toEqual([
      2,
      1,
      10,
      false,
    ]);
    expect(page.members.map((m) => [m.firstName, m.closer])).toEqual([
      ['Amina', true],
      ['Bo', false],
    ]);
    // Each young person listed is in their own access log.
    const log = await t.services.auditLog.listAboutMe(ctx(amina.actor));
    expect(log.some((e) => e.event.action === 'partnership.read' && e.event.actorUserId === contact.userId)).toBe(true);

    // Who reaches it: the institution's own contact and the youth team; not another institution's contact,
    // not a company contact, not another municipality.
    const elsewhere = await makeNetwork(t);
    const reach = async (who: Parameters<typeof ctx>[0]) =>
      t.services.partners.get(ctx(who), p.id).then(
        () => 'read',
        (e: { code?: string }) => e.code,
      );
    expect({
      contact: await reach(contact),
      consultant: await reach(n.consultant),
      otherContact: await reach(otherContact),
      company: await reach(n.supervisor),
      elsewhere: await reach(elsewhere.consultant),
    }).toEqual({ contact: 'read', consultant: 'read', otherContact: 'not_found', company: 'not_found', elsewhere: 'not_found' });
    expect((await t.services.partners.list(ctx(contact))).map((x) => x.id)).toEqual([p.id]);
    expect(await t.services.partners.list(ctx(otherContact))).toEqual([]);
    // Only the team manages: the education contact cannot add young people.
    expect((await failure(t.services.partners.addYouth(ctx(contact), p.id, { youthId: amina.id }))).code).toBe('not_found');
    // A young person of another municipality cannot be added.
    const far = await elsewhere.young('Cecilie');
    expect((await failure(t.services.partners.addYouth(ctx(leader), p.id, { youthId: far.id }))).fields).toEqual({
      youthId: 'validation.partnership_youth',
    });
  });

  it('hands a young person over: the contact asks, the team refers through the youth rules (CPR), and they join the partnership', async () => {
    const n = await makeNetwork(t);
    const leader = await makeUser(t, [{ role: 'team_leader', municipalityId: n.m }]);
    const contact = await makeUser(t, [{ role: 'education_contact', municipalityId: n.m }]);
    const stu = await t.services.partners.createInstitution(ctx(leader), n.m, { name: 'STU Nord' });
    await t.services.partners.addContact(ctx(leader), stu.id, { userId: contact.userId });
    const p = await t.services.partners.create(ctx(leader), n.m, { institutionId: stu.id, startsOn: '2026-03-01' });

    // Only the institution's own contact hands over; the team does not (it refers directly).
    expect((await failure(t.services.partners.requestHandover(ctx(n.consultant), p.id, {}))).code).toBe('not_found');
    const bad = await failure(t.services.partners.requestHandover(ctx(contact), p.id, { firstName: 'Dina', lastName: 'Berg', email: 'x' }));
    expect(bad.fields).toEqual({ email: 'validation.email' });
    const h = await t.services.partners.requestHandover(ctx(contact), p.id, {
      firstName: 'Dina',
      lastName: 'Berg',
      email: 'dina.berg@nextwork.test',
      note: 'God til dyr. Har brug for en fast plan.',
    });
    expect((await t.services.partners.get(ctx(contact), p.id)).handovers.map((x) => x.firstName)).toEqual(['Dina']);
    expect((await t.services.partners.pendingHandovers(ctx(contact))).length).toBe(1);

    // The education contact cannot accept; the team's referral with a bad CPR number changes nothing.
    const referral = { cpr: '150605-4999', referringCaseworker: 'Jens Jobcenter', referredOn: '2026-03-02', hoursPossible: '20' };
    expect((await failure(t.services.partners.acceptHandover(ctx(contact), h.id, referral, 'da'))).code).toBe('not_found');
    const badCpr = await failure(t.services.partners.acceptHandover(ctx(leader), h.id, { ...referral, cpr: '1234' }, 'da'));
    expect(badCpr.fields).toMatchObject({ cpr: 'validation.cpr' });
    expect((await t.services.partners.get(ctx(leader), p.id)).members).toEqual([]);

    const { youthId } = await t.services.partners.acceptHandover(ctx(leader), h.id, referral, 'da');
    const page = await t.services.partners.get(ctx(contact), p.id);
    expect([page.members.map((m) => [m.youthId, m.firstName]), page.handovers]).toEqual([[[youthId, 'Dina']], []]);
    // Referred by the youth module: sealed CPR, never the digits in the record.
    const y = await t.services.youth.get(ctx(leader), youthId);
    expect(JSON.stringify(y)).not.toContain('4999');
    // Accepting twice: the hand-over is taken.
    expect((await failure(t.services.partners.acceptHandover(ctx(leader), h.id, referral, 'da'))).code).toBe('conflict');
  });
});
