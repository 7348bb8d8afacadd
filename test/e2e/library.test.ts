import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, demoMunicipalities } from '../../src/modules/demo/demo-accounts.ts';
import { browserAvailability, expectAccessible, expectNoHorizontalScroll } from '../support/browser.ts';
import { type Journey, startJourney } from '../support/journey.ts';

const run = browserAvailability();
const vejle = demoMunicipalities[1]!;

describe.runIf(run)('the shared learning library (Chromium, 360 px, axe WCAG 2.1 AA)', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(() => j?.close());

  it('a counsellor finds a method by tag and shares one of their own; the programme lead pins it', async () => {
    const { page } = await j.newPage(360);
    await j.signIn(page, demoEmail('youth_counsellor', vejle));
    await page.goto(`${j.base}/library`);
    await page.getByRole('heading', { name: 'Vidensbank', level: 1 }).waitFor();
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await page
      .getByRole('navigation', { name: 'Emneord' })
      .getByRole('link', { name: /^check-in/ })
      .click();
    await page.getByRole('link', { name: 'Check-in-runden på netværksholdet' }).click();
    await page.getByRole('heading', { name: 'Check-in-runden på netværksholdet', level: 1 }).waitFor();
    await expectAccessible(page);

    await page.goto(`${j.base}/library/new`);
    await page.getByLabel('Slags').selectOption('tool');
    await page.getByLabel('Titel').fill('Ugeplan til den første praktikuge');
    await page.getByRole('button', { name: 'Del i vidensbanken' }).click();
    await page.locator('#error-summary').waitFor();
    expect(await page.locator('#error-summary').textContent()).toContain('Skriv teksten.');
    await expectAccessible(page);
    await page.getByLabel('Tekst').fill('Mandag: rundvisning.\n\n- Tirsdag: de første opgaver\n- Fredag: opfølgning');
    await page.getByLabel('Emneord').fill('praktik, ugeplan');
    await page.getByRole('button', { name: 'Del i vidensbanken' }).click();
    await page.getByRole('heading', { name: 'Ugeplan til den første praktikuge', level: 1 }).waitFor();
    expect(await page.getByRole('status').first().textContent()).toContain('Opslaget er delt');
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    const url = page.url();

    const lead = await j.newPage(1280);
    await j.signIn(lead.page, demoEmail('programme_lead', null));
    await lead.page.goto(url);
    await lead.page.getByRole('button', { name: 'Fremhæv øverst' }).click();
    await lead.page.getByRole('button', { name: 'Fjern fremhævning' }).waitFor();
    await lead.page.goto(`${j.base}/library`);
    const first = lead.page.locator('.app-library-list > li').first();
    expect(await first.textContent()).toContain('Ugeplan til den første praktikuge');
    await expectAccessible(lead.page);
  });
});
