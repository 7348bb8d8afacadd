import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, demoMunicipalities } from '../../src/modules/demo/demo-accounts.ts';
import { browserAvailability, expectAccessible, expectNoHorizontalScroll } from '../support/browser.ts';
import { type Journey, startJourney } from '../support/journey.ts';

const run = browserAvailability();
const roskilde = demoMunicipalities[0]!;

describe.runIf(run)('messages journey (Chromium, 360 px, axe WCAG 2.1 AA)', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(() => j?.close());

  it('the young person writes to the company in the internship conversation, and the company contact answers', async () => {
    const youth = await j.newPage(360);
    const y = youth.page;
    await j.signIn(y, demoEmail('youth', roskilde));
    await y.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Beskeder' }).click();
    await y.waitForURL(`${j.base}/messages`);
    expect(await y.getByRole('link', { name: 'Skriv til din kontaktperson/teamet' }).count()).toBe(1);
    const item = y.getByRole('listitem').filter({ has: y.getByRole('link', { name: /^Din praktik hos / }) });
    expect(await item.textContent()).toContain('1 ny besked');
    await expectAccessible(y);
    await item.getByRole('link').click();
    await y.waitForURL(/\/messages\/[0-9a-f-]+$/);
    const thread = y.url();
    expect(await y.getByRole('list', { name: 'Beskederne, ældste først' }).getByRole('listitem').count()).toBe(4);
    await expectNoHorizontalScroll(y);

    // An empty message is refused with a clear error; then the message is sent and the form is empty again.
    await y.getByRole('button', { name: 'Send besked' }).click();
    await expect.poll(() => y.locator('#error-summary').textContent()).toContain('Skriv en besked, før du sender.');
    await expectAccessible(y);
    await y.getByLabel(/^Din besked/).fill('Jeg har feber og bliver hjemme i dag. Undskyld!');
    await y.getByRole('button', { name: 'Send besked' }).click();
    await y.waitForURL(`${thread}#latest`);
    await expect.poll(() => y.getByRole('status').first().textContent()).toContain('Beskeden er sendt.');
    expect(await y.getByLabel(/^Din besked/).inputValue()).toBe('');
    expect(await y.locator('#latest').textContent()).toContain('Jeg har feber');

    // The company contact sees the conversation with its unread messages and answers.
    const company = await j.newPage(360);
    const c = company.page;
    await j.signIn(c, demoEmail('company_contact', roskilde));
    await c.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Beskeder' }).click();
    await c.waitForURL(`${j.base}/messages`);
    expect(await c.getByRole('main').textContent()).toContain('3 nye beskeder');
    await c.getByRole('link', { name: / i praktik hos / }).click();
    await c.waitForURL(thread);
    expect(await c.locator('#latest').textContent()).toContain('Ny');
    await expectAccessible(c);
    await c.getByLabel(/^Din besked/).fill('God bedring! Vi ses, når du er rask.');
    await c.getByRole('button', { name: 'Send besked' }).click();
    await c.waitForURL(`${thread}#latest`);
    expect(await c.locator('#latest').textContent()).toContain('God bedring!');

    // The young person sees the answer, marked new.
    await y.goto(thread);
    const latest = await y.locator('#latest').textContent();
    expect(latest).toContain('God bedring!');
    expect(latest).toContain('Ny');
    await youth.context.close();
    await company.context.close();
  });
});
