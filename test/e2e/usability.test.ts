import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { demoEmail, demoMunicipalities } from '../../src/modules/demo/demo-accounts.ts';
import { companies, openings } from '../../src/modules/companies/companies.schema.ts';
import { municipalities } from '../../src/modules/municipalities/municipalities.schema.ts';
import { makeUser } from '../support/context.ts';
import { browserAvailability, expectAccessible, expectNoHorizontalScroll } from '../support/browser.ts';
import { type Journey, startJourney } from '../support/journey.ts';

const run = browserAvailability();
const roskilde = demoMunicipalities[0]!;

describe.runIf(run)('smaller things users hit (Chromium, 360 px, axe)', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(() => j?.close());

  it('a newly referred young person accepts the invitation, fills the profile, wishes, and is invited to a match event with no status change by hand', async () => {
    const db = j.t.database.db;
    const [m] = await db.select().from(municipalities).where(eq(municipalities.name, roskilde.name));
    const [opening] = await db
      .select({ id: openings.id, title: openings.title, companyName: companies.name })
      .from(openings)
      .innerJoin(companies, eq(companies.id, openings.companyId))
      .where(and(eq(openings.municipalityId, m!.id), eq(openings.published, true)))
      .limit(1);
    // The team refers her (the referral form has its own journey); the invitation goes by email.
    const counsellor = await makeUser(j.t, [{ role: 'youth_counsellor', municipalityId: m!.id }]);
    await j.t.services.youth.refer(
      { actor: counsellor },
      m!.id,
      {
        firstName: 'Sara',
        lastName: 'Holm',
        cpr: '120303-4128',
        email: 'sara.holm@roskilde.nextwork.test',
        referringCaseworker: 'Karen Jobcenter',
        referredOn: new Date().toISOString().slice(0, 10),
        hoursPossible: '20',
        eligibilityNote: '',
      },
      'da',
    );

    // Before she accepts, the event form says she cannot be invited yet, and why.
    const team = await j.newPage(360);
    await j.signIn(team.page, demoEmail('network_consultant', roskilde));
    const n = team.page;
    await n.goto(`${j.base}/matching/events/new`);
    expect(await n.locator('.app-cannot-invite').textContent()).toContain(
      'Sara Holm kan ikke inviteres: henvist, har ikke taget imod invitationen endnu.',
    );
    expect(await n.getByRole('group', { name: 'Inviterede unge' }).getByLabel('Sara Holm', { exact: true }).count()).toBe(0);

    const mail = await j.smtp.waitFor('sara.holm@roskilde.nextwork.test');
    const link = /(http:\/\/127\.0\.0\.1:\d+\/invitations\/[\w-]+)/.exec(mail.text)![1]!;
    const young = await j.newPage(360);
    const p = young.page;
    await p.goto(link);
    await p.getByLabel(/^Ny adgangskode/).fill('mit eget kodeord');
    await p.getByLabel(/^Gentag adgangskoden/).fill('mit eget kodeord');
    await p.getByRole('button', { name: 'Opret adgang' }).click();
    await p.waitForURL(`${j.base}/dashboard`);
    await p.goto(`${j.base}/me/profile`);
    await p.getByRole('textbox', { name: /^Det vil jeg gerne prøve/ }).fill('Lager og logistik');
    await p.getByRole('button', { name: 'Gem', exact: true }).click();
    await expect.poll(() => p.getByRole('status').first().textContent()).toContain('Din profil er gemt.');
    await p.goto(`${j.base}/openings/${opening!.id}`);
    await p.getByRole('button', { name: 'Jeg vil gerne prøve at arbejde her' }).click();
    await p.waitForURL(`${j.base}/me/wishes`);
    expect(await p.locator('.app-wish-title a').allTextContents()).toEqual([opening!.title]);
    await expectNoHorizontalScroll(p);

    // The consultant invites her straight away: she is in the form, starting in the network.
    await n.goto(`${j.base}/matching/events/new`);
    const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await n.getByLabel(/^Titel/).fill('Match-event for nye');
    await n.getByLabel(/^Dato/).fill(day);
    await n.getByLabel(/^Sted/).fill('Jobcentret');
    await n
      .getByRole('group', { name: 'Praktikmuligheder, der præsenteres' })
      // By its id: the demo may have two openings with the same company and title.
      .locator(`input[value="${opening!.id}"]`)
      .check();
    await n.getByRole('group', { name: 'Inviterede unge' }).getByLabel('Sara Holm', { exact: true }).check();
    await expectAccessible(n);
    await expectNoHorizontalScroll(n);
    await n.getByRole('button', { name: 'Planlæg og send invitationer' }).click();
    await n.waitForURL(/\/matching\/events\/[0-9a-f-]+$/);
    expect(await n.locator('main').textContent()).toContain('Sara Holm');

    // Her record shows the move, by herself, with its reason.
    await n.getByRole('link', { name: 'Sara Holm' }).click();
    const record = (await n.locator('main').textContent()) ?? '';
    expect(record).toContain('Henvist → Starter');
    expect(record).toContain('Har taget imod invitationen');
    await expectAccessible(n);
    await team.context.close();
    await young.context.close();
  });

  it('a form sent after the session expired is shown again, filled in, after signing in', async () => {
    const { context, page: p } = await j.newPage(360);
    // Through the form: a form is kept only for the account whose sign-in left its note (the device
    // cookie) on this browser, so this journey signs in as a person does.
    await j.signInWithForm(p, demoEmail('youth', roskilde));
    await p.goto(`${j.base}/me/profile`);
    const wish = p.getByRole('textbox', { name: /^Det vil jeg gerne prøve/ });
    await wish.fill('Værksted og biler – og måske lager');
    // The session ends while the form is open (here: the browser loses the session cookie).
    await context.clearCookies({ name: 'nw_session' });
    await p.getByRole('button', { name: 'Gem', exact: true }).click();
    await p.waitForURL(/\/sign-in\?next=%2Fme%2Fprofile$/);
    expect(await p.getByRole('status').first().textContent()).toContain('Du blev logget ud');
    await expectAccessible(p);
    await p
      .getByRole('textbox', { name: /^E-mail/ })
      .first()
      .fill(demoEmail('youth', roskilde));
    await p.getByLabel(/^Adgangskode/).fill('nextwork-demo');
    await p.getByRole('button', { name: 'Log ind' }).click();
    await p.waitForURL(`${j.base}/me/profile`);
    expect(await p.locator('#saved-form-notice').textContent()).toContain(
      'Du blev logget ud, så vi har gemt det, du skrev.Tjek det og send igen.',
    );
    expect(await wish.inputValue()).toBe('Værksted og biler – og måske lager');
    await expect.poll(() => p.evaluate(() => document.activeElement?.id)).toBe('saved-form-notice');
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);
    await p.getByRole('button', { name: 'Gem', exact: true }).click();
    await expect.poll(() => p.getByRole('status').first().textContent()).toContain('Din profil er gemt.');
    expect(await wish.inputValue()).toBe('Værksted og biler – og måske lager');
    // Used once: the page on its own is the saved profile, without the notice.
    await p.reload();
    expect(await p.locator('#saved-form-notice').count()).toBe(0);
    await context.close();
  });

  it('warns about 2 minutes before the idle timeout, and "Bliv logget ind" keeps the session', async () => {
    const { context, page: p } = await j.newPage(360);
    await j.signIn(p, demoEmail('youth', roskilde));
    // The browser's clock only: the page's timers run 28 minutes ahead; the server's session is fresh.
    await p.clock.install();
    await p.goto(`${j.base}/me/profile`);
    const dialog = p.getByRole('dialog', { name: 'Vil du blive logget ind?' });
    expect(await dialog.isVisible()).toBe(false);
    await p.clock.fastForward('27:30');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('Om cirka 2 minutter bliver du logget ud');
    await expectAccessible(p);
    const kept = p.waitForResponse((r) => r.url().endsWith('/session/keep-alive'));
    await dialog.getByRole('button', { name: 'Bliv logget ind' }).click();
    expect((await kept).status()).toBe(204);
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await context.close();
  });
});
