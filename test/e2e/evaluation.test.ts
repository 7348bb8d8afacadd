import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, demoMunicipalities } from '../../src/modules/demo/demo-accounts.ts';
import { browserAvailability, expectAccessible, expectNoHorizontalScroll } from '../support/browser.ts';
import { type Journey, startJourney } from '../support/journey.ts';

const run = browserAvailability();

describe.runIf(run)('effect evaluation journey (Chromium, axe WCAG 2.1 AA)', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(() => j?.close());

  it('the researcher opens the demo trial, reads the estimates and downloads the pseudonymised export', async () => {
    const { page: p, context } = await j.newPage();
    await j.signIn(p, demoEmail('researcher', null));
    await p.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Effektmåling' }).click();
    await expectAccessible(p);
    // The planning calculator first: a linkable GET form.
    await p.getByRole('link', { name: 'Planlæg et forsøg: styrke og mindste effekt' }).click();
    await expect
      .poll(() => p.getByRole('status').first().textContent())
      .toContain('Med 400 unge i alt (200 i NExTWORK-gruppen og 200 i kontrolgruppen) kan forsøget opdage en effekt');
    await expectAccessible(p);
    await p.getByLabel(/^Antal unge i forsøget/).fill('10');
    await p.getByRole('button', { name: 'Beregn' }).click();
    await expect.poll(() => p.getByRole('alert').first().textContent()).toContain('Skriv et helt antal unge fra 20');
    await expectAccessible(p);
    await p.goto(`${j.base}/trials`);
    await p.getByRole('link', { name: /demo/ }).click();
    await p.waitForURL(/\/trials\/[0-9a-f-]+$/);
    const trialUrl = p.url();
    expect(await p.getByText('Kæden af tildelinger er intakt (320 poster).').count()).toBe(1);
    // Estimates at every horizon, as a chart with the numbers in a table.
    const estimates = p.getByRole('region', { name: 'Effekt på andelen i job eller uddannelse' });
    expect(await estimates.getByRole('row').count()).toBe(5);
    expect(await estimates.getByText('For få svar endnu').count()).toBe(0);
    expect(await p.locator('svg[role="img"]').count()).toBe(2);
    // Dose from the participants with a record, and cost-effectiveness with its assumptions.
    expect(await p.getByText('NExTWORK-deltagere med et forløb', { exact: true }).count()).toBe(1);
    expect(await p.getByText('Gruppemøder deltaget i (median)', { exact: true }).count()).toBe(1);
    const results = p.getByRole('region', { name: 'Resultat' });
    expect(await results.textContent()).toMatch(/Omkostning pr\. deltager\s*[\d.]+ kr\./);
    expect(await p.getByRole('region', { name: 'Antagelser' }).textContent()).toContain('Finansministeriets rente');
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);

    // The export: random research ids, no names, CPR numbers, exact dates or ages.
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Hent udtrækket' }).click()]);
    const fs = await import('node:fs/promises');
    const csv = await fs.readFile(await download.path(), 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(321);
    expect(lines[0]).toMatch(/^research_id;stratum;arm;assigned_month;took_up;age_band;female;months_on_benefits;education;status_3m/);
    expect(lines[1]).toMatch(/^[0-9a-f-]{36};m\d+\/age\d\d-\d\d\/\w+;[01];\d{4}-\d\d;/);
    const dictionary = await p.request.get(`${trialUrl}/dictionary.csv`);
    expect(await dictionary.text()).toContain('research_id');
    await context.close();

    // The team leader brings in outcomes without seeing anyone: a wrong CPR number is named, nothing saved.
    const lead = await j.newPage();
    await j.signIn(lead.page, demoEmail('team_leader', demoMunicipalities[0]!));
    await lead.page.goto(`${trialUrl}/outcomes`);
    await expectAccessible(lead.page);
    await lead.page.getByLabel(/^CPR-nummer/).fill('0101011234');
    await lead.page.getByLabel(/^Tidspunkt/).selectOption('3');
    await lead.page.getByLabel(/^Status/).selectOption('education');
    await lead.page.getByRole('button', { name: 'Gem status' }).click();
    await expect.poll(() => lead.page.getByRole('alert').first().textContent()).toContain('CPR-nummeret er ikke med i forsøget.');
    expect(await lead.page.getByLabel(/^CPR-nummer/).inputValue()).toBe('');
    await expectAccessible(lead.page);
    await lead.context.close();

    // Frontline staff cannot open the evaluation.
    const staff = await j.newPage();
    await j.signIn(staff.page, demoEmail('network_consultant', demoMunicipalities[0]!));
    const res = await staff.page.goto(trialUrl);
    expect(res?.status()).toBe(404);
    await staff.context.close();
  });

  it('a researcher sets up a trial in Vejle; a consultant referring there is taken to the lottery and sees only the result', async () => {
    const vejle = demoMunicipalities[1]!;
    const { page: p, context } = await j.newPage();
    await j.signIn(p, demoEmail('researcher', null));
    await p.goto(`${j.base}/trials`);
    await p.getByLabel(/^Kommune/).selectOption({ label: vejle.name });
    await p.getByLabel(/^Navn/).fill('Vejle-forsøget');
    await p.getByLabel('Køn', { exact: true }).check();
    await p.getByRole('button', { name: 'Opret forsøget' }).click();
    await expect.poll(() => p.getByRole('status').first().textContent()).toContain('Forsøget er oprettet');
    await expectAccessible(p);
    await context.close();

    const staff = await j.newPage(360);
    const s = staff.page;
    await j.signIn(s, demoEmail('network_consultant', vejle));
    await s.goto(`${j.base}/youth/new`);
    await s.waitForURL(/\/trials\/intake/);
    await expectAccessible(s);
    await expectNoHorizontalScroll(s);
    // Bad input: every problem named, nothing assigned.
    await s.getByRole('button', { name: 'Henvis og lodtræk' }).click();
    await expect.poll(() => s.getByRole('alert').first().textContent()).toContain('Vælg køn.');
    await s.getByLabel(/^Fornavn/).fill('Sara');
    await s.getByLabel(/^Efternavn/).fill('Lodtræk');
    await s.getByLabel(/^CPR-nummer/).fill('1506054321');
    await s.getByLabel(/^E-mail/).fill('sara.lodtraek@vejle.nextwork.test');
    await s.getByLabel(/^Henvisende sagsbehandler/).fill('Jens Jobcenter');
    await s.getByLabel(/^Timer om ugen/).fill('20');
    await s.getByLabel(/^Køn/).selectOption('female');
    await s.getByLabel(/^Måneder på offentlig ydelse/).fill('6');
    await s.getByLabel(/^Højeste uddannelse/).selectOption('none');
    await s.getByRole('button', { name: 'Henvis og lodtræk' }).click();
    await expect.poll(() => s.getByRole('heading', { level: 1 }).textContent()).toBe('Resultat af lodtrækningen');
    expect(await s.getByRole('status').textContent()).toMatch(/NExTWORK|Kontrol/);
    await expectAccessible(s);
    // Staff time for the cost, on the phone.
    await s.getByRole('link', { name: 'Tidsregistrering' }).click();
    await expectAccessible(s);
    await s.getByLabel(/^Aktivitet/).selectOption('group');
    await s.getByLabel(/^Timer/).fill('2,5');
    await s.getByRole('button', { name: 'Gem tiden' }).click();
    await expect.poll(() => s.getByRole('status').first().textContent()).toContain('Tiden er gemt.');
    expect(await s.getByText('Du har registreret 2,5 timer denne måned.').count()).toBe(1);
    await expectAccessible(s);
    await expectNoHorizontalScroll(s);
    await staff.context.close();
  });
});
