import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../src/modules/accounts/accounts.schema.ts';
import type { Browser, Page } from 'playwright-core';
import { buildServer, type App } from '../../src/app/server.ts';
import { createServices, type Services } from '../../src/app/services.ts';
import { cookieName } from '../../src/platform/http/request.ts';
import { browserAvailability, expectAccessible, expectNoHorizontalScroll, freePort, launchChromium } from '../support/browser.ts';
import { type TestContext, createTestContext, ctx, makeMunicipality, makeUser } from '../support/context.ts';
import { CPR_CLAIM, type TestProvider, startTestProvider } from '../support/oidc-provider.ts';

const run = browserAvailability();

describe.runIf(run)(
  'sign-in with MitID, and text messages, journey (Chromium, 360 px, axe WCAG 2.1 AA; a real OpenID Connect provider)',
  () => {
    let t: TestContext;
    let provider: TestProvider;
    let services: Services;
    let app: App;
    let browser: Browser;
    let base: string;
    beforeAll(async () => {
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      t = await createTestContext({ baseUrl: base });
      t.clock.set(new Date()); // real time for the browser
      provider = await startTestProvider(base);
      services = createServices(t.database, t.clock, {
        ...t.services.settings,
        oidc: {
          issuer: provider.issuer,
          clientId: provider.clientId,
          clientSecret: provider.clientSecret,
          label: 'MitID',
          scopes: `openid ${CPR_CLAIM}`,
          cprClaim: CPR_CLAIM,
        },
      });
      app = await buildServer(services, { sessionSecret: 'e'.repeat(40), secureCookies: false, logLevel: 'silent', logger: false });
      await app.listen({ port, host: '127.0.0.1' });
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await app?.close();
      await provider?.close();
      await t?.close();
    });

    const newPage = async (): Promise<Page> => {
      const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'da-DK' });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      return page;
    };

    it('a staff member links MitID under their profile, signs out there too, and signs in with it', async () => {
      const m = (await makeMunicipality(t)).id;
      const staff = await makeUser(t, [{ role: 'network_consultant', municipalityId: m }], { name: 'Nina Konsulent' });
      provider.addAccount('idp-nina');

      // Signed in by the fixture (a real session from the account service).
      const p = await newPage();
      const { sessionToken } = (await services.accounts.signInVerified(ctx(null), staff.userId, 'test'))!;
      await p
        .context()
        .addCookies([{ url: base, name: cookieName({ secure: false }, 'session'), value: sessionToken, httpOnly: true, sameSite: 'Lax' }]);
      await p.goto(`${base}/me/contact`);
      await p.getByRole('link', { name: 'Forbind din konto med MitID eller fjern forbindelsen' }).click();
      await p.waitForURL(`${base}/me/sign-in`);
      expect(await p.getByRole('main').textContent()).toContain('Din konto er ikke forbundet med MitID.');
      await expectAccessible(p);
      await expectNoHorizontalScroll(p);

      provider.signInNext('idp-nina');
      await p.getByRole('link', { name: 'Forbind med MitID' }).click();
      await p.waitForURL(`${base}/me/sign-in`);
      await expect.poll(() => p.getByRole('status').first().textContent()).toContain('Din konto er nu forbundet med MitID.');
      expect(await p.getByRole('main').textContent()).toContain('Din konto er forbundet med MitID siden');
      await expectAccessible(p);

      // Sign-in with MitID from the sign-in page, by keyboard.
      const q = await newPage();
      await q.goto(`${base}/sign-in`);
      await expectAccessible(q);
      await expectNoHorizontalScroll(q);
      provider.signInNext('idp-nina');
      await q.getByRole('link', { name: 'Log ind med MitID' }).focus();
      await q.keyboard.press('Enter');
      await q.waitForURL(`${base}/dashboard`);
      expect(await q.getByRole('main').textContent()).toBeTruthy();

      // Signing out goes on to the provider's end-session page (allowed by the CSP's form-action).
      await q.getByRole('button', { name: 'Log ud' }).click();
      await q.waitForURL(new RegExp(`^${provider.issuer}/session/end`));
    });

    it('an unknown person gets a clear, accessible page', async () => {
      provider.addAccount('mitid-unknown', { cpr: '0101900001' });
      const p = await newPage();
      await p.goto(`${base}/sign-in`);
      provider.signInNext('mitid-unknown');
      await p.getByRole('link', { name: 'Log ind med MitID' }).click();
      await p.waitForURL(/\/sign-in\/oidc\/callback/);
      expect(await p.getByRole('heading', { level: 1 }).textContent()).toBe('Du blev ikke logget ind');
      expect(await p.getByRole('alert').textContent()).toContain('Vi kunne ikke finde en konto til dig');
      await expectAccessible(p);
      await expectNoHorizontalScroll(p);
      await p.getByRole('link', { name: 'Tilbage til log ind' }).click();
      await p.waitForURL(`${base}/sign-in`);
    });

    it('a person chooses text messages; without a readable number the form says so', async () => {
      const m = (await makeMunicipality(t)).id;
      const staff = await makeUser(t, [{ role: 'youth_counsellor', municipalityId: m }]);
      const p = await newPage();
      const { sessionToken } = (await services.accounts.signInVerified(ctx(null), staff.userId, 'test'))!;
      await p
        .context()
        .addCookies([{ url: base, name: cookieName({ secure: false }, 'session'), value: sessionToken, httpOnly: true, sameSite: 'Lax' }]);
      await p.goto(`${base}/me/notifications`);
      await p.getByLabel('Send mig også en sms').check();
      await p.getByRole('button', { name: 'Gem' }).first().click();
      await expect.poll(() => p.locator('#error-summary').textContent()).toContain('Vi har ikke et dansk eller svensk mobilnummer til dig');
      await expectAccessible(p);
      await expectNoHorizontalScroll(p);
      await t.database.db.update(users).set({ phone: '20304050' }).where(eq(users.id, staff.userId));
      await p.getByLabel('Send mig også en sms').check();
      await p.getByRole('button', { name: 'Gem' }).first().click();
      await expect.poll(() => p.getByRole('status').first().textContent()).toContain('Dine valg er gemt.');
      expect(await p.getByLabel('Send mig også en sms').isChecked()).toBe(true);
      await expectAccessible(p);
    });
  },
);
