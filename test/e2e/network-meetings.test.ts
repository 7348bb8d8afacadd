import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, ne } from 'drizzle-orm';
import { demoEmail, demoMunicipalities } from '../../src/modules/demo/demo-accounts.ts';
import { addDays, localDate, localInstant } from '../../src/platform/dates.ts';
import { users } from '../../src/modules/accounts/accounts.schema.ts';
import { companies, companyContacts, networkMeetings } from '../../src/modules/companies/companies.schema.ts';
import { networkGroups } from '../../src/modules/groups/groups.schema.ts';
import { municipalities } from '../../src/modules/municipalities/municipalities.schema.ts';
import { browserAvailability, expectAccessible, expectNoHorizontalScroll } from '../support/browser.ts';
import { type Journey, startJourney } from '../support/journey.ts';

const run = browserAvailability();
const roskilde = demoMunicipalities[0]!;

describe.runIf(run)('company network meetings on a phone (Chromium, 360 px, axe WCAG 2.1 AA)', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
    // The demo was seeded on the test clock; the browser runs on real time: the meeting ahead moves
    // to a week from today, kl. 9.30.
    const db = j.t.database.db;
    const [m] = await db.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.name, roskilde.name));
    const rows = await db.select().from(networkMeetings).where(eq(networkMeetings.municipalityId, m!.id));
    const ahead = rows.find((r) => r.attendanceAt === null)!;
    await db
      .update(networkMeetings)
      .set({ startsAt: localInstant(addDays(localDate(new Date()), 7), '09:30') })
      .where(eq(networkMeetings.id, ahead.id));
  });
  afterAll(() => j?.close());

  it('sees the invitation on the home page, answers coming in one tap, and can take it into the calendar', async () => {
    const { page: p } = await j.newPage(360);
    await j.signIn(p, demoEmail('company_contact', roskilde));
    const needs = p.getByRole('region', { name: 'Det skal du nu' });
    const invitation = needs.getByRole('link', { name: /^Netværksmøde: Den gode første dag i praktik, .+kl\. 9\.30.+Kommer du\?$/ });
    await invitation.waitFor();
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);
    await invitation.click();
    await p.waitForURL(/\/network-meetings\/[0-9a-f-]+$/);
    await p.getByRole('heading', { level: 1, name: 'Den gode første dag i praktik' }).waitFor();
    expect(await p.getByRole('heading', { name: /^Dit svar:/ }).textContent()).toContain('Ikke svaret endnu');
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);
    await p.getByRole('button', { name: 'Ja, jeg kommer' }).click();
    await p.waitForURL(/\/network-meetings\/[0-9a-f-]+$/);
    expect(await p.getByRole('status').first().textContent()).toContain('Vi ses til mødet');
    expect(await p.getByRole('heading', { name: /^Dit svar:/ }).textContent()).toContain('Jeg kommer');
    await expectAccessible(p);
    const ics = await p.request.get(
      await p
        .getByRole('link', { name: /kalender/ })
        .getAttribute('href')
        .then((h) => `${j.base}${h}`),
    );
    expect(ics.headers()['content-type']).toContain('text/calendar');
    expect(await ics.text()).toContain('SUMMARY:Den gode første dag i praktik');
    // Home now says the contact is coming.
    await p.goto(`${j.base}/dashboard`);
    expect(await needs.textContent()).toMatch(/Den gode første dag i praktik, .+\. Du kommer\./);
  });

  it('the team plans a meeting, records who came; a company also in Vejle says so; the group page plans a visit', async () => {
    const db = j.t.database.db;
    // Vejle's first active company gets the CVR number of Roskilde's demo company: the same company.
    const [demo] = await db
      .select({ id: companies.id, cvr: companies.cvr })
      .from(companies)
      .innerJoin(companyContacts, eq(companyContacts.companyId, companies.id))
      .innerJoin(users, eq(users.id, companyContacts.userId))
      .where(eq(users.email, demoEmail('company_contact', roskilde)));
    const [vejle] = await db.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.name, 'Vejle'));
    const [other] = await db
      .select({ id: companies.id })
      .from(companies)
      .where(and(eq(companies.municipalityId, vejle!.id), eq(companies.networkStatus, 'active'), ne(companies.cvr, demo!.cvr)))
      .orderBy(asc(companies.nameSort))
      .limit(1);
    await db.update(companies).set({ cvr: demo!.cvr }).where(eq(companies.id, other!.id));

    const { page: p } = await j.newPage(360);
    await j.signIn(p, demoEmail('entrepreneur', roskilde));
    await p.goto(`${j.base}/network-meetings`);
    await p.getByRole('heading', { level: 1, name: 'Netværksmøder' }).waitFor();
    expect(await p.getByRole('link', { name: 'Den gode første dag i praktik' }).isVisible()).toBe(true);
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);
    // Plan one: a wrong time is named in Danish and nothing is saved; corrected, it is planned.
    await p.locator('#theme').fill('Unge og arbejdspladsens kultur');
    await p.locator('#date').fill(addDays(localDate(new Date()), 14));
    await p.locator('#time').fill('kvart over');
    await p.locator('#place').fill('Rådhuset, mødelokale 2');
    await p.getByRole('button', { name: 'Planlæg et netværksmøde' }).click();
    await p.getByRole('alert').first().waitFor();
    await expectAccessible(p);
    await p.locator('#time').fill('9.30');
    await p.getByRole('button', { name: 'Planlæg et netværksmøde' }).click();
    await p.waitForURL(/\/network-meetings\/[0-9a-f-]+$/);
    expect(await p.getByRole('status').first().textContent()).toContain('virksomhederne er inviteret');
    await p.goto(`${j.base}/network-meetings`);
    await p.getByRole('link', { name: 'Fejl som læring' }).click();
    await p.getByRole('heading', { name: 'Hvem kom?' }).waitFor();
    await expectAccessible(p);
    await p.getByRole('button', { name: 'Gem' }).click();
    expect(await p.getByRole('status').first().textContent()).toContain('Fremmødet er gemt');

    await p.goto(`${j.base}/companies/${demo!.id}`);
    expect(await p.getByText('Også aktiv i Vejle').isVisible()).toBe(true);
    await expectAccessible(p);

    const [group] = await db
      .select({ id: networkGroups.id })
      .from(networkGroups)
      .innerJoin(municipalities, eq(municipalities.id, networkGroups.municipalityId))
      .where(eq(municipalities.name, roskilde.name))
      .orderBy(asc(networkGroups.name))
      .limit(1);
    const { page: g } = await j.newPage(360);
    await j.signIn(g, demoEmail('network_consultant', roskilde));
    await g.goto(`${j.base}/groups/${group!.id}`);
    await g.getByRole('heading', { name: 'Virksomhedsbesøg' }).waitFor();
    await expectAccessible(g);
    await expectNoHorizontalScroll(g);
  });
});
