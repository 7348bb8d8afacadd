import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildServer, type App } from '../../src/app/server.ts';
import { seedDemo } from '../../src/modules/demo/seed.ts';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo-accounts.ts';
import { type TestContext, createTestContext } from './context.ts';
import { freePort, launchChromium } from './browser.ts';
import { startSmtp } from './smtp.ts';

export interface Journey {
  t: TestContext;
  base: string;
  smtp: Awaited<ReturnType<typeof startSmtp>>;
  newPage(width?: number): Promise<{ context: BrowserContext; page: Page }>;
  signIn(page: Page, email: string, password?: string): Promise<void>;
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
  const app: App = await buildServer(t.services, {
    sessionSecret: 'e'.repeat(40),
    secureCookies: false,
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
    async signIn(page, email, password = DEMO_PASSWORD) {
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
