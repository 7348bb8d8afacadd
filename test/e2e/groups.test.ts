import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, demoMunicipalities } from '../../src/modules/demo/demo-accounts.ts';
import { browserAvailability, expectAccessible, expectNoHorizontalScroll } from '../support/browser.ts';
import { type Journey, startJourney } from '../support/journey.ts';

const run = browserAvailability();
const roskilde = demoMunicipalities[0]!;

describe.runIf(run)('network groups journey (Chromium, axe WCAG 2.1 AA)', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(() => j?.close());

  it('a counsellor creates the proposed groups and records a session with attendance on a phone', async () => {
    const { page: p, context } = await j.newPage(360);
    await j.signIn(p, demoEmail('youth_counsellor', roskilde));
    await p.getByRole('link', { name: 'Netværksgrupper' }).click();
    expect(await p.getByRole('heading', { name: 'Forslag til nye grupper' }).count()).toBe(1);
    await expectAccessible(p);
    await p.getByRole('button', { name: 'Opret grupperne' }).click();
    await expect.poll(() => p.getByRole('status').first().textContent()).toContain('Grupperne er oprettet');
    await p.getByRole('link', { name: 'Gruppe 1', exact: true }).click();
    await p.waitForURL(/\/groups\/[0-9a-f-]+$/);
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);

    // Without attendance for everyone the form names each missing person, and nothing is saved.
    const groups = p.getByRole('group', { name: /^Fremmøde: / });
    const count = await groups.count();
    expect(count).toBeGreaterThanOrEqual(6);
    await p.getByLabel(/^Sted/).fill('Ungehuset');
    await p.getByLabel(/^Tema/).selectOption('setbacks');
    await groups.nth(0).getByLabel('Afbud').check();
    await p.getByRole('button', { name: 'Gem mødet' }).click();
    await expect.poll(() => p.getByRole('alert').first().textContent()).toContain('Vælg fremmøde for hver ung i gruppen.');
    expect(await p.getByText('Der er ikke registreret nogen møder endnu.').count()).toBe(1);
    await expectAccessible(p);
    // The choices made are kept; the rest are marked present by keyboard.
    expect(await groups.nth(0).getByLabel('Afbud').isChecked()).toBe(true);
    for (let i = 1; i < count; i++) {
      await groups.nth(i).getByLabel('Mødt').focus();
      await p.keyboard.press('Space');
    }
    await p.getByRole('button', { name: 'Gem mødet' }).click();
    await expect.poll(() => p.getByRole('status').first().textContent()).toContain('Mødet og fremmødet er gemt.');
    expect(await p.getByText(`Modgang som læring (${count - 1} af ${count} mødt)`).count()).toBe(1);
    await expectAccessible(p);
    await context.close();
  });
});
