import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../src/modules/accounts/accounts.schema.ts';
import { demoEmail, demoMunicipalities } from '../../src/modules/demo/demo-accounts.ts';
import { internships } from '../../src/modules/internships/internships.schema.ts';
import { youth } from '../../src/modules/youth/youth.schema.ts';
import { browserAvailability, expectAccessible, expectNoHorizontalScroll } from '../support/browser.ts';
import { type Journey, startJourney } from '../support/journey.ts';

const run = browserAvailability();
const roskilde = demoMunicipalities[0]!;

describe.runIf(run)("the young person's people and day one (Chromium, 360 px, axe WCAG 2.1 AA)", () => {
  let j: Journey;
  let internshipId: string;
  beforeAll(async () => {
    j = await startJourney();
    const db = j.t.database.db;
    const [me] = await db
      .select()
      .from(users)
      .where(eq(users.email, demoEmail('youth', roskilde)));
    const [y] = await db.select().from(youth).where(eq(youth.userId, me!.id));
    const [i] = await db.select().from(internships).where(eq(internships.youthId, y!.id));
    internshipId = i!.id;
  });
  afterAll(() => j?.close());

  it('the young person finds day one and their people first on their internship page, on a phone', async () => {
    const { page: p, context } = await j.newPage(360);
    await j.signIn(p, demoEmail('youth', roskilde));
    const nav = p.getByRole('navigation', { name: /./ });
    for (const name of ['Min bevægelse', 'Mine rapporter', 'Mine noter']) expect(await nav.getByRole('link', { name }).count()).toBe(1);
    await nav.getByRole('link', { name: 'Min praktik' }).click();
    await p.waitForURL(/\/me\/internships$/);

    const dayOne = p.getByRole('region', { name: /^Din første dag hos / });
    await dayOne.waitFor();
    expect(await dayOne.textContent()).toMatch(/Første dag\S+ \d+\. \S+ kl\. 9\.00/);
    expect(await dayOne.textContent()).toContain('Madpakke og en drikkedunk.');
    expect(await dayOne.getByRole('link', { name: 'Vis på kort' }).getAttribute('href')).toMatch(
      /^https:\/\/www\.openstreetmap\.org\/search\?query=/,
    );
    expect(await dayOne.getByRole('link', { name: '12 34 56 78' }).getAttribute('href')).toBe('tel:+4512345678');

    const people = p.getByRole('region', { name: 'Mine folk' });
    expect(await people.textContent()).toContain('Din praktikvejleder hos ');
    expect(await people.textContent()).toContain('Din netværkskonsulent');
    expect(await people.textContent()).toContain('Din ungevejleder');
    expect(await people.getByRole('link', { name: '87 65 43 21' }).count()).toBe(1);
    // The day-one box and the people come before the check-in.
    const order = await p.locator('main h2').allTextContents();
    expect(order.slice(0, 3)).toEqual([expect.stringMatching(/^Din første dag hos /), 'Mine folk', expect.any(String)]);
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);
    await context.close();
  });

  it("the young person's view of the internship page and their group page show the same", async () => {
    const { page: p, context } = await j.newPage(360);
    await j.signIn(p, demoEmail('youth', roskilde));
    await p.goto(`${j.base}/internships/${internshipId}`);
    await p.getByRole('region', { name: /^Din første dag hos / }).waitFor();
    expect(await p.getByRole('region', { name: 'Mine folk' }).count()).toBe(1);
    // Not the company's and the team's form.
    expect(await p.getByRole('button', { name: 'Gem' }).count()).toBe(0);
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);
    // Their group page shows the same people.
    await p.goto(`${j.base}/me/group`);
    expect(await p.getByRole('region', { name: 'Mine folk' }).getByRole('link', { name: '87 65 43 21' }).count()).toBe(1);
    await context.close();
  });

  it('the company contact fills in day one on a phone; a bad time is shown with the values kept', async () => {
    const { page: p, context } = await j.newPage(360);
    await j.signIn(p, demoEmail('company_contact', roskilde));
    await p.goto(`${j.base}/internships/${internshipId}`);
    const form = p.locator(`form[action="/internships/${internshipId}/day-one"]`);
    await form.getByLabel(/^Mødetid første dag/).fill('25.00');
    await form.getByLabel(/^Det skal den unge have med/).fill('Sikkerhedssko');
    await form.getByRole('button', { name: 'Gem' }).click();
    await expect.poll(() => p.getByRole('alert').first().textContent()).toContain('Skriv et klokkeslæt som 9.00 eller 13.30');
    expect(await form.getByLabel(/^Det skal den unge have med/).inputValue()).toBe('Sikkerhedssko');
    await expectAccessible(p);
    await form.getByLabel(/^Mødetid første dag/).fill('8.30');
    await form.getByRole('button', { name: 'Gem' }).click();
    await expect.poll(() => p.getByRole('status').first().textContent()).toContain('Oplysningerne om første dag er gemt.');
    expect(await p.getByRole('region', { name: /^Første dag hos / }).textContent()).toContain('kl. 8.30');
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);
    await context.close();
  });

  it('a consultant chooses what the young people see of their contact details', async () => {
    const { page: p, context } = await j.newPage(360);
    await j.signIn(p, demoEmail('network_consultant', roskilde));
    await p.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Mine kontaktoplysninger' }).click();
    await p.waitForURL(/\/me\/contact$/);
    // The demo consultant shows a phone number already.
    expect(await p.getByLabel('Vis mit telefonnummer for de unge, jeg arbejder med').isChecked()).toBe(true);
    await p.getByLabel(/^Telefonnummer/).fill('1234');
    await p.getByRole('button', { name: 'Gem' }).click();
    await expect.poll(() => p.getByRole('alert').first().textContent()).toContain('Skriv et dansk telefonnummer med 8 cifre');
    await expectAccessible(p);
    await p.getByLabel(/^Telefonnummer/).fill('+45 11 22 33 44');
    await p.getByLabel('Vis min e-mail for de unge, jeg arbejder med').uncheck();
    await p.getByRole('button', { name: 'Gem' }).click();
    await expect.poll(() => p.getByRole('status').first().textContent()).toContain('Dine kontaktoplysninger er gemt.');
    expect(await p.getByLabel(/^Telefonnummer/).inputValue()).toBe('11 22 33 44');
    expect(await p.getByLabel('Vis min e-mail for de unge, jeg arbejder med').isChecked()).toBe(false);
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);
    await context.close();
  });
});
