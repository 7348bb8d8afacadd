import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../src/platform/access/policy.ts';
import { auditEvents } from '../../src/platform/audit/audit.schema.ts';
import { companyContacts } from '../../src/modules/companies/companies.schema.ts';
import { notifications } from '../../src/modules/notifications/notifications.schema.ts';
import { networkGroups } from '../../src/modules/groups/groups.schema.ts';
import { type TestContext, createTestContext, ctx, failure, makeMunicipality, makeUser } from '../support/context.ts';

let t: TestContext;
let m: string;
let vejle: string;
let entrepreneur: Actor;
let vejleEntrepreneur: Actor;
const ids: Record<string, string> = {};
const contacts: Record<string, Actor> = {};

const company = (name: string, cvr: string) => ({
  name,
  cvr,
  tradeSection: 'C',
  address: '',
  postalCode: '',
  area: 'Roskilde',
  size: '10-49',
  whyJoined: '',
});

async function contactOf(companyId: string, municipalityId: string, name: string): Promise<Actor> {
  const u = await makeUser(t, [{ role: 'company_contact', municipalityId }], { name });
  await t.database.db.insert(companyContacts).values({ companyId, userId: u.userId });
  return { ...u, companyIds: [companyId] };
}

const plan = (over: Record<string, unknown> = {}) => ({
  theme: 'Fejl som læring',
  date: '2026-03-12',
  time: '9.30',
  minutes: '120',
  place: 'Rådhuset, mødelokale 2',
  agenda: 'Kaffe\nErfaringer fra praktikker',
  invite: 'all',
  ...over,
});

beforeAll(async () => {
  t = await createTestContext();
  t.clock.set('2026-03-02T09:00:00Z');
  m = (await makeMunicipality(t, 'Roskilde')).id;
  vejle = (await makeMunicipality(t, 'Vejle')).id;
  entrepreneur = await makeUser(t, [{ role: 'entrepreneur', municipalityId: m }]);
  vejleEntrepreneur = await makeUser(t, [{ role: 'entrepreneur', municipalityId: vejle }]);
  for (const [key, name, cvr, active] of [
    ['bager', 'Bageriet Søndergade ApS', '10000009', true],
    ['cykel', 'Cykelhandleren', '10000017', true],
    ['prospect', 'Frisør Lotte', '10000025', false],
  ] as const) {
    const c = await t.services.companies.create(ctx(entrepreneur), m, company(name, cvr));
    if (active) await t.services.companies.setStatus(ctx(entrepreneur), c.id, { status: 'active', note: '' });
    ids[key] = c.id;
  }
  // The same bakery (same CVR) is also in Vejle's network.
  const inVejle = await t.services.companies.create(ctx(vejleEntrepreneur), vejle, company('Bageriet Søndergade ApS', '10000009'));
  await t.services.companies.setStatus(ctx(vejleEntrepreneur), inVejle.id, { status: 'active', note: '' });
  ids.vejleBager = inVejle.id;
  contacts.lise = await contactOf(ids.bager!, m, 'Lise Bager');
  contacts.lars = await contactOf(ids.bager!, m, 'Lars Bager');
  contacts.bo = await contactOf(ids.cykel!, m, 'Bo Cykel');
  contacts.lotte = await contactOf(ids.prospect!, m, 'Lotte Frisør');
});
afterAll(() => t.close());

const audited = async (action: string) =>
  (
    await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.outcome, 'allowed')))
  ).length;

describe('company network meetings planned ahead', () => {
  let meetingId: string;

  it('refuses bad input with clear fields, changing nothing', async () => {
    const bad = await failure(
      t.services.networkMeetings.plan(ctx(entrepreneur), m, plan({ date: '2026-02-01', place: '', time: 'snart' })),
    );
    expect(bad.code).toBe('invalid');
    expect(bad.fields).toMatchObject({ place: 'validation.meeting_place', time: 'validation.time' });
    const past = await failure(t.services.networkMeetings.plan(ctx(entrepreneur), m, plan({ date: '2026-02-01' })));
    expect(past.fields).toEqual({ date: 'validation.meeting_past' });
    const foreign = await failure(
      t.services.networkMeetings.plan(ctx(entrepreneur), m, plan({ invite: 'chosen', companyIds: [ids.vejleBager] })),
    );
    expect(foreign.fields).toEqual({ companyIds: 'validation.invalid' });
    const none = await failure(t.services.networkMeetings.plan(ctx(entrepreneur), m, plan({ invite: 'chosen' })));
    expect(none.fields).toEqual({ companyIds: 'validation.meeting_companies' });
    const { upcoming, past: held } = await t.services.networkMeetings.list(ctx(entrepreneur), m);
    expect([...upcoming, ...held]).toHaveLength(0);
    // Only the company team plans.
    expect((await failure(t.services.networkMeetings.plan(ctx(contacts.lise!), m, plan()))).code).toMatch(/forbidden|not_found/);
  });

  it('the team plans a meeting, invites the active companies and their contacts are told', async () => {
    const meeting = await t.services.networkMeetings.plan(ctx(entrepreneur), m, plan());
    meetingId = meeting.id;
    expect(meeting.startsAt.toISOString()).toBe('2026-03-12T08:30:00.000Z'); // kl. 9.30 in Copenhagen
    const told = await t.database.db.select().from(notifications).where(eq(notifications.kind, 'network_meeting'));
    expect(told.map((n) => n.userId).sort()).toEqual([contacts.lise!.userId, contacts.lars!.userId, contacts.bo!.userId].sort());
    expect(told[0]!.params).toMatchObject({ title: 'Fejl som læring', date: '2026-03-12', time: '09:30' });
    const { upcoming } = await t.services.networkMeetings.list(ctx(entrepreneur), m);
    expect(upcoming).toMatchObject([{ theme: 'Fejl som læring', invited: 2, coming: 0, notComing: 0 }]);
    expect(await audited('network_meeting.plan')).toBe(1);
    expect(await audited('network_meeting.invite')).toBe(1);
  });

  it('only contacts of invited companies answer, each for themselves', async () => {
    expect(await t.services.networkMeetings.answer(ctx(contacts.lise!), meetingId, { response: 'coming' })).toBe('coming');
    await t.services.networkMeetings.answer(ctx(contacts.lars!), meetingId, { response: 'not_coming' });
    await t.services.networkMeetings.answer(ctx(contacts.bo!), meetingId, { response: 'coming' });
    // Changing one's mind replaces the answer.
    await t.services.networkMeetings.answer(ctx(contacts.bo!), meetingId, { response: 'not_coming' });
    // The prospect's contact was not invited; the team does not answer for a company; a bad answer is refused.
    expect((await failure(t.services.networkMeetings.answer(ctx(contacts.lotte!), meetingId, { response: 'coming' }))).code).toBe(
      'not_found',
    );
    expect((await failure(t.services.networkMeetings.get(ctx(contacts.lotte!), meetingId))).code).toBe('not_found');
    expect(await failure(t.services.networkMeetings.answer(ctx(entrepreneur), meetingId, { response: 'coming' }))).toMatchObject({
      code: expect.stringMatching(/forbidden|not_found/),
    });
    expect((await failure(t.services.networkMeetings.answer(ctx(contacts.lise!), meetingId, { response: 'måske' }))).fields).toEqual({
      response: 'validation.event_response',
    });
    expect(
      (await failure(t.services.networkMeetings.answer(ctx(contacts.lise!), meetingId, { response: 'coming', companyId: ids.cykel })))
        .fields,
    ).toEqual({ companyId: 'validation.invalid' });

    const team = await t.services.networkMeetings.get(ctx(entrepreneur), meetingId);
    expect(team.invited.map((c) => [c.name, c.answers.map((a) => `${a.name}:${a.response}`)])).toEqual([
      ['Bageriet Søndergade ApS', ['Lars Bager:not_coming', 'Lise Bager:coming']],
      ['Cykelhandleren', ['Bo Cykel:not_coming']],
    ]);
    // A contact sees their own company and answer, not the others'.
    const lise = await t.services.networkMeetings.get(ctx(contacts.lise!), meetingId);
    expect(lise.response).toBe('coming');
    expect(lise.invited.map((c) => c.name)).toEqual(['Bageriet Søndergade ApS']);
    expect(lise.invited[0]!.answers).toEqual([]);
    expect(await audited('network_meeting.answer')).toBe(4);
  });

  it("shows on the contact's home with a calendar file, and in their calendar unless they said no", async () => {
    const home = await t.services.home.company(ctx(contacts.lise!));
    expect(home.find((x) => x.kind === 'network_meeting_coming')).toMatchObject({
      href: `/network-meetings/${meetingId}`,
      calendar: `/network-meetings/${meetingId}/calendar.ics`,
      params: { title: 'Fejl som læring' },
    });
    expect((await t.services.home.company(ctx(contacts.lars!))).map((x) => x.kind)).toContain('network_meeting_not_coming');
    expect(await t.services.networkMeetings.mine(ctx(contacts.lise!))).toMatchObject([{ id: meetingId, response: 'coming' }]);
    const ics = await t.services.networkMeetings.ics(ctx(contacts.lise!), meetingId);
    expect(ics).toContain('SUMMARY:Fejl som læring');
    expect(ics).toContain('DTSTART:20260312T083000Z');
    expect(await t.services.networkMeetings.calendarFor(contacts.lise!.userId)).toHaveLength(1);
    expect(await t.services.networkMeetings.calendarFor(contacts.lars!.userId)).toHaveLength(0);
  });

  it('afterwards the team records which companies came; answers are then closed', async () => {
    expect(
      (await failure(t.services.networkMeetings.recordAttendance(ctx(entrepreneur), meetingId, { companyIds: [ids.bager] }))).code,
    ).toBe('conflict');
    t.clock.set('2026-03-12T10:00:00Z');
    expect((await failure(t.services.networkMeetings.answer(ctx(contacts.lise!), meetingId, { response: 'not_coming' }))).code).toBe(
      'conflict',
    );
    expect(
      (await failure(t.services.networkMeetings.recordAttendance(ctx(entrepreneur), meetingId, { companyIds: [ids.vejleBager] }))).fields,
    ).toEqual({ companyIds: 'validation.invalid' });
    expect(
      (await failure(t.services.networkMeetings.recordAttendance(ctx(contacts.lise!), meetingId, { companyIds: [ids.bager] }))).code,
    ).toMatch(/forbidden|not_found/);
    // The bakery came, the bike shop did not, and the hairdresser came uninvited.
    await t.services.networkMeetings.recordAttendance(ctx(entrepreneur), meetingId, { companyIds: [ids.bager, ids.prospect] });
    const { upcoming, past } = await t.services.networkMeetings.list(ctx(entrepreneur), m);
    expect(upcoming).toEqual([]);
    expect(past[0]).toMatchObject({ attended: 2, attendedNames: ['Bageriet Søndergade ApS', 'Frisør Lotte'] });
    expect(past[0]!.attendanceAt).not.toBeNull();
    const team = await t.services.networkMeetings.get(ctx(entrepreneur), meetingId);
    expect(team.invited.map((c) => [c.name, c.attended])).toEqual([
      ['Bageriet Søndergade ApS', true],
      ['Cykelhandleren', false],
      ['Frisør Lotte', true],
    ]);
    expect(await audited('network_meeting.attendance')).toBe(1);
    t.clock.set('2026-03-02T09:00:00Z');
  });
});

describe('a company in a second municipality, recognised by its CVR number', () => {
  it("the team sees the other municipality's name, and only that", async () => {
    const view = await t.services.companies.get(ctx(entrepreneur), ids.bager!);
    expect(view.alsoIn).toEqual(['Vejle']);
    expect((await t.services.companies.get(ctx(vejleEntrepreneur), ids.vejleBager!)).alsoIn).toEqual(['Roskilde']);
    expect((await t.services.companies.get(ctx(entrepreneur), ids.cykel!)).alsoIn).toEqual([]);
    // A company contact does not see the team's view of other municipalities.
    expect((await t.services.companies.get(ctx(contacts.lise!), ids.bager!)).alsoIn).toEqual([]);
  });

  it('counts distinct companies by CVR across municipalities for the programme lead only', async () => {
    const lead = await makeUser(t, [{ role: 'programme_lead', municipalityId: null }]);
    // Active: the bakery (Roskilde and Vejle: one company) and the bike shop; the prospect is not in the network.
    expect(await t.services.companies.countDistinctByCvr(ctx(lead))).toBe(2);
    expect(await t.services.companies.countDistinctByCvr(ctx(lead), ['active', 'prospect'])).toBe(3);
    expect((await failure(t.services.companies.countDistinctByCvr(ctx(entrepreneur)))).code).toMatch(/forbidden|not_found/);
  });
});

describe('a company visits a network group (seed 001)', () => {
  it("the group's team plans a company guest on a day the group meets; the company's contacts see it on their home", async () => {
    const consultant = await makeUser(t, [{ role: 'network_consultant', municipalityId: m }]);
    const [group] = await t.database.db
      .insert(networkGroups)
      .values({ municipalityId: m, name: 'Gruppe 1', meetsWeekday: 4, meetsAt: '14:00', meetsPlace: 'Ungehuset', createdAt: t.clock.now() })
      .returning();
    // Thursday 5 March 2026 is a meeting day; Wednesday is not; last week is past; Vejle's bakery is not Roskilde's.
    const bad = await failure(
      t.services.groups.inviteCompanyGuest(ctx(consultant), group!.id, { heldOn: '2026-03-04', companyId: ids.vejleBager }),
    );
    expect(bad.fields).toEqual({ heldOn: 'validation.guest_weekday', companyId: 'validation.guest_company' });
    expect(
      (await failure(t.services.groups.inviteCompanyGuest(ctx(consultant), group!.id, { heldOn: '2026-02-26', companyId: ids.bager })))
        .fields,
    ).toEqual({ heldOn: 'validation.guest_past' });
    expect(
      (await failure(t.services.groups.inviteCompanyGuest(ctx(contacts.lise!), group!.id, { heldOn: '2026-03-05', companyId: ids.bager })))
        .code,
    ).toMatch(/forbidden|not_found/);
    await t.services.groups.inviteCompanyGuest(ctx(consultant), group!.id, {
      heldOn: '2026-03-05',
      companyId: ids.bager,
      note: 'Om bagerfaget',
    });
    expect((await t.services.groups.companyGuests(ctx(consultant), group!.id)).visits).toMatchObject([
      { heldOn: '2026-03-05', company: 'Bageriet Søndergade ApS', note: 'Om bagerfaget' },
    ]);
    const home = await t.services.home.company(ctx(contacts.lars!));
    expect(home.find((x) => x.kind === 'group_visit')).toMatchObject({
      due: '2026-03-05',
      params: { group: 'Gruppe 1', place: 'Ungehuset', company: 'Bageriet Søndergade ApS' },
    });
    expect((await t.services.home.company(ctx(contacts.bo!))).map((x) => x.kind)).not.toContain('group_visit');
    expect(await audited('group.company_guest')).toBe(1);
  });
});
