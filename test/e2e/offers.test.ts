import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNotNull, notInArray } from 'drizzle-orm';
import { users } from '../../src/modules/accounts/accounts.schema.ts';
import { demoEmail, demoMunicipalities, demoWithOfferEmail } from '../../src/modules/demo/demo-accounts.ts';
import { internships } from '../../src/modules/internships/internships.schema.ts';
import { municipalities } from '../../src/modules/municipalities/municipalities.schema.ts';
import { internshipOffers } from '../../src/modules/offers/offers.schema.ts';
import { youth } from '../../src/modules/youth/youth.schema.ts';
import { browserAvailability, expectAccessible, expectNoHorizontalScroll } from '../support/browser.ts';
import { type Journey, startJourney } from '../support/journey.ts';

const run = browserAvailability();
const roskilde = demoMunicipalities[0]!;

describe.runIf(run)('a direct offer, from the youth directory to a planned internship (Chromium, 360 px, axe WCAG 2.1 AA)', () => {
  let j: Journey;
  let young: { id: string; firstName: string; email: string };
  beforeAll(async () => {
    j = await startJourney();
    const db = j.t.database.db;
    // A young person in Roskilde's network with an account, no internship and no offer yet.
    const busy = (await db.select({ id: internships.youthId }).from(internships)).map((r) => r.id);
    const offered = (await db.select({ id: internshipOffers.youthId }).from(internshipOffers)).map((r) => r.id);
    const [y] = await db
      .select({ id: youth.id, firstName: youth.firstName, email: users.email })
      .from(youth)
      .innerJoin(users, eq(users.id, youth.userId))
      .innerJoin(municipalities, eq(municipalities.id, youth.municipalityId))
      .where(
        and(
          eq(municipalities.name, roskilde.name),
          eq(youth.status, 'in_network'),
          isNotNull(youth.userId),
          notInArray(youth.id, [...busy, ...offered]),
        ),
      )
      .orderBy(youth.lastName, youth.firstName)
      .limit(1);
    young = y!;
  });
  afterAll(() => j?.close());

  it('a company contact offers from the directory; the young person accepts from the home page; both homes show the start', async () => {
    const company = await j.newPage(360);
    const c = company.page;
    await j.signIn(c, demoEmail('company_contact', roskilde));
    await c.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Unge i netværket' }).click();
    await c.waitForURL(/\/youth-directory/);
    await c.locator(`a[href*="youth=${young.id}"]`).click();
    await c.waitForURL(/\/offers\/new\?/);
    await c.getByRole('heading', { name: `Giv ${young.firstName} et tilbud om praktik` }).waitFor();
    await expectAccessible(c);
    await expectNoHorizontalScroll(c);
    await c.getByLabel(/^Besked til/).fill('Vi talte sammen i telefonen. Du møder Lise første dag.');
    await c.getByRole('button', { name: 'Send tilbuddet' }).click();
    await c.waitForURL(/\/companies\/[0-9a-f-]+\/offers$/);
    expect(await c.getByRole('status').first().textContent()).toContain('Tilbuddet er sendt');

    // The young person sees it first on the home page and says yes: two taps.
    const mine = await j.newPage(360);
    const y = mine.page;
    await j.signIn(y, young.email);
    const needs = y.getByRole('region', { name: 'Det skal du nu' });
    const first = needs.getByRole('link').first();
    expect(await first.textContent()).toMatch(/tilbyder dig praktik som .+ — svar senest \S+dag \d+\. \S+$/);
    await expectAccessible(y);
    await first.click();
    await y.waitForURL(/\/me\/offers#offer-/);
    await expectAccessible(y);
    await y.getByRole('button', { name: 'Ja tak, jeg vil gerne' }).first().click();
    await y.waitForURL(/\/me\/internships$/);
    await y.goto(`${j.base}/dashboard`);
    expect(await needs.textContent()).toMatch(/Din praktik hos .+ starter \S+dag \d+\. /);
    await expectNoHorizontalScroll(y);

    // The company's home shows the intern starting, with the date in words.
    await c.goto(`${j.base}/dashboard`);
    expect(await c.getByRole('region', { name: 'Det skal du nu' }).textContent()).toMatch(
      new RegExp(`${young.firstName} starter i praktik \\S+dag \\d+\\. `),
    );
    await expectAccessible(c);

    // The consultant's start clock shows it.
    const team = await j.newPage(1280);
    await j.signIn(team.page, demoEmail('network_consultant', roskilde));
    expect(await team.page.locator('main').textContent()).toContain(young.firstName);
    await Promise.all([company.context.close(), mine.context.close(), team.context.close()]);
  });

  it('the demo young person with an offer answers it from the home page', async () => {
    // The demo is seeded on the test clock's day; its offers are moved to answer by a day still to come.
    const inThreeDays = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await j.t.database.db.update(internshipOffers).set({ answerBy: inThreeDays }).where(eq(internshipOffers.status, 'open'));
    const { page: p, context } = await j.newPage(360);
    await j.signIn(p, demoWithOfferEmail(roskilde));
    await p
      .getByRole('region', { name: 'Det skal du nu' })
      .getByRole('link', { name: /tilbyder dig praktik/ })
      .first()
      .click();
    // "Nej tak" opens a small form with an optional reason; its button sends it.
    const card = p.locator('li[id^="offer-"]').first();
    await card.locator('summary').click();
    await card.getByLabel(/^Vil du sige hvorfor/).fill('Jeg vil hellere noget med dyr.');
    await card.getByRole('button', { name: 'Nej tak' }).click();
    await p.waitForURL(/\/me\/offers$/);
    expect(await p.getByRole('status').first().textContent()).toContain('Du har sagt nej tak');
    await context.close();
  });
});
