import { eq, sql } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildServer, type App } from '../../src/app/server.ts';
import { oneTimeTokens, users } from '../../src/modules/accounts/accounts.schema.ts';
import { seedDemo } from '../../src/modules/demo/seed.ts';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo-accounts.ts';
import { newToken } from '../../src/platform/crypto/tokens.ts';
import { deviceCookieValue } from '../../src/platform/http/device.ts';
import { cookieName } from '../../src/platform/http/request.ts';
import { type TestContext, createTestContext, ctx } from './context.ts';
import { freePort, launchChromium } from './browser.ts';
import { startSmtp } from './smtp.ts';

export interface Journey {
  t: TestContext;
  base: string;
  smtp: Awaited<ReturnType<typeof startSmtp>>;
  newPage(width?: number): Promise<{ context: BrowserContext; page: Page }>;
  /**
   * Signs the page's browser in as `email` without the sign-in form (a fixture: the account service
   * starts a real session, whose cookies are put in the browser), and opens the dashboard.
   */
  signIn(page: Page, email: string): Promise<void>;
  /** Signs in through the sign-in form, as a person does: for tests about signing in. */
  signInWithForm(page: Page, email: string, password?: string): Promise<void>;
  close(): Promise<void>;
}

/** The demo network on a fresh database, served on loopback with a real SMTP server, and Chromium. */
export async function startJourney(): Promise<Journey> {
  const smtp = await startSmtp();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t = await createTestContext({ smtpUrl: smtp.url, demo: true, baseUrl: base });
  await seedDemo(t.database.db, t.clock.now(), t.services.sealer);
  // Real time for the browser: sessions are checked against the clock.
  t.clock.set(new Date());
  const cookies = { secure: false, secret: 'e'.repeat(40) };
  const app: App = await buildServer(t.services, {
    sessionSecret: cookies.secret,
    secureCookies: cookies.secure,
    logLevel: 'silent',
    logger: false,
  });
  await app.listen({ port, host: '127.0.0.1' });
  const browser: Browser = await launchChromium();
  return {
    t,
    base,
    smtp,
    async newPage(width = 1280) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'da-DK' });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      return { context, page };
    },
    async signIn(page, email) {
      // The same session and cookies the sign-in routes give (accounts.routes.tsx, startSession),
      // started by the account service from a one-time sign-in token, so no password is hashed and
      // no page is loaded. The CSRF cookie comes with the first page, as it does after the form.
      const db = t.database.db;
      const [user] = await db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
        .limit(1);
      if (!user) throw new Error(`signIn: no account for ${email}`);
      const now = t.clock.now();
      const { token, id } = newToken();
      await db.insert(oneTimeTokens).values({
        id,
        purpose: 'sign_in',
        userId: user.id,
        email: user.email,
        createdAt: now,
        expiresAt: new Date(now.getTime() + 60_000),
      });
      const { sessionToken } = await t.services.accounts.signInWithLink(ctx(null), token);
      const cookie = { url: base, httpOnly: true, sameSite: 'Lax' as const, secure: false };
      await page.context().addCookies([
        { ...cookie, name: cookieName(cookies, 'session'), value: sessionToken },
        { ...cookie, name: cookieName(cookies, 'device'), value: deviceCookieValue(cookies.secret, user.email, now) },
      ]);
      await page.goto(`${base}/dashboard`);
      if (page.url() !== `${base}/dashboard`) throw new Error(`signIn: ${email} was not signed in (at ${page.url()})`);
    },
    async signInWithForm(page, email, password = DEMO_PASSWORD) {
      await page.goto(`${base}/sign-in`);
      await page
        .getByRole('textbox', { name: /^E-mail/ })
        .first()
        .fill(email);
      await page.getByLabel(/^Adgangskode/).fill(password);
      await page.getByRole('button', { name: 'Log ind' }).click();
      await page.waitForURL(`${base}/dashboard`);
    },
    async close() {
      await browser.close();
      await app.close();
      await t.close();
      await smtp.close();
    },
  };
}
