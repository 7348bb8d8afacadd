import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../src/modules/accounts/accounts.schema.ts';
import { demoEmail, demoMunicipalities } from '../../src/modules/demo/demo-accounts.ts';
import { sessionAttendance } from '../../src/modules/groups/groups.schema.ts';
import { youth } from '../../src/modules/youth/youth.schema.ts';
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

  it('a counsellor creates the proposed groups and records a session with attendance on a phone; a young person checks in', async () => {
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
    // The counsellor's week lists the one who sent word (absent with notice).
    await p.getByRole('link', { name: 'Ugens overblik' }).click();
    const missed = p.getByRole('region', { name: 'Ikke mødt til gruppens seneste møde' });
    await expect.poll(() => missed.getByRole('listitem').count()).toBe(1);
    expect(await missed.textContent()).toContain('Afbud');
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);
    await context.close();

    // A young person who was there checks in on the phone: how was today's meeting, 0–10.
    const [present] = await j.t.database.db
      .select({ email: users.email })
      .from(sessionAttendance)
      .innerJoin(youth, eq(youth.id, sessionAttendance.youthId))
      .innerJoin(users, eq(users.id, youth.userId))
      .where(eq(sessionAttendance.status, 'present'))
      .limit(1);
    const young = await j.newPage(360);
    await j.signIn(young.page, present!.email);
    const y = young.page;
    await y.getByRole('link', { name: 'Min gruppe' }).click();
    await y.waitForURL(`${j.base}/me/group`);
    await expectAccessible(y);
    await expectNoHorizontalScroll(y);
    await y.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => y.getByRole('alert').first().textContent()).toContain('Vælg et tal fra 0 til 10.');
    await y
      .getByRole('group', { name: /^Hvordan var dagens møde/ })
      .getByLabel('8', { exact: true })
      .check();
    await y.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => y.getByRole('status').first().textContent()).toContain('Tak! Dit tjek-ind er sendt.');
    expect(await y.getByText('dit tjek-ind: 8').count()).toBe(1);
    await expectAccessible(y);
    await y.getByRole('link', { name: 'Dine noter' }).click();
    await y.waitForURL(`${j.base}/me/notes`);
    await expectAccessible(y);
    await young.context.close();
  });

  it('a psychologist writes a note and the team leader cannot open it', async () => {
    const { page: p, context } = await j.newPage();
    await j.signIn(p, demoEmail('psychologist', roskilde));
    await p.getByRole('link', { name: 'Unge', exact: true }).click();
    await p.getByRole('table').getByRole('link').first().click();
    await p.getByRole('link', { name: 'Samtaler og noter' }).click();
    await expectAccessible(p);
    const form = p.locator('form', { has: p.getByRole('heading', { name: 'Skriv et psykolognotat' }) });
    await form.getByLabel(/^Kort note/).fill('Fortrolig samtale om søvn og angst.');
    await form.getByLabel(/^Hvordan/).selectOption('walk');
    await form.getByRole('button', { name: 'Gem' }).click();
    await expect.poll(() => p.getByRole('status').first().textContent()).toContain('Noten er gemt.');
    await p.getByRole('link', { name: /Gåtur/ }).click();
    await p.waitForURL(/\/notes\/[0-9a-f-]+$/);
    expect(await p.getByText('Fortrolig samtale om søvn og angst.').count()).toBe(1);
    const url = p.url();
    await context.close();

    const leader = await j.newPage();
    await j.signIn(leader.page, demoEmail('team_leader', roskilde));
    const res = await leader.page.goto(url);
    expect(res?.status()).toBe(404);
    expect(await leader.page.getByText('Fortrolig samtale').count()).toBe(0);
    await expectAccessible(leader.page);
    await leader.context.close();
  });
});
