import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, ctx, makeUser } from '../support/context.ts';
import { makeNetwork, startedInternship } from '../support/internships.ts';
import type { HomeItem } from '../../src/modules/home/home.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
// Monday 2 March 2026, morning in Copenhagen.
beforeEach(() => t.clock.set('2026-03-02T09:00:00Z'));

const DAY = 86_400_000;
const kinds = (items: HomeItem[]) => items.map((x) => x.kind);
const allWeek = { mon: 'met', tue: 'met', wed: 'met', thu: 'met', fri: 'met' };

describe("the young person's home", () => {
  it('leads with the next step of the journey, then with an offer to answer; answering removes it', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const home = () => t.services.home.youth(ctx(amina.actor)).then((h) => h.items);
    // Nothing to answer yet: fill in the profile first.
    expect(kinds(await home())).toEqual(['next_profile']);
    await t.services.youth.updateMyProfile(ctx(amina.actor), {
      wishToTry: 'Noget med maskiner',
      goodAt: 'Jeg er mødestabil',
      mattersAtWork: '',
      practicalHours: '',
      practicalTransport: '',
    });
    expect(kinds(await home())).toEqual(['next_wishes']);
    await t.services.wishes.add(ctx(amina.actor), { openingId: n.opening.id });
    expect(await home()).toMatchObject([{ kind: 'next_wait', params: { count: 1 } }]);

    const offer = await t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: amina.id, openingId: n.opening.id });
    const withOffer = await home();
    expect(withOffer).toEqual([
      {
        kind: 'offer',
        href: `/me/offers#offer-${offer.id}`,
        params: { company: n.company.name, title: n.opening.title },
        due: '2026-03-07',
        urgent: false,
      },
    ]);
    await t.services.offers.answer(ctx(amina.actor), offer.id, { decision: 'accept' });
    // The planned internship and its start replace the offer.
    expect(await home()).toMatchObject([{ kind: 'internship_planned', due: '2026-03-02', params: { company: n.company.name } }]);
  });

  it('asks for the weekly check-in during an internship until it is given, and shows praise from the company', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const i = await startedInternship(t, n, amina.id);
    expect(kinds((await t.services.home.youth(ctx(amina.actor))).items)).toContain('internship_checkin');
    await t.services.feedback.checkin(ctx(amina.actor), { wellbeing: '4', workplace: '4', network: '3', comment: '' });
    expect(kinds((await t.services.home.youth(ctx(amina.actor))).items)).not.toContain('internship_checkin');
    await t.services.feedback.submit(ctx(n.supervisor), i.id, {
      week: '2026-03-02',
      attendance: allWeek,
      didWell: 'Flot arbejde med pumperne',
    });
    expect(kinds((await t.services.home.youth(ctx(amina.actor))).items)).toContain('recognition');
    // A week later the praise is old news and a new check-in is due.
    t.clock.advance(8 * DAY);
    const later = kinds((await t.services.home.youth(ctx(amina.actor))).items);
    expect(later).toContain('internship_checkin');
    expect(later).not.toContain('recognition');
  });

  it('asks the young person to confirm an internship the team planned, until they do', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const i = await t.services.internships.plan(ctx(n.consultant), n.m, {
      youthId: amina.id,
      openingId: n.opening.id,
      chosenOn: '2026-03-02',
      agreedStart: '2026-03-09',
      weeklyHours: '20',
    });
    const before = (await t.services.home.youth(ctx(amina.actor))).items;
    expect(before[0]).toEqual({
      kind: 'internship_confirm',
      href: '/me/internships#confirm-title',
      params: { company: n.company.name },
      urgent: true,
    });
    await t.services.internships.confirm(ctx(amina.actor), i.id);
    expect(kinds((await t.services.home.youth(ctx(amina.actor))).items)).toEqual(['internship_planned']);
  });

  it('is only ever the young person’s own', async () => {
    const n = await makeNetwork(t);
    await expect(t.services.home.youth(ctx(n.consultant))).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe("the company contact's home", () => {
  it('lists wishes awaiting an answer, offers awaiting the young person, interns starting and feedback due', async () => {
    const n = await makeNetwork(t);
    const [amina, bo] = [await n.young('Amina'), await n.young('Bo')];
    const home = () => t.services.home.company(ctx(n.supervisor));
    await t.services.wishes.add(ctx(amina.actor), { openingId: n.opening.id });
    expect(await home()).toEqual([
      {
        kind: 'wishes_waiting',
        href: `/companies/${n.company.id}/wishes#opening-${n.opening.id}`,
        params: { count: 1, title: n.opening.title },
        urgent: true,
      },
      // Two seats, none taken.
      { kind: 'free_seats', href: `/openings/${n.opening.id}`, params: { title: n.opening.title, free: 2, seats: 2 } },
    ]);
    // Answering removes the wish from the list.
    await t.services.wishes.answer(ctx(n.supervisor), n.opening.id, { youthId: amina.id, answer: 'can_take', tier: '1' });
    expect(kinds(await home())).toEqual(['free_seats']);

    const offer = await t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: bo.id, openingId: n.opening.id });
    expect(await home()).toContainEqual({
      kind: 'offer_waiting',
      href: `/companies/${n.company.id}/offers#offer-${offer.id}`,
      params: { youth: 'Bo', title: n.opening.title },
      due: '2026-03-07',
    });
    await t.services.offers.answer(ctx(bo.actor), offer.id, { decision: 'accept' });
    const afterAccept = await home();
    expect(kinds(afterAccept)).not.toContain('offer_waiting');
    expect(afterAccept).toContainEqual(expect.objectContaining({ kind: 'intern_starting', params: { youth: 'Bo' }, due: '2026-03-02' }));
    // One of two seats left.
    expect(afterAccept).toContainEqual(
      expect.objectContaining({ kind: 'free_seats', params: { title: n.opening.title, free: 1, seats: 2 } }),
    );
  });

  it('asks for last week’s feedback per intern until it is given', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const i = await startedInternship(t, n, amina.id); // first day Monday 2 March
    expect(kinds(await t.services.home.company(ctx(n.supervisor)))).not.toContain('feedback_due');
    t.clock.set('2026-03-06T12:00:00Z'); // Friday: this week's feedback is due
    expect(await t.services.home.company(ctx(n.supervisor))).toContainEqual(
      expect.objectContaining({ kind: 'feedback_due', params: { youth: 'Amina' }, due: '2026-03-02' }),
    );
    await t.services.feedback.submit(ctx(n.supervisor), i.id, { week: '2026-03-02', attendance: allWeek });
    expect(kinds(await t.services.home.company(ctx(n.supervisor)))).not.toContain('feedback_due');
  });

  it('shows nothing of another company', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    await t.services.wishes.add(ctx(amina.actor), { openingId: n.opening.id });
    const other = await makeUser(t, [{ role: 'company_contact', municipalityId: n.m }]);
    expect(await t.services.home.company(ctx({ ...other, companyIds: [] }))).toEqual([]);
  });
});

describe("the team's home", () => {
  it('gives the consultant the open offers and the referred young people who have not started', async () => {
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    expect(kinds(await t.services.home.team(ctx(n.consultant), n.m, []))).toEqual([]);
    await t.services.offers.make(ctx(n.supervisor), n.company.id, { youthId: amina.id, openingId: n.opening.id });
    expect(await t.services.home.team(ctx(n.consultant), n.m, [])).toEqual([
      { kind: 'offers_open', href: `/offers?m=${n.m}`, params: { count: 1 } },
    ]);
    // The counsellor's home leads with their week.
    expect(kinds(await t.services.home.team(ctx(n.counsellor), n.m, []))[0]).toBe('counsellor_week');
  });

  it('gives the entrepreneur contact-log steps due and openings nobody wished for', async () => {
    const n = await makeNetwork(t);
    // A prospect's openings are not in the directory yet: nobody could wish for them.
    expect(kinds(await t.services.home.team(ctx(n.entrepreneur), n.m, []))).not.toContain('unwished_seats');
    await t.services.companies.setStatus(ctx(n.entrepreneur), n.company.id, { status: 'active', note: '' });
    const items = await t.services.home.team(ctx(n.entrepreneur), n.m, []);
    expect(items).toContainEqual({
      kind: 'unwished_seats',
      href: `/openings/${n.opening.id}`,
      params: { title: n.opening.title, company: n.company.name },
    });
    await t.services.companies.logContact(ctx(n.entrepreneur), n.company.id, {
      kind: 'call',
      summary: 'Talte om en plads mere',
      nextStep: 'Ring igen om lageret',
      nextStepDue: '2026-03-03',
    });
    expect(await t.services.home.team(ctx(n.entrepreneur), n.m, [])).toContainEqual(
      expect.objectContaining({
        kind: 'contact_step',
        params: { company: n.company.name, step: 'Ring igen om lageret' },
        due: '2026-03-03',
      }),
    );
  });

  it('is refused outside the team', async () => {
    const n = await makeNetwork(t);
    await expect(t.services.home.team(ctx(n.supervisor), n.m, [])).rejects.toMatchObject({ code: 'not_found' });
  });
});
