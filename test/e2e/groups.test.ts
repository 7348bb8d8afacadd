import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { users } from '../../src/modules/accounts/accounts.schema.ts';
import { demoEmail, demoMunicipalities } from '../../src/modules/demo/demo-accounts.ts';
import { groupSessions, sessionAttendance } from '../../src/modules/groups/groups.schema.ts';
import { localDate } from '../../src/platform/dates.ts';
import { movementReports } from '../../src/modules/reports/reports.schema.ts';
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

  it('a counsellor records a session with attendance on a phone; a young person checks in and posts in the group space', async () => {
    const { page: p, context } = await j.newPage(360);
    await j.signIn(p, demoEmail('youth_counsellor', roskilde));
    await p.getByRole('link', { name: 'Netværksgrupper' }).click();
    // The demo network's groups exist; everyone active is in one.
    expect(await p.getByText('Alle unge i netværket er i en gruppe.').count()).toBe(1);
    await expectAccessible(p);
    await p.getByRole('link', { name: 'Gruppe 1', exact: true }).click();
    await p.waitForURL(/\/groups\/[0-9a-f-]+$/);
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);

    // Without attendance for everyone the form names each missing person, and nothing is saved.
    const groups = p.getByRole('group', { name: /^Fremmøde: / });
    const count = await groups.count();
    expect(count).toBeGreaterThanOrEqual(6);
    await p.locator('form[action$="/sessions"]').getByLabel(/^Sted/).fill('Ungehuset');
    await p.getByLabel(/^Tema/).selectOption('setbacks');
    await groups.nth(0).getByLabel('Afbud').check();
    const sentWord = ((await groups.nth(0).locator('legend').textContent()) ?? '').replace('Fremmøde: ', '');
    const sessionsBefore = await p.locator('h2:text-is("Gruppemøder") + ul > li').count();
    await p.getByRole('button', { name: 'Gem mødet' }).click();
    await expect.poll(() => p.getByRole('alert').first().textContent()).toContain('Vælg fremmøde for hver ung i gruppen.');
    expect(await p.locator('h2:text-is("Gruppemøder") + ul > li').count()).toBe(sessionsBefore);
    await expectAccessible(p);
    // The choices made are kept; the rest are marked present by keyboard.
    expect(await groups.nth(0).getByLabel('Afbud').isChecked()).toBe(true);
    for (let i = 1; i < count; i++) {
      await groups.nth(i).getByLabel('Mødt').focus();
      await p.keyboard.press('Space');
    }
    await p.getByRole('button', { name: 'Gem mødet' }).click();
    await expect.poll(() => p.getByRole('status').first().textContent()).toContain('Mødet og fremmødet er gemt.');
    // The feedback has the focus, so a screen reader says it where the person is (app.js, #15).
    await expect.poll(() => p.evaluate(() => document.activeElement?.id)).toBe('flash');
    const todays = p.getByRole('listitem').filter({ hasText: localDate(new Date()) });
    expect(await todays.count()).toBe(1);
    expect(await todays.textContent()).toContain(`Modgang som læring (${count - 1} af ${count} mødt)`);
    await expectAccessible(p);
    // The counsellor's week lists the one who sent word (absent with notice).
    await p.getByRole('link', { name: 'Ugens overblik' }).click();
    const missed = p.getByRole('region', { name: 'Ikke mødt til gruppens seneste møde' });
    const line = missed.getByRole('listitem').filter({ hasText: sentWord });
    await expect.poll(() => line.count()).toBe(1);
    expect(await line.textContent()).toContain('Afbud');
    expect(await p.getByRole('region', { name: 'Rapporter, der skal skrives' }).getByRole('link').count()).toBeGreaterThan(0);
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);
    await context.close();

    // A young person who was there checks in on the phone: how was today's meeting, 0–10.
    const [present] = await j.t.database.db
      .select({ email: users.email })
      .from(sessionAttendance)
      .innerJoin(youth, eq(youth.id, sessionAttendance.youthId))
      .innerJoin(users, eq(users.id, youth.userId))
      .innerJoin(groupSessions, eq(groupSessions.id, sessionAttendance.sessionId))
      .where(and(eq(sessionAttendance.status, 'present'), eq(groupSessions.heldOn, localDate(new Date()))))
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
    await expect.poll(() => y.getByRole('status').first().textContent()).toContain('Tak! Dit check-in er sendt.');
    expect(await y.getByText('dit check-in: 8').count()).toBe(1);
    await expectAccessible(y);
    // The group space: a win shared with the group; an empty post names what to fix.
    await y.getByRole('button', { name: 'Del med gruppen' }).click();
    await expect.poll(() => y.getByRole('alert').first().textContent()).toContain('Skriv noget til gruppen');
    await y.getByLabel(/^Din tekst/).fill('Jeg har fået en samtale hos Netto!');
    await y.getByRole('button', { name: 'Del med gruppen' }).click();
    await expect.poll(() => y.getByRole('status').first().textContent()).toContain('Dit opslag er delt med gruppen.');
    expect(await y.getByText('Jeg har fået en samtale hos Netto!').count()).toBe(1);
    await expectAccessible(y);
    await expectNoHorizontalScroll(y);
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

  // Long: four people and many pages with axe; on a shared machine it needs more than the default minute.
  it('movement and the 6-weekly report: the counsellor scores and approves, the young person reads and sends, the caseworker gets it as a page and a PDF', async () => {
    const { page: p, context } = await j.newPage();
    await j.signIn(p, demoEmail('youth_counsellor', roskilde));
    await p.getByRole('link', { name: 'Ugens overblik' }).click();
    await p.getByRole('region', { name: 'Rapporter, der skal skrives' }).getByRole('link').first().click();
    await p.waitForURL(/\/reports\/[0-9a-f-]+$/);
    const reportUrl = p.url();
    const reportId = reportUrl.split('/').at(-1)!;
    await expectAccessible(p);
    // Approving without words names what is missing and changes nothing.
    await p.getByRole('button', { name: 'Godkend og vis den unge' }).click();
    await expect.poll(() => p.getByRole('alert').first().textContent()).toContain('Skriv ungevejlederens vurdering af perioden.');
    await expectAccessible(p);
    await p.getByLabel(/^Ungevejlederens vurdering/).fill('Er mødt stabilt op og tager mere ordet i gruppen.');
    await p.getByLabel(/^Næste skridt/).fill('Finde en praktik i et køkken.');
    await p.getByRole('button', { name: 'Godkend og vis den unge' }).click();
    await expect.poll(() => p.getByRole('status').first().textContent()).toContain('Rapporten er godkendt.');
    expect(await p.getByRole('button', { name: 'Godkend og vis den unge' }).count()).toBe(0);

    // The same young person's movements: charts with a table behind them, and a new scoring.
    const [who] = await j.t.database.db
      .select({ youthId: movementReports.youthId, email: users.email })
      .from(movementReports)
      .innerJoin(youth, eq(youth.id, movementReports.youthId))
      .innerJoin(users, eq(users.id, youth.userId))
      .where(eq(movementReports.id, reportId));
    await p.goto(`${j.base}/youth/${who!.youthId}`);
    // The report goes only to the young person's own caseworker: the counsellor links the demo caseworker.
    const [cwUser] = await j.t.database.db
      .select({ name: users.name, email: users.email })
      .from(users)
      .where(eq(users.email, demoEmail('caseworker', roskilde)));
    await p.getByLabel(/^Vælg sagsbehandler/).selectOption({ label: `${cwUser!.name} (${cwUser!.email})` });
    await p.getByRole('button', { name: 'Gem sagsbehandler' }).click();
    await expect.poll(() => p.getByRole('status').first().textContent()).toContain('Sagsbehandleren er gemt.');
    expect(await p.getByRole('region', { name: 'Sagsbehandler i jobcentret' }).textContent()).toContain(cwUser!.name);
    await p.getByRole('link', { name: 'Bevægelse over tid' }).click();
    await expectAccessible(p);
    expect(await p.locator('svg[role="img"]').count()).toBe(5);
    const rowsBefore = await p.getByRole('region', { name: 'Alle scoringer' }).getByRole('row').count();
    for (const [label, score] of [
      ['Retning', '6'],
      ['Vedholdenhed', '7'],
      ['Nysgerrighed', '5'],
      ['Robusthed', '6'],
      ['Selvværd', '4'],
    ] as const) {
      const set = p.getByRole('group', { name: label });
      await set.getByLabel(/^Score/).selectOption(score);
      await set.getByLabel(/^Begrundelse/).fill(`${label}: set i gruppen i dag.`);
    }
    await p.getByLabel(/^Dato/).fill('2026-01-01');
    await p.getByRole('button', { name: 'Gem scoring' }).click();
    await expect.poll(() => p.getByRole('status').first().textContent()).toContain('Scoringen er gemt.');
    expect(await p.getByRole('region', { name: 'Alle scoringer' }).getByRole('row').count()).toBe(rowsBefore + 1);
    await expectAccessible(p);
    await context.close();

    // The young person on a phone: says yes to the caseworker, reads the report, comments and sends it.
    const young = await j.newPage(360);
    const y = young.page;
    await j.signIn(y, who!.email);
    await y.goto(`${j.base}/me/reports`);
    await expectAccessible(y);
    await y.getByLabel('Ja, mine rapporter må sendes til min sagsbehandler').check();
    await y.getByRole('button', { name: 'Gem mit valg' }).click();
    await expect.poll(() => y.getByRole('status').first().textContent()).toContain('Dit valg er gemt.');
    await y.goto(`${j.base}/me/reports/${reportId}`);
    expect(await y.getByText('Er mødt stabilt op og tager mere ordet i gruppen.').count()).toBe(1);
    await expectAccessible(y);
    await expectNoHorizontalScroll(y);
    await y.getByLabel(/^Din kommentar/).fill('Jeg vil gerne prøve et køkken.');
    await y.getByRole('button', { name: 'Jeg har læst rapporten' }).click();
    await expect.poll(() => y.getByRole('status').first().textContent()).toContain('Rapporten er sendt til din sagsbehandler.');
    // Their movements, with their own score beside the counsellor's.
    await y.goto(`${j.base}/me/movement`);
    await expectAccessible(y);
    await expectNoHorizontalScroll(y);
    await young.context.close();

    // The caseworker finds it among the reports sent with consent, reads it and downloads the PDF.
    const cw = await j.newPage();
    await j.signIn(cw.page, demoEmail('caseworker', roskilde));
    await cw.page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Rapporter', exact: true }).click();
    await expectAccessible(cw.page);
    await cw.page.goto(reportUrl);
    expect(await cw.page.getByText('Jeg vil gerne prøve et køkken.').count()).toBe(1);
    await expectAccessible(cw.page);
    const pdf = await cw.page.request.get(`${reportUrl}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await cw.context.close();
  }, 120_000);
});
