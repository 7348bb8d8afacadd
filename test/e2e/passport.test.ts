import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../src/modules/accounts/accounts.schema.ts';
import { demoEmail, demoMunicipalities } from '../../src/modules/demo/demo-accounts.ts';
import { youth } from '../../src/modules/youth/youth.schema.ts';
import { browserAvailability, expectAccessible, expectNoHorizontalScroll } from '../support/browser.ts';
import { type Journey, startJourney } from '../support/journey.ts';

const run = browserAvailability();
const roskilde = demoMunicipalities[0]!;

describe.runIf(run)('the competence passport, shared and withdrawn (Chromium, 360 px, axe WCAG 2.1 AA)', () => {
  let j: Journey;
  let youthName: string;
  let contactName: string;
  beforeAll(async () => {
    j = await startJourney();
    const db = j.t.database.db;
    const [me] = await db
      .select()
      .from(users)
      .where(eq(users.email, demoEmail('youth', roskilde)));
    const [y] = await db.select().from(youth).where(eq(youth.userId, me!.id));
    youthName = `${y!.firstName} ${y!.lastName}`;
    const [contact] = await db
      .select()
      .from(users)
      .where(eq(users.email, demoEmail('company_contact', roskilde)));
    contactName = contact!.name;
  });
  afterAll(() => j?.close());

  it('the young person writes it and shares it; the company contact reads it; after withdrawal: not found', async () => {
    // The young person writes their passport on the phone.
    const { page: p, context } = await j.newPage(360);
    await j.signIn(p, demoEmail('youth', roskilde));
    await p.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Mit kompetencepas' }).click();
    await p.waitForURL(/\/me\/passport$/);
    expect(await p.getByText('Gem dit kompetencepas først.').count()).toBe(1);
    const first = p.getByRole('group', { name: 'Styrke 1' });
    await first.getByLabel('Hvad kan du?').fill('');
    await first.getByLabel('Hvor?').fill('Praktikken');
    await p.getByRole('button', { name: 'Gem kompetencepas' }).click();
    await expect.poll(() => p.getByRole('alert').first().textContent()).toContain('Skriv, hvad du kan');
    await expectAccessible(p);
    await first.getByLabel('Hvad kan du?').fill('Holder styr på lageret');
    await first.getByLabel('Hvornår?').fill('Foråret 2026');
    await p.getByLabel('Den støtte, der hjælper mig').fill('En fast kontaktperson.');
    await p.getByLabel('Med mine egne ord').fill('Jeg er god med hænderne.');
    await p.getByRole('button', { name: 'Gem kompetencepas' }).click();
    await expect.poll(() => p.getByRole('status').first().textContent()).toContain('Dit kompetencepas er gemt.');
    expect(await p.getByRole('link', { name: 'Hent som PDF' }).count()).toBe(1);

    // …and shares it with their internship's company contact.
    const share = p.getByLabel(/^Del med/);
    const label = (await share
      .locator('option', { hasText: `${contactName} – ` })
      .first()
      .textContent())!;
    expect(label).toMatch(/^.+ – Virksomhedskontakt hos .+$/);
    await share.selectOption({ label });
    await p.getByRole('button', { name: 'Giv adgang' }).click();
    await expect.poll(() => p.getByRole('status').first().textContent()).toContain(`${contactName} kan nu læse dit kompetencepas.`);
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);

    // The company contact finds it among the passports shared with them and reads it.
    const { page: c, context: companyContext } = await j.newPage(360);
    await j.signIn(c, demoEmail('company_contact', roskilde));
    await c.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Kompetencepas' }).click();
    await c.waitForURL(/\/passports$/);
    await c.getByRole('link', { name: youthName }).click();
    await c.waitForURL(/\/passports\/[0-9a-f-]{36}$/);
    const url = c.url();
    expect(await c.getByRole('heading', { level: 1 }).textContent()).toBe(`Kompetencepas: ${youthName}`);
    expect(await c.locator('main').textContent()).toContain('Holder styr på lageret');
    expect(await c.getByRole('button', { name: 'Gem kompetencepas' }).count()).toBe(0);
    await expectAccessible(c);
    await expectNoHorizontalScroll(c);

    // The young person sees the read in their log, and withdraws consent.
    await p.goto(`${j.base}/me/audit`);
    expect(await p.locator('main').textContent()).toContain('Læste dit kompetencepas');
    await p.goto(`${j.base}/me/passport`);
    await p.getByRole('button', { name: `Træk samtykke tilbage fra ${contactName}` }).click();
    await expect.poll(() => p.getByRole('status').first().textContent()).toContain(`${contactName} kan ikke længere læse`);
    await expectAccessible(p);

    // At once, the company contact gets "not found".
    const again = await c.goto(url);
    expect(again?.status()).toBe(404);
    expect(await c.locator('main').textContent()).not.toContain('Holder styr på lageret');
    await expectAccessible(c);
    await companyContext.close();
    await context.close();
  });

  it("the education contact's home shows their partnership; the partnership pages pass axe at 360 px", async () => {
    const { page: p, context } = await j.newPage(360);
    await j.signIn(p, demoEmail('education_contact', roskilde));
    const mine = p.getByRole('region', { name: 'Dine partnerskaber' });
    await mine.getByRole('link', { name: /^STU-skolen, fra / }).waitFor();
    expect(await mine.textContent()).toContain('4 unge af 10');
    expect(await mine.textContent()).toContain('2 af 10 tættere på arbejdsmarkedet');
    expect(await p.getByRole('region', { name: 'Kompetencepas, der er delt med dig' }).getByRole('link').count()).toBeGreaterThan(0);
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);
    await mine.getByRole('link', { name: /^STU-skolen, fra / }).click();
    await p.waitForURL(/\/partnerships\/[0-9a-f-]{36}$/);
    expect(await p.getByRole('region', { name: 'De unge i partnerskabet' }).getByRole('listitem').count()).toBe(4);
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);
    await context.close();

    const { page: lead, context: leadContext } = await j.newPage(360);
    await j.signIn(lead, demoEmail('team_leader', roskilde));
    await lead.goto(`${j.base}/partnerships`);
    await lead.getByRole('heading', { name: 'Ny partnerskabsaftale' }).waitFor();
    await expectAccessible(lead);
    await expectNoHorizontalScroll(lead);
    await leadContext.close();
  });
});
