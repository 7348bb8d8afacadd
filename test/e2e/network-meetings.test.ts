import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { demoEmail, demoMunicipalities } from '../../src/modules/demo/demo-accounts.ts';
import { addDays, localDate, localInstant } from '../../src/platform/dates.ts';
import { networkMeetings } from '../../src/modules/companies/companies.schema.ts';
import { municipalities } from '../../src/modules/municipalities/municipalities.schema.ts';
import { browserAvailability, expectAccessible, expectNoHorizontalScroll } from '../support/browser.ts';
import { type Journey, startJourney } from '../support/journey.ts';

const run = browserAvailability();
const roskilde = demoMunicipalities[0]!;

describe.runIf(run)('a company contact answers a network meeting invitation on a phone (Chromium, 360 px, axe WCAG 2.1 AA)', () => {
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
});
