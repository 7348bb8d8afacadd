import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, demoMunicipalities } from '../../src/modules/demo/demo-accounts.ts';
import { browserAvailability, expectAccessible, expectNoHorizontalScroll } from '../support/browser.ts';
import { type Journey, startJourney } from '../support/journey.ts';

const run = browserAvailability();
const roskilde = demoMunicipalities[0]!;

describe.runIf(run)("the model's rules page (Chromium, 360 px, axe WCAG 2.1 AA)", () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(() => j?.close());

  it('the team leader sets the rules from the menu; an error is announced; the consultant reads them', async () => {
    const { page } = await j.newPage(360);
    await j.signIn(page, demoEmail('team_leader', roskilde));
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Modellens regler' }).click();
    await page.waitForURL(/\/rules$/);
    await page.getByRole('heading', { name: 'Modellens regler', level: 1 }).waitFor();
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);

    await page.getByLabel('Korteste praktik (måneder)').fill('7');
    await page.getByRole('button', { name: 'Gem reglerne' }).click();
    await page.locator('#error-summary').waitFor();
    expect(await page.locator('#error-summary').textContent()).toContain('Den længste praktik kan ikke være kortere end den korteste.');
    await expectAccessible(page);

    await page.getByLabel('Korteste praktik (måneder)').fill('3');
    await page.getByLabel('Praktikken starter senest (dage efter valget)').fill('12');
    await page.getByRole('button', { name: 'Gem reglerne' }).click();
    await page.waitForURL(/\/rules\?m=/);
    expect(await page.getByRole('status').first().textContent()).toContain('Reglerne er gemt.');

    const consultant = await j.newPage(360);
    await j.signIn(consultant.page, demoEmail('network_consultant', roskilde));
    await consultant.page.goto(`${j.base}/rules`);
    expect(await consultant.page.locator('main').textContent()).toContain('12 dage');
    await expectAccessible(consultant.page);
    await expectNoHorizontalScroll(consultant.page);
  });
});
