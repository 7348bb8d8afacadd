import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/platform/access/policy.ts';
import { AppError } from '../../src/platform/errors.ts';
import { desc } from 'drizzle-orm';
import { companyContacts } from '../../src/modules/companies/companies.schema.ts';
import { outboxMessages } from '../../src/platform/mail/mail.schema.ts';
import { type TestContext, createTestContext, ctx, failure, makeMunicipality, makeUser } from '../support/context.ts';

let t: TestContext;
let m: string;
let other: string;
let entrepreneur: Actor;
let youth: Actor;
beforeAll(async () => {
  t = await createTestContext();
  m = (await makeMunicipality(t, 'Roskilde')).id;
  other = (await makeMunicipality(t, 'Vejle')).id;
  entrepreneur = await makeUser(t, [{ role: 'entrepreneur', municipalityId: m }]);
  youth = await makeUser(t, [{ role: 'youth', municipalityId: m }]);
});
afterAll(() => t.close());

const company = (over: Record<string, string> = {}) => ({
  name: 'Roskilde Kraftvarmeværk',
  cvr: '10150817',
  tradeSection: 'D',
  address: 'Energivej 1',
  postalCode: '4000',
  area: 'Roskilde',
  size: '50-249',
  whyJoined: 'Vi vil give unge en chance.',
  ...over,
});
const opening = (over: Record<string, string> = {}) => ({
  title: 'Hjælper på kraftvarmeværket',
  tasks: 'Du hjælper teknikerne med at tjekke pumper og holde værkstedet ryddeligt.',
  place: 'Energivej 1, Roskilde',
  weeklyHours: '20',
  durationMonths: '3',
  seats: '2',
  startFrom: '2026-04-01',
  learning: 'Sikkerhed, værktøj og at arbejde i et team.',
  published: 'on',
  ...over,
});

describe('companies', () => {
  it('the entrepreneur recruits a prospect, moves it to active with history, and logs contact', async () => {
    const c = await t.services.companies.create(ctx(entrepreneur), m, company());
    expect(c).toMatchObject({ networkStatus: 'prospect', cvr: '10150817' });
    await t.services.companies.logContact(ctx(entrepreneur), c.id, {
      kind: 'call',
      summary: 'Talte med direktøren',
      nextStep: 'Besøg',
      nextStepDue: '2026-03-10',
    });
    await t.services.companies.setStatus(ctx(entrepreneur), c.id, { status: 'onboarding', note: 'Møde holdt' });
    t.clock.advanceMinutes(60);
    await t.services.companies.setStatus(ctx(entrepreneur), c.id, { status: 'active', note: '' });
    const view = await t.services.companies.get(ctx(entrepreneur), c.id);
    expect(view.company.networkStatus).toBe('active');
    expect(view.internal!.history.map((h) => h.toStatus)).toEqual(['active', 'onboarding', 'prospect']);
    expect(view.internal!.contactLog[0]).toMatchObject({ kind: 'call', nextStep: 'Besøg', nextStepDue: '2026-03-10' });
    expect((await failure(t.services.companies.setStatus(ctx(entrepreneur), c.id, { status: 'active', note: '' }))).fields).toEqual({
      status: 'validation.status_same',
    });
  });

  it('refuses invalid CVR numbers and duplicates, changing nothing', async () => {
    const bad = await failure(t.services.companies.create(ctx(entrepreneur), m, company({ cvr: '10150818', name: 'X', postalCode: '40' })));
    expect(bad.fields).toEqual({ cvr: 'validation.cvr', name: 'validation.company_name', postalCode: 'validation.postal_code' });
    const dup = await failure(t.services.companies.create(ctx(entrepreneur), m, company({ name: 'Et andet navn' })));
    expect(dup.code).toBe('conflict');
    expect(dup.fields).toEqual({ cvr: 'errors.cvr_taken' });
    expect(
      (await failure(t.services.companies.create(ctx(entrepreneur), m, company({ whyJoined: 'x'.repeat(2001), cvr: '12345674' })))).fields,
    ).toEqual({ whyJoined: 'validation.text_long' });
    const list = await t.services.companies.list(ctx(entrepreneur), m, {});
    expect(list.total).toBe(1);
  });

  it('a young person reads the profile but not the CRM, and cannot edit; other municipalities see nothing', async () => {
    const c = (await t.services.companies.list(ctx(entrepreneur), m, {})).rows[0]!;
    const view = await t.services.companies.get(ctx(youth), c.id);
    expect(view.internal).toBeNull();
    expect(view.canEdit).toBe(false);
    expect((await failure(t.services.companies.update(ctx(youth), c.id, company()))).code).toBe('not_found');
    const stranger = await makeUser(t, [{ role: 'team_leader', municipalityId: other }]);
    expect((await failure(t.services.companies.get(ctx(stranger), c.id))).code).toBe('not_found');
    expect((await failure(t.services.companies.list(ctx(youth), m, {}))).code).toBe('not_found');
  });

  it('a company contact edits their own company and openings, not another company', async () => {
    const own = await t.services.companies.create(
      ctx(entrepreneur),
      m,
      company({ name: 'Bageriet Søndergade', cvr: '12345674', tradeSection: 'C' }),
    );
    const theirs = await t.services.companies.create(
      ctx(entrepreneur),
      m,
      company({ name: 'Cykelhandleren', cvr: '31000017', tradeSection: 'G' }),
    );
    const contactUser = await makeUser(t, [{ role: 'company_contact', municipalityId: m }]);
    await t.database.db.insert(companyContacts).values({ companyId: own.id, userId: contactUser.userId });
    const contact = { ...contactUser, companyIds: [own.id] };
    await t.services.companies.update(
      ctx(contact),
      own.id,
      company({ name: 'Bageriet Søndergade ApS', cvr: '12345674', tradeSection: 'C' }),
    );
    expect((await t.services.companies.get(ctx(contact), own.id)).company.name).toBe('Bageriet Søndergade ApS');
    expect((await failure(t.services.companies.update(ctx(contact), theirs.id, company({ cvr: '31000017' })))).code).toBe('not_found');
    const o = await t.services.openings.create(
      ctx(contact),
      own.id,
      opening({ title: 'Bagerlærling for en tid', supervisorUserId: contactUser.userId }),
    );
    expect(o.supervisorUserId).toBe(contactUser.userId);
    expect((await failure(t.services.openings.create(ctx(contact), theirs.id, opening()))).code).toBe('not_found');
    expect(
      (await failure(t.services.openings.create(ctx(contact), own.id, opening({ supervisorUserId: entrepreneur.userId })))).fields,
    ).toEqual({ supervisorUserId: 'validation.supervisor' });
  });

  it('the team invites a contact person, who becomes a contact of that company on accepting', async () => {
    const c = (await t.services.companies.list(ctx(entrepreneur), m, { q: 'Cykelhandleren' })).rows[0]!;
    await t.services.companies.inviteContact(ctx(entrepreneur), c.id, { name: 'Lise Lund', email: 'lise@cykler.test' }, 'da');
    const [mail] = await t.database.db.select().from(outboxMessages).orderBy(desc(outboxMessages.at)).limit(1);
    const token = /\/invitations\/([\w-]+)/.exec(mail!.text)![1]!;
    const { sessionToken } = await t.services.accounts.acceptInvitation(ctx(null), token, {
      password: 'lang nok kode',
      passwordRepeat: 'lang nok kode',
    });
    const lise = (await t.services.accounts.resolveSession(sessionToken))!.actor;
    expect(lise.companyIds).toEqual([c.id]);
    expect((await t.services.companies.get(ctx(lise), c.id)).canEdit).toBe(true);
    expect((await failure(t.services.companies.inviteContact(ctx(youth), c.id, { name: 'X Y', email: 'x@y.test' }, 'da'))).code).toBe(
      'not_found',
    );
  });

  it('validates openings: at least 15 hours a week, seats, dates', async () => {
    const c = (await t.services.companies.list(ctx(entrepreneur), m, {})).rows[0]!;
    const err = await failure(
      t.services.openings.create(ctx(entrepreneur), c.id, opening({ weeklyHours: '10', seats: '0', startFrom: '1. april' })),
    );
    expect(err.fields).toEqual({ weeklyHours: 'validation.hours', seats: 'validation.seats', startFrom: 'validation.date' });
  });

  it('records network meetings held with the companies that attended', async () => {
    const ids = (await t.services.companies.list(ctx(entrepreneur), m, {})).rows.map((r) => r.id);
    await t.services.networkMeetings.recordHeld(ctx(entrepreneur), m, {
      heldOn: '2026-01-05',
      theme: 'Fejl som læring',
      companyIds: ids.slice(0, 2),
    });
    const { past, companies } = await t.services.networkMeetings.list(ctx(entrepreneur), m);
    expect(companies.map((c) => c.name)).toEqual(['Bageriet Søndergade ApS', 'Cykelhandleren', 'Roskilde Kraftvarmeværk']);
    expect(past[0]).toMatchObject({ theme: 'Fejl som læring', attended: 2 });
    expect(past[0]!.attendedNames).toHaveLength(2);
    const foreign = await t.services.companies.create(
      ctx(await makeUser(t, [{ role: 'entrepreneur', municipalityId: other }])),
      other,
      company({ cvr: '10000009' }),
    );
    expect(
      (
        await failure(
          t.services.networkMeetings.recordHeld(ctx(entrepreneur), m, { heldOn: '2026-01-06', theme: 'X y', companyIds: [foreign.id] }),
        )
      ).code,
    ).toBe('invalid');
  });
});

describe('the directory', () => {
  it('finds openings by Danish word forms and by typos, and only published ones of companies in the network', async () => {
    const c = (await t.services.companies.list(ctx(entrepreneur), m, { q: 'Kraftvarmeværk' })).rows[0]!;
    await t.services.openings.create(ctx(entrepreneur), c.id, opening());
    await t.services.openings.create(ctx(entrepreneur), c.id, opening({ title: 'Kladde: lagerhjælp på kraftvarmeværket', published: '' }));
    const search = (q: Record<string, string>) => t.services.openings.search(ctx(youth), m, q);
    // The company is active (first test), so its published opening shows.
    expect((await search({ q: 'kraftvarmeværker' })).hits.map((h) => h.opening.title)).toEqual(['Hjælper på kraftvarmeværket']);
    expect((await search({ q: 'kraftvarmevarket' })).hits.map((h) => h.opening.title)).toEqual(['Hjælper på kraftvarmeværket']);
    expect((await search({ q: 'pumper' })).total).toBe(1);
    expect((await search({ q: 'frisør' })).total).toBe(0);
    expect((await search({ trade: 'D', hours: '20' })).total).toBe(1);
    expect((await search({ hours: '15' })).total).toBe(0);
    expect((await search({ startBy: '2026-03-31' })).total).toBe(0);
    await expect(search({ hours: 'mange' })).rejects.toThrow(AppError);
    // The area is a choice among the areas of listed companies, matched exactly.
    expect(await t.services.openings.areas(ctx(youth), m)).toEqual(['Roskilde']);
    expect((await search({ area: 'Roskilde' })).total).toBe(1);
    expect((await search({ area: 'Rosk' })).total).toBe(0);
    // Typos in several words: each corrected; one word without any near word finds nothing.
    expect((await search({ q: 'hjalper kraftvarmevarket' })).total).toBe(1);
    expect((await search({ q: 'kraftvarmevarket qqqxxyz' })).total).toBe(0);
    expect((await search({ q: "kraftvarme'&|!" })).total).toBe(1);

    // The directory reads the company's fields from each opening: a change to the company follows.
    await t.services.companies.setStatus(ctx(entrepreneur), c.id, { status: 'resting', note: 'Pause' });
    expect((await search({ q: 'pumper' })).total).toBe(0);
    await t.services.companies.setStatus(ctx(entrepreneur), c.id, { status: 'active', note: '' });
    const renamed = {
      ...(await t.services.companies.get(ctx(entrepreneur), c.id)).company,
      name: 'Roskilde Fjernvarme',
      tradeSection: 'E',
    };
    await t.services.companies.update(ctx(entrepreneur), c.id, {
      ...renamed,
      size: renamed.size,
      whyJoined: 'Vi bygger vindmøller og vil give unge en chance.',
    });
    const hit = (await search({ q: 'pumper' })).hits[0]!;
    expect([hit.companyName, hit.tradeSection]).toEqual(['Roskilde Fjernvarme', 'E']);
    expect((await search({ trade: 'D', hours: '20' })).total).toBe(0);
    expect((await search({ q: 'fjernvarme' })).total).toBe(1); // the company's own words find its openings
    expect((await search({ q: 'vindmøllerne' })).total).toBe(1); // also why it joined, as changed
  });
});
