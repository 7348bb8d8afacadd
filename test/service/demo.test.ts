import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DEMO_PASSWORD, demoAccounts, demoEmail, demoMunicipalities, demoWithOfferEmail } from '../../src/modules/demo/demo-accounts.ts';
import { seedDemo } from '../../src/modules/demo/seed.ts';
import { isValidCvr } from '../../src/modules/companies/cvr.ts';
import { companies } from '../../src/modules/companies/companies.schema.ts';
import { trialOutcomes } from '../../src/modules/evaluation/trials.schema.ts';
import { groupPostReplies, groupPosts } from '../../src/modules/groups/groups.schema.ts';
import { youthCheckins } from '../../src/modules/internships/internships.schema.ts';
import { movementAssessments } from '../../src/modules/movement/movement.schema.ts';
import { movementReports } from '../../src/modules/reports/reports.schema.ts';
import { type TestContext, createTestContext, ctx } from '../support/context.ts';

let t: TestContext;
let seededFirst = false;
beforeAll(async () => {
  t = await createTestContext();
  seededFirst = await seedDemo(t.database.db, t.clock.now(), t.services.sealer);
});
afterAll(() => t.close());

describe('demo network', () => {
  it('is seeded once: a second run changes nothing', async () => {
    expect(seededFirst).toBe(true);
    expect(await seedDemo(t.database.db, t.clock.now(), t.services.sealer)).toBe(false);
  });

  it('every demo log-in works and holds the role it is listed with', async () => {
    for (const account of demoAccounts()) {
      const { sessionToken } = await t.services.accounts.signInWithPassword(
        ctx(null),
        { email: account.email, password: DEMO_PASSWORD },
        '10.0.0.1',
      );
      const resolved = await t.services.accounts.resolveSession(sessionToken);
      expect(resolved?.actor.memberships.map((m) => m.role)).toContain(account.role);
    }
  });

  it("gives every role's home real items: offers, messages, check-ins, answers to give", async () => {
    const roskilde = demoMunicipalities[0]!;
    const actorOf = async (email: string) => {
      const { sessionToken } = await t.services.accounts.signInWithPassword(ctx(null), { email, password: DEMO_PASSWORD }, '10.0.0.3');
      return (await t.services.accounts.resolveSession(sessionToken))!.actor;
    };
    const kinds = (items: { kind: string }[]) => new Set(items.map((x) => x.kind));
    const withOffer = kinds((await t.services.home.youth(ctx(await actorOf(demoWithOfferEmail(roskilde))))).items);
    expect(withOffer.has('offer')).toBe(true);
    const inInternship = kinds((await t.services.home.youth(ctx(await actorOf(demoEmail('youth', roskilde))))).items);
    expect(inInternship.has('group_meeting')).toBe(true);
    const company = kinds(await t.services.home.company(ctx(await actorOf(demoEmail('company_contact', roskilde)))));
    for (const kind of ['wishes_waiting', 'offer_waiting', 'unread_messages', 'network_meeting', 'group_visit'])
      expect(company.has(kind), kind).toBe(true);
    // The jobcentre caseworker's home: their own young people and the reports sent to them.
    const casework = await t.services.home.caseworker(ctx(await actorOf(demoEmail('caseworker', roskilde))));
    expect(casework.youth.length).toBeGreaterThan(10);
    expect(casework.reports.length).toBeGreaterThan(0);
    for (const role of ['network_consultant', 'entrepreneur', 'youth_counsellor', 'team_leader'] as const) {
      const actor = await actorOf(demoEmail(role, roskilde));
      const items = await t.services.home.team(ctx(actor), actor.memberships[0]!.municipalityId!, []);
      expect(items.length, role).toBeGreaterThan(0);
    }
  });

  it("shows each team its figures against the model's targets", async () => {
    const leader = demoEmail('team_leader', demoMunicipalities[0]!);
    const { sessionToken } = await t.services.accounts.signInWithPassword(
      ctx(null),
      { email: leader, password: DEMO_PASSWORD },
      '10.0.0.2',
    );
    const actor = (await t.services.accounts.resolveSession(sessionToken))!.actor;
    const data = await t.services.dashboard.team(ctx(actor), actor.memberships[0]!.municipalityId!);
    expect(data.municipality.name).toBe('Roskilde');
    expect(data.youth).toBe(42);
    expect(data.activeCompanies).toBe(48);
    expect(data.capacityReached).toBe(false);
    const published = (await t.services.openings.search(ctx(actor), data.municipality.id, {})).total;
    expect(data.publishedOpenings).toBe(published);
    expect(data.publishedOpenings).toBeGreaterThan(30);
    expect(data.seats).toBeGreaterThanOrEqual(data.publishedOpenings);
    expect(Object.fromEntries(data.team.map((r) => [r.role, r.count]))).toEqual({
      team_leader: 1,
      network_consultant: 3,
      youth_counsellor: 3,
      psychologist: 1,
      entrepreneur: 1,
      municipality_admin: 1,
    });
    const rows = await t.database.db.select().from(companies).where(eq(companies.municipalityId, data.municipality.id));
    expect(rows).toHaveLength(60);
    expect(rows.every((c) => isValidCvr(c.cvr))).toBe(true);
  });

  it('the demo young person has a team and an internship conversation; the company contact has unread messages', async () => {
    const actorOf = async (email: string) => {
      const { sessionToken } = await t.services.accounts.signInWithPassword(ctx(null), { email, password: DEMO_PASSWORD }, '10.0.0.3');
      return (await t.services.accounts.resolveSession(sessionToken))!.actor;
    };
    const roskilde = demoMunicipalities[0]!;
    const young = await actorOf(demoEmail('youth', roskilde));
    expect((await t.services.messages.mine(ctx(young))).map((c) => c.kind)).toEqual(['internship', 'team']);
    const contact = await actorOf(demoEmail('company_contact', roskilde));
    const summary = await t.services.messages.unreadSummary(ctx(contact));
    expect(summary.unread).toBe(2);
    expect(summary.conversations.map((c) => c.kind)).toEqual(['internship']);
    const thread = await t.services.messages.thread(ctx(contact), summary.conversations[0]!.id);
    expect(thread.messages.map((m) => m.side)).toEqual(['youth', 'company', 'youth', 'team']);
  });

  it('dates nothing in the future: check-ins, posts, replies, scores, reports and outcomes (#15)', async () => {
    // The test clock is a Monday at 9.00: this week's check-in must not be dated Friday.
    const now = t.clock.now().getTime();
    const db = t.database.db;
    const times = [
      ...(await db.select({ at: youthCheckins.submittedAt }).from(youthCheckins)),
      ...(await db.select({ at: groupPosts.createdAt }).from(groupPosts)),
      ...(await db.select({ at: groupPostReplies.createdAt }).from(groupPostReplies)),
      ...(await db.select({ at: movementAssessments.createdAt }).from(movementAssessments)),
      ...(await db.select({ at: movementReports.sentAt }).from(movementReports)),
      ...(await db.select({ at: trialOutcomes.recordedAt }).from(trialOutcomes)),
    ].flatMap((r) => (r.at ? [r.at.getTime()] : []));
    expect(times.length).toBeGreaterThan(20);
    expect(times.filter((at) => at > now).map((at) => new Date(at).toISOString())).toEqual([]);
  });
});

describe('demo network meetings (decision 0031)', () => {
  it('each team has a meeting ahead with some answers and one held with attendance', async () => {
    for (const dm of demoMunicipalities) {
      const { sessionToken } = await t.services.accounts.signInWithPassword(
        ctx(null),
        { email: demoEmail('entrepreneur', dm), password: DEMO_PASSWORD },
        '10.0.0.4',
      );
      const actor = (await t.services.accounts.resolveSession(sessionToken))!.actor;
      const { upcoming, past } = await t.services.networkMeetings.list(ctx(actor), actor.memberships[0]!.municipalityId!);
      expect(upcoming, dm.name).toHaveLength(1);
      expect(upcoming[0]!.coming + upcoming[0]!.notComing).toBeGreaterThan(0);
      expect(past[0]!.attended).toBeGreaterThan(0);
    }
  });
});
