import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, demoEmail, demoMunicipalities } from '../../src/modules/demo/demo-accounts.ts';
import type { TestContext } from '../support/context.ts';
import { browserAvailability, expectAccessible, expectNoHorizontalScroll } from '../support/browser.ts';
import { type Journey, startJourney } from '../support/journey.ts';
import { eq } from 'drizzle-orm';
import { users } from '../../src/modules/accounts/accounts.schema.ts';
import { youth } from '../../src/modules/youth/youth.schema.ts';

const run = browserAvailability();
const roskilde = demoMunicipalities[0]!;
const leaderEmail = demoEmail('team_leader', roskilde);

describe.runIf(run)('browser journeys (Chromium, axe WCAG 2.1 AA)', () => {
  let j: Journey;
  let t: TestContext;
  let smtp: Journey['smtp'];
  let base: string;

  beforeAll(async () => {
    j = await startJourney();
    ({ t, smtp, base } = j);
  });

  afterAll(() => j?.close());

  const newPage = (width?: number) => j.newPage(width);
  const signIn = (page: Page, email: string) => j.signIn(page, email);

  it('signs in with a password, every page visited passes axe, and signs out', async () => {
    const { context, page } = await newPage();
    await page.goto(`${base}/sign-in`);
    await expectAccessible(page);
    await expect.poll(() => page.getByRole('heading', { name: 'Demo-konti' }).isVisible()).toBe(true);

    // Wrong password: the error summary names the field; the email is kept.
    await page
      .getByRole('textbox', { name: /^E-mail/ })
      .first()
      .fill(leaderEmail);
    await page.getByLabel(/^Adgangskode/).fill('forkert-kode');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('E-mail eller adgangskode er forkert.');
    expect(
      await page
        .getByRole('textbox', { name: /^E-mail/ })
        .first()
        .inputValue(),
    ).toBe(leaderEmail);
    await expectAccessible(page);

    await j.signInWithForm(page, leaderEmail);
    expect(await page.getByRole('status').first().textContent()).toContain('Du er logget ind.');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Overblik');
    await expectAccessible(page);

    for (const link of ['Personer', 'Invitér', 'Logbog', 'Hvem har set mine data']) {
      await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: link }).click();
      await page.waitForLoadState();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBeTruthy();
      await expectAccessible(page);
    }
    await page.goto(`${base}/people?role=youth`);
    await page.getByRole('table').getByRole('link').first().click();
    await page.waitForURL(/\/people\/[0-9a-f-]+/);
    await expectAccessible(page);
    for (const path of ['/accessibility', '/api/docs', '/findes-ikke']) {
      await page.goto(`${base}${path}`);
      await expectAccessible(page);
    }

    await page.goto(`${base}/dashboard`);
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.waitForURL(`${base}/sign-in`);
    expect(await page.getByRole('status').first().textContent()).toContain('Du er logget ud.');
    await page.goto(`${base}/dashboard`);
    await page.waitForURL(/\/sign-in\?next=/);
    await context.close();
  });

  it('signs in with a link read from a real SMTP server', async () => {
    const { context, page } = await newPage();
    const email = demoEmail('youth_counsellor', roskilde);
    await page.goto(`${base}/sign-in`);
    await page
      .getByLabel(/^E-mail/)
      .nth(1)
      .fill(email);
    await page.getByRole('button', { name: 'Send link' }).click();
    await page.waitForURL(`${base}/sign-in?sent=1`);
    expect(await page.getByRole('status').first().textContent()).toContain('har vi sendt et link');
    const mail = await smtp.waitFor(email);
    const link = /(http:\/\/127\.0\.0\.1:\d+\/sign-in\/link\/[\w-]+)/.exec(mail.text)![1]!;
    await page.goto(link);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL(`${base}/dashboard`);
    expect(await page.locator('.app-user').textContent()).toContain('Logget ind som');
    await context.close();
  });

  it('switches language to English and back', async () => {
    const { context, page } = await newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByRole('link', { name: 'Skift sprog: English' }).click();
    await page.waitForURL(`${base}/sign-in`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Change language: Dansk' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Log ind');
    await context.close();
  });

  it('a team leader invites a colleague, who sets a password from the email and is signed in', async () => {
    const { context, page } = await newPage();
    await signIn(page, leaderEmail);
    await page.waitForURL(`${base}/dashboard`);
    await page.goto(`${base}/invitations/new`);
    await expectAccessible(page);
    // Bad input first: errors shown, values kept.
    await page.getByLabel(/^Navn/).fill('Mette Kjær');
    await page.getByLabel(/^E-mail/).fill('mette@');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => page.locator('#error-summary').isVisible()).toBe(true);
    expect(await page.getByLabel(/^Navn/).inputValue()).toBe('Mette Kjær');
    await expectAccessible(page);
    await page.getByLabel(/^E-mail/).fill('mette.kjaer@roskilde.nextwork.test');
    await page.getByLabel(/^Rolle/).selectOption({ label: 'Ungevejleder' });
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Invitationen er sendt');

    const mail = await smtp.waitFor('mette.kjaer@roskilde.nextwork.test');
    const link = /(http:\/\/127\.0\.0\.1:\d+\/invitations\/[\w-]+)/.exec(mail.text)![1]!;
    const invited = await newPage();
    await invited.page.goto(link);
    expect(await invited.page.getByRole('heading', { level: 1 }).textContent()).toBe('Velkommen til nextwork');
    await expectAccessible(invited.page);
    await invited.page.getByLabel(/^Ny adgangskode/).fill('min nye lange kode');
    await invited.page.getByLabel(/^Gentag adgangskoden/).fill('min nye lange kode');
    await invited.page.getByRole('button', { name: 'Opret adgang' }).click();
    await invited.page.waitForURL(`${base}/dashboard`);
    expect(await invited.page.getByRole('heading', { level: 1 }).textContent()).toBe('Overblik');
    await invited.context.close();
    await context.close();
  });

  it('works on a 360 px wide screen and by keyboard', async () => {
    const { context, page } = await newPage(360);
    await page.goto(`${base}/sign-in`);
    await expectNoHorizontalScroll(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gå til indhold');
    await page.keyboard.press('Enter');
    expect(page.url()).toContain('#main-content');
    // Sign in by keyboard only.
    await page
      .getByRole('textbox', { name: /^E-mail/ })
      .first()
      .focus();
    await page.keyboard.type(leaderEmail);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/dashboard`);
    for (const path of ['/dashboard', '/people', '/invitations/new', '/audit', '/me/audit']) {
      await page.goto(`${base}${path}`);
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);
    }
    await context.close();
  });

  it('a system administrator manages municipalities; a young person sees only their own pages', async () => {
    const { context, page } = await newPage();
    await signIn(page, demoEmail('system_admin', null));
    await page.waitForURL(`${base}/dashboard`);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Kommuner' }).click();
    await page.getByLabel(/^Navn/).fill('Horsens');
    await page.getByLabel(/^Kommunekode/).fill('61');
    await page.getByRole('button', { name: 'Opret kommune' }).click();
    await expect.poll(() => page.locator('#error-summary').textContent()).toContain('tre cifre');
    await expectAccessible(page);
    await page.getByLabel(/^Kommunekode/).fill('615');
    await page.getByRole('button', { name: 'Opret kommune' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Kommunen Horsens er oprettet.');
    await expectAccessible(page);
    await context.close();

    const youth = await newPage(360);
    await signIn(youth.page, demoEmail('youth', roskilde));
    await youth.page.waitForURL(`${base}/dashboard`);
    const nav = await youth.page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link').allTextContents();
    expect(nav).toEqual([
      'Overblik',
      'Min profil',
      'Mine tilbud',
      'Mine ønsker',
      'Min gruppe',
      'Min praktik',
      'Min bevægelse',
      'Mine rapporter',
      'Mine noter',
      'Mit kompetencepas',
      'Praktikmuligheder',
      'Beskeder',
      'Notifikationer',
      'Hvem har set mine data',
    ]);
    await expectAccessible(youth.page);
    // Their own log at 360 px: entries by person, and the kind filter works as a plain form.
    await youth.page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Hvem har set mine data' }).click();
    await youth.page.waitForURL(`${base}/me/audit`);
    expect(await youth.page.getByRole('heading', { level: 2 }).count()).toBeGreaterThan(0);
    await expectNoHorizontalScroll(youth.page);
    await expectAccessible(youth.page);
    await youth.page.getByRole('radio', { name: 'Log ind og log ud' }).check();
    await youth.page.getByRole('button', { name: 'Vis', exact: true }).click();
    await youth.page.waitForURL(`${base}/me/audit?kind=sign_in`);
    expect(await youth.page.getByText('Loggede ind').count()).toBeGreaterThan(0);
    await expectNoHorizontalScroll(youth.page);
    const res = await youth.page.goto(`${base}/people`);
    expect(res?.status()).toBe(404);
    await youth.context.close();
  });

  it('a company contact adds an opening; the team searches with a typo and finds it', async () => {
    const contact = await newPage();
    await signIn(contact.page, demoEmail('company_contact', roskilde));
    await contact.page.waitForURL(`${base}/dashboard`);
    await contact.page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Vores virksomhed' }).click();
    await expectAccessible(contact.page);
    await contact.page.getByRole('link', { name: 'Ny praktikmulighed' }).click();
    await expectAccessible(contact.page);
    await contact.page.getByLabel(/^Titel/).fill('Cykelmekanikerhjælper');
    await contact.page.getByLabel(/^Opgaverne/).fill('Du lapper dæk, justerer gear og hjælper kunderne i butikken.');
    await contact.page.getByLabel(/^Hvor/).fill('Algade 1, Roskilde');
    await contact.page.getByLabel(/^Timer om ugen/).fill('10');
    await contact.page.getByLabel(/^Kan starte fra/).fill('2026-04-01');
    await contact.page.getByLabel('Vis for de unge i netværket').check();
    await contact.page.getByRole('button', { name: 'Gem' }).click();
    await expect.poll(() => contact.page.locator('#error-summary').textContent()).toContain('fra 15 til 37');
    expect(await contact.page.getByLabel(/^Titel/).inputValue()).toBe('Cykelmekanikerhjælper');
    await expectAccessible(contact.page);
    await contact.page.getByLabel(/^Timer om ugen/).fill('20');
    await contact.page.getByRole('button', { name: 'Gem' }).click();
    await contact.page.waitForURL(/\/openings\/[0-9a-f-]+$/);
    expect(await contact.page.getByRole('heading', { level: 1 }).textContent()).toBe('Cykelmekanikerhjælper');
    await expectAccessible(contact.page);
    await contact.context.close();

    const team = await newPage(360);
    await signIn(team.page, demoEmail('network_consultant', roskilde));
    await team.page.waitForURL(`${base}/dashboard`);
    await team.page.goto(`${base}/openings`);
    await team.page.getByRole('search').getByLabel(/^Søg/).fill('cykelmekanikrhjælper');
    await team.page.getByRole('search').getByRole('button', { name: 'Søg' }).click();
    await expect.poll(() => team.page.getByRole('link', { name: 'Cykelmekanikerhjælper' }).isVisible()).toBe(true);
    await expectNoHorizontalScroll(team.page);
    await expectAccessible(team.page);
    // The area is chosen among the municipality's areas; every hit is then in that area.
    const areaField = team.page.getByRole('search').getByLabel(/^Område/);
    const area = (await areaField.locator('option').nth(1).textContent())!;
    await team.page.getByRole('search').getByLabel(/^Søg/).fill('');
    await areaField.selectOption(area);
    await team.page.getByRole('search').getByRole('button', { name: 'Søg' }).click();
    await team.page.waitForURL(/area=/);
    const cards = await team.page.locator('.app-results li').allTextContents();
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every((c) => c.includes(` · ${area}`))).toBe(true);
    await expectAccessible(team.page);
    for (const path of ['/companies', '/network-meetings', '/companies/import', '/youth']) {
      await team.page.goto(`${base}${path}`);
      await expectNoHorizontalScroll(team.page);
      await expectAccessible(team.page);
    }
    await team.page.goto(`${base}/companies`);
    await team.page.getByRole('table').getByRole('link').first().click();
    await expectAccessible(team.page);
    await team.context.close();
  });

  it('the team refers a young person; the young person fills in their profile on a phone and previews what companies see', async () => {
    const team = await newPage();
    await signIn(team.page, demoEmail('youth_counsellor', roskilde));
    await team.page.waitForURL(`${base}/dashboard`);
    await team.page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Unge' }).click();
    await expectAccessible(team.page);
    await team.page.getByRole('link', { name: 'Henvis en ung' }).click();
    await team.page.getByLabel(/^Fornavn/).fill('Sofie');
    await team.page.getByLabel(/^Efternavn/).fill('Brandt');
    await team.page.getByLabel(/^CPR-nummer/).fill('310299-4123');
    await team.page.getByLabel(/^E-mail/).fill('sofie.brandt@roskilde.nextwork.test');
    await team.page.getByLabel(/^Henvisende sagsbehandler/).fill('Karen Jobcenter');
    await team.page.getByLabel(/^Timer om ugen/).fill('20');
    await team.page.getByRole('button', { name: 'Henvis og send invitation' }).click();
    await expect.poll(() => team.page.locator('#error-summary').textContent()).toContain('gyldig fødselsdato');
    expect(await team.page.getByLabel(/^CPR-nummer/).inputValue()).toBe('');
    await expectAccessible(team.page);
    await team.page.getByLabel(/^CPR-nummer/).fill('280299-4123');
    await team.page.getByRole('button', { name: 'Henvis og send invitation' }).click();
    await team.page.waitForURL(/\/youth\/[0-9a-f-]+$/);
    expect(await team.page.getByRole('heading', { level: 1 }).textContent()).toBe('Sofie Brandt');
    expect(await team.page.locator('main').textContent()).toContain('280299-****');
    expect(await team.page.locator('main').textContent()).not.toContain('4123');
    await expectAccessible(team.page);
    await team.context.close();

    const mail = await smtp.waitFor('sofie.brandt@roskilde.nextwork.test');
    const link = /(http:\/\/127\.0\.0\.1:\d+\/invitations\/[\w-]+)/.exec(mail.text)![1]!;
    const young = await newPage(360);
    await young.page.goto(link);
    await young.page.getByLabel(/^Ny adgangskode/).fill('mit eget kodeord');
    await young.page.getByLabel(/^Gentag adgangskoden/).fill('mit eget kodeord');
    await young.page.getByRole('button', { name: 'Opret adgang' }).click();
    await young.page.waitForURL(`${base}/dashboard`);
    await young.page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Min profil' }).click();
    await expectNoHorizontalScroll(young.page);
    await expectAccessible(young.page);
    await young.page.getByRole('textbox', { name: /^Det vil jeg gerne prøve/ }).fill('Køkken og café');
    await young.page.getByRole('textbox', { name: /^Det er jeg god til/ }).fill('At lave mad til mange');
    await young.page.getByRole('textbox', { name: /^Det betyder noget for mig/ }).fill('Rolige kolleger');
    await young.page.getByRole('checkbox', { name: 'Det betyder noget for mig på en arbejdsplads' }).check();
    await young.page.getByRole('button', { name: 'Gem', exact: true }).click();
    await expect.poll(() => young.page.getByRole('status').first().textContent()).toContain('Din profil er gemt.');
    await young.page.getByRole('link', { name: 'Se hvad virksomhederne ser' }).click();
    const preview = (await young.page.locator('main').textContent()) ?? '';
    expect(preview).toContain('Sofie');
    expect(preview).not.toContain('Brandt');
    expect(preview).toContain('Køkken og café');
    expect(preview).toContain('Rolige kolleger');
    expect(preview).not.toContain('sofie.brandt@');
    await expectNoHorizontalScroll(young.page);
    await expectAccessible(young.page);
    await young.context.close();
  });

  it('a supervisor answers the weekly form from the emailed link on a phone; the young person sees the recognition; the counsellor sees the concern', async () => {
    const supervisorEmail = demoEmail('company_contact', roskilde);
    const [supervisor] = await t.database.db.select().from(users).where(eq(users.email, supervisorEmail));
    const [youthUser] = await t.database.db
      .select()
      .from(users)
      .where(eq(users.email, demoEmail('youth', roskilde)));
    const [young] = await t.database.db.select().from(youth).where(eq(youth.userId, youthUser!.id));
    // Whatever the hour the suite runs, this supervisor has no quiet hours.
    await t.services.notifications.savePreferences(
      { actor: { userId: supervisor!.id, name: '', email: supervisorEmail, memberships: [] }, requestId: 'e2e' },
      { email: 'immediate', quietFrom: '0', quietTo: '0', digestHour: '8' },
    );
    await t.services.internshipJobs.weeklyRequests();
    await t.services.notifications.deliver();
    const mail = await smtp.waitFor(supervisorEmail);
    expect(mail.text).toContain(`Hvordan gik ugen med ${young!.firstName}?`);
    const link = /(http:\/\/127\.0\.0\.1:\d+\/feedback\/[\w.-]+)/.exec(mail.text)![1]!;

    const phone = await newPage(360);
    await phone.page.goto(link);
    await expectNoHorizontalScroll(phone.page);
    await expectAccessible(phone.page);
    // Days that have not happened yet are not filled in for the supervisor (the suite runs any weekday).
    for (const day of ['Mandag', 'Tirsdag', 'Torsdag', 'Fredag']) {
      const select = phone.page.getByLabel(day);
      if (!(await select.inputValue())) await select.selectOption('met');
    }
    await phone.page.getByLabel('Onsdag').selectOption('sick');
    await phone.page.getByRole('textbox', { name: /^Én ting den unge gjorde godt/ }).fill('Hjalp en ny kollega godt i gang med lageret.');
    await phone.page.getByRole('textbox', { name: /^Bekymring/ }).fill('Virkede meget træt fredag.');
    await phone.page.getByRole('button', { name: 'Send tilbagemeldingen' }).click();
    await phone.page.waitForURL(`${base}/feedback/thanks`);
    await expectAccessible(phone.page);
    // The link is spent.
    await phone.page.goto(link);
    expect(await phone.page.getByRole('alert').textContent()).toContain('allerede brugt');
    await expectAccessible(phone.page);
    await phone.context.close();

    const me = await newPage(360);
    await signIn(me.page, demoEmail('youth', roskilde));
    await me.page.waitForURL(`${base}/dashboard`);
    await me.page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Min praktik' }).click();
    expect(await me.page.locator('main').textContent()).toContain('Hjalp en ny kollega godt i gang med lageret.');
    expect(await me.page.locator('main').textContent()).not.toContain('Virkede meget træt');
    await expectNoHorizontalScroll(me.page);
    await expectAccessible(me.page);
    // This week's check-in, by keyboard-reachable radio buttons.
    await me.page.getByRole('group', { name: 'Hvordan har du det?' }).getByLabel('7', { exact: true }).check();
    await me.page.getByRole('group', { name: 'Hvordan går det på arbejdspladsen?' }).getByLabel('6', { exact: true }).check();
    await me.page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => me.page.locator('#error-summary').textContent()).toContain('Vælg et tal fra 0 til 10');
    await expectAccessible(me.page);
    await me.page.getByRole('group', { name: 'Hvordan går det i netværket?' }).getByLabel('8', { exact: true }).check();
    await me.page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => me.page.getByRole('status').first().textContent()).toContain('Dit svar er gemt.');
    await me.context.close();

    const team = await newPage();
    await signIn(team.page, demoEmail('youth_counsellor', roskilde));
    await team.page.waitForURL(`${base}/dashboard`);
    await team.page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Praktikker' }).click();
    const flags = (await team.page.locator('.app-flags').textContent()) ?? '';
    expect(flags).toContain(`${young!.firstName} ${young!.lastName}: bekymring fra virksomheden`);
    await expectAccessible(team.page);
    // The flag links to the young person's record.
    expect(
      await team.page
        .locator('.app-flags')
        .getByRole('link', { name: `${young!.firstName} ${young!.lastName}` })
        .getAttribute('href'),
    ).toBe(`/youth/${young!.id}`);
    const internshipLink = team.page
      .getByRole('region', { name: 'Alle praktikker' })
      .getByRole('link', { name: new RegExp(`^${young!.firstName} ${young!.lastName}`) });
    await internshipLink.first().click();
    expect(await team.page.locator('main').textContent()).toContain('Virkede meget træt fredag.');
    await expectAccessible(team.page);
    await team.context.close();
  });
});
