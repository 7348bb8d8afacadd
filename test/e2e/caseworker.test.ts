import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { memberships, users } from '../../src/modules/accounts/accounts.schema.ts';
import { demoEmail, demoMunicipalities } from '../../src/modules/demo/demo-accounts.ts';
import { internships } from '../../src/modules/internships/internships.schema.ts';
import { youth } from '../../src/modules/youth/youth.schema.ts';
import { browserAvailability, expectAccessible, expectNoHorizontalScroll } from '../support/browser.ts';
import { type Journey, startJourney } from '../support/journey.ts';

const run = browserAvailability();
const roskilde = demoMunicipalities[0]!;

describe.runIf(run)("the jobcentre caseworker's approval queue (Chromium, 360 px, axe WCAG 2.1 AA)", () => {
  let j: Journey;
  let internshipId: string;
  let reference: string;
  beforeAll(async () => {
    j = await startJourney();
    const db = j.t.database.db;
    const [me] = await db
      .select()
      .from(users)
      .where(eq(users.email, demoEmail('caseworker', roskilde)));
    const [m] = await db.select().from(memberships).where(eq(memberships.userId, me!.id));
    // A start waiting for the jobcentre (the demo's open clocks): its young person is the demo caseworker's.
    const [i] = await db
      .select()
      .from(internships)
      .where(
        and(eq(internships.municipalityId, m!.municipalityId!), eq(internships.status, 'planned'), eq(internships.vitasStatus, 'not_sent')),
      )
      .limit(1);
    await db.update(youth).set({ caseworkerUserId: me!.id }).where(eq(youth.id, i!.youthId));
    internshipId = i!.id;
    reference = 'VIT-2026/0042';
  });
  afterAll(() => j?.close());

  it('the caseworker sees their young people and approves a start in one step from the home, on a phone', async () => {
    const { page: p, context } = await j.newPage(360);
    await j.signIn(p, demoEmail('caseworker', roskilde));
    const queue = p.getByRole('region', { name: 'Praktikker, der venter på jobcentrets godkendelse' });
    await queue.waitFor();
    const card = p.locator(`#approve-${internshipId}`);
    expect(await card.textContent()).toMatch(/dage tilbage|overskredet/);
    expect(await p.getByRole('region', { name: 'Dine unge' }).getByRole('table').count()).toBe(1);
    expect(await p.getByRole('heading', { name: 'Modtagne rapporter' }).count()).toBe(1);
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);

    // A bad reference: the form again with what was wrong, nothing recorded.
    await card.getByLabel('VITAS-reference').fill('VIT 1; x');
    await card.getByRole('button', { name: 'Registrér godkendelsen' }).click();
    await p.getByRole('alert').waitFor();
    expect(await p.getByRole('alert').textContent()).toContain('VITAS-referencen må kun have bogstaver');
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);
    const db = j.t.database.db;
    const status = async () =>
      (
        await db
          .select({ v: internships.vitasStatus })
          .from(internships)
          .where(inArray(internships.id, [internshipId]))
      )[0]!.v;
    expect(await status()).toBe('not_sent');

    await p.getByLabel('VITAS-reference').fill(reference);
    await p.getByRole('button', { name: 'Registrér godkendelsen' }).click();
    await p.waitForURL(/\/dashboard$/);
    expect(await p.locator('body').textContent()).toContain('Godkendelsen er registreret.');
    expect(await p.locator(`#approve-${internshipId}`).count()).toBe(0);
    expect(await status()).toBe('approved');
    await expectAccessible(p);
    await context.close();
  });
});
