import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, notInArray } from 'drizzle-orm';
import { users } from '../../src/modules/accounts/accounts.schema.ts';
import { companies, companyContacts, openings } from '../../src/modules/companies/companies.schema.ts';
import { demoEmail, demoMunicipalities } from '../../src/modules/demo/demo-accounts.ts';
import { wishes } from '../../src/modules/matching/matching.schema.ts';
import { youth } from '../../src/modules/youth/youth.schema.ts';
import { browserAvailability, expectAccessible, expectNoHorizontalScroll } from '../support/browser.ts';
import { type Journey, startJourney } from '../support/journey.ts';

const run = browserAvailability();
const roskilde = demoMunicipalities[0]!;

describe.runIf(run)('matching journey (Chromium, axe WCAG 2.1 AA)', () => {
  let j: Journey;
  /** A young person whose first wish is the demo company's opening, and that opening. */
  let young: { email: string; firstName: string; lastName: string; youthId: string };
  let wished: { id: string; title: string; companyName: string };
  let other: { id: string; title: string };

  beforeAll(async () => {
    j = await startJourney();
    const db = j.t.database.db;
    const [company] = await db
      .select({ id: companies.id, name: companies.name })
      .from(companyContacts)
      .innerJoin(users, eq(users.id, companyContacts.userId))
      .innerJoin(companies, eq(companies.id, companyContacts.companyId))
      .where(eq(users.email, demoEmail('company_contact', roskilde)));
    const firstWishes = await db
      .select({
        email: users.email,
        firstName: youth.firstName,
        lastName: youth.lastName,
        youthId: youth.id,
        municipalityId: youth.municipalityId,
        openingId: openings.id,
        title: openings.title,
      })
      .from(wishes)
      .innerJoin(openings, eq(openings.id, wishes.openingId))
      .innerJoin(youth, eq(youth.id, wishes.youthId))
      .innerJoin(users, eq(users.id, youth.userId))
      .where(and(eq(openings.companyId, company!.id), eq(wishes.rank, 1)))
      .orderBy(asc(youth.firstName));
    // A first name no one else wishing there has, so the company's page names one card.
    const unique = firstWishes.find((w) => firstWishes.filter((x) => x.firstName === w.firstName).length === 1)!;
    young = { email: unique.email, firstName: unique.firstName, lastName: unique.lastName, youthId: unique.youthId };
    wished = { id: unique.openingId, title: unique.title, companyName: company!.name };
    // Room for everyone who wishes it, so the company's answer decides.
    await db.update(openings).set({ seats: 5 }).where(eq(openings.id, wished.id));
    const mine = (await db.select({ id: wishes.openingId }).from(wishes).where(eq(wishes.youthId, young.youthId))).map((w) => w.id);
    const [o] = await db
      .select({ id: openings.id, title: openings.title })
      .from(openings)
      .where(and(eq(openings.published, true), eq(openings.municipalityId, unique.municipalityId), notInArray(openings.id, mine)))
      .limit(1);
    other = o!;
  });

  afterAll(() => j?.close());

  it('a young person ranks wishes on a phone by keyboard, the company answers, the consultant plans a match event the young person answers, runs a round for it, and the young person accepts', async () => {
    // The young person, on a 360 px screen.
    const phone = await j.newPage(360);
    await j.signIn(phone.page, young.email);
    const p = phone.page;
    await p.getByRole('link', { name: 'Mine ønsker' }).first().click();
    await p.waitForURL(`${j.base}/me/wishes`);
    const titles = () => p.locator('.app-wish-title a').allTextContents();
    expect((await titles())[0]).toBe(wished.title);
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);

    // Move down and back up with the keyboard only.
    await p.getByRole('button', { name: `Flyt ned: ${wished.title} (${wished.companyName})` }).focus();
    await p.keyboard.press('Enter');
    await p.waitForLoadState();
    await expect.poll(() => p.getByRole('status').first().textContent()).toContain('Rækkefølgen er gemt.');
    expect((await titles())[1]).toBe(wished.title);
    // The page lands on the moved wish, and its heading has the focus (app.js): the person keeps their place.
    expect(new URL(p.url()).hash).toBe(`#wish-${wished.id}`);
    await expect.poll(() => p.evaluate(() => document.activeElement?.id)).toBe(`wish-${wished.id}`);
    await p.getByRole('button', { name: `Flyt op: ${wished.title} (${wished.companyName})` }).focus();
    await p.keyboard.press('Enter');
    await p.waitForLoadState();
    await expect.poll(async () => (await titles())[0]).toBe(wished.title);

    // Why, in their own words.
    await p.getByLabel(`Hvorfor vil du gerne prøve ${wished.title} (${wished.companyName})?`).fill('Jeg vil gerne lære faget fra bunden.');
    await p.getByRole('button', { name: 'Gem' }).first().click();
    await expect.poll(() => p.getByRole('status').first().textContent()).toContain('Din begrundelse er gemt.');

    // "I'd like to try working here" on another opening adds it at the bottom.
    await p.goto(`${j.base}/openings/${other.id}`);
    await p.getByRole('button', { name: 'Jeg vil gerne prøve at arbejde her' }).click();
    await p.waitForURL(`${j.base}/me/wishes`);
    await expect.poll(async () => (await titles()).at(-1)).toBe(other.title);
    await expectAccessible(p);

    // The company contact answers: can take, priority 1.
    const desk = await j.newPage();
    await j.signIn(desk.page, demoEmail('company_contact', roskilde));
    const c = desk.page;
    await c.getByRole('link', { name: 'Unge der ønsker os' }).click();
    await expectAccessible(c);
    const question = c.getByRole('group', { name: `Kan I tage ${young.firstName}?` });
    expect(await c.getByText('Jeg vil gerne lære faget fra bunden.').count()).toBe(1);
    await question.getByLabel('Ja, gerne (prioritet 1)').check();
    await c.getByRole('button', { name: `Gem svar om ${young.firstName}` }).click();
    await expect.poll(() => c.getByRole('status').first().textContent()).toContain('Svaret er gemt.');
    expect(
      await c
        .getByRole('group', { name: `Kan I tage ${young.firstName}?` })
        .getByLabel('Ja, gerne (prioritet 1)')
        .isChecked(),
    ).toBe(true);

    // The company also logs that it called the young person: the young person is told.
    await c.getByRole('link', { name: 'Unge i netværket' }).click();
    const invite = c.locator('details', { has: c.locator(`input[name="youthId"][value="${young.youthId}"]`) });
    await invite.locator('summary').click();
    await invite.getByLabel('Hvordan').selectOption('call');
    await invite.getByLabel('Besked til den unge (valgfri)').fill('Vi ringede om en snak på værkstedet.');
    await invite.getByRole('button', { name: `Gem invitationen af ${young.firstName}` }).click();
    await expect.poll(() => c.getByRole('status').first().textContent()).toContain('Invitationen er gemt');
    await expectAccessible(c);
    await desk.context.close();

    // The network consultant plans a match event and invites the young person.
    const team = await j.newPage();
    await j.signIn(team.page, demoEmail('network_consultant', roskilde));
    const n = team.page;
    await n.getByRole('link', { name: 'Matchrunder' }).click();
    await expectAccessible(n);
    await n.getByRole('link', { name: 'Planlæg et match-event' }).click();
    await n.getByRole('button', { name: 'Planlæg og send invitationer' }).click();
    await expect.poll(() => n.getByRole('alert').first().textContent()).toContain('Vælg mindst én ung i kommunens netværk.');
    await expectAccessible(n);
    const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await n.getByLabel(/^Titel/).fill('Match-event i journeyen');
    await n.getByLabel(/^Dato/).fill(day);
    await n.getByLabel(/^Sted/).fill('Jobcentret, mødelokale 2');
    await n.getByRole('group', { name: 'Praktikmuligheder, der præsenteres' }).getByLabel(`${wished.companyName}: ${wished.title}`).check();
    await n.getByRole('group', { name: 'Inviterede unge' }).getByLabel(`${young.firstName} ${young.lastName}`, { exact: true }).check();
    await n.getByRole('button', { name: 'Planlæg og send invitationer' }).click();
    await n.waitForURL(/\/matching\/events\/[0-9a-f-]+$/);
    expect(await n.getByRole('heading', { level: 1 }).textContent()).toBe('Match-event i journeyen');
    const eventId = n.url().split('/').pop()!;
    await expectAccessible(n);

    // The young person answers on the phone, and sees the company's direct invitation.
    await p.goto(`${j.base}/me/wishes`);
    expect(await p.getByText(`${wished.companyName} inviterede dig (opkald`).count()).toBe(1);
    await p.getByRole('link', { name: 'Match-event i journeyen' }).click();
    await p.getByRole('button', { name: 'Jeg kommer', exact: true }).click();
    await expect.poll(() => p.getByRole('status').first().textContent()).toContain('Tak for dit svar.');
    expect(await p.getByText('Dit svar: Kommer').count()).toBe(1);
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);

    // The consultant runs a round for the event with a recorded seed, reviews it and publishes it.
    await n.getByRole('link', { name: 'Matchrunder' }).click();
    await n.getByLabel('Kun for et match-event').selectOption(eventId);
    await n.getByLabel('Startværdi for lodtrækningen').fill('42');
    await n.getByRole('button', { name: 'Kør matchrunde' }).click();
    await n.waitForURL(/\/matching\/rounds\/[0-9a-f-]+$/);
    expect(await n.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Matchrunde /);
    expect(await n.getByText('startværdi 42').count()).toBe(1);
    const row = n.getByRole('row').filter({ hasText: young.firstName });
    expect(await row.textContent()).toContain(`${wished.title}, ${wished.companyName}`);
    await expectAccessible(n);
    await n.getByRole('button', { name: 'Offentliggør for de unge' }).click();
    await expect.poll(() => n.getByRole('status').first().textContent()).toContain('Forslaget er offentliggjort.');
    await team.context.close();

    // The young person sees the place and accepts: the internship is planned.
    await p.goto(`${j.base}/me/wishes`);
    expect(await p.getByRole('heading', { name: `Du kan få praktik: ${wished.title}, ${wished.companyName}` }).count()).toBe(1);
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);
    await p.getByRole('button', { name: 'Ja tak' }).click();
    await p.waitForURL(`${j.base}/me/internships`);
    await expect.poll(() => p.getByRole('status').first().textContent()).toContain('Din praktik er planlagt');
    expect(await p.getByText(wished.companyName).count()).toBeGreaterThan(0);
    await expectAccessible(p);
    await phone.context.close();
    // The longest journey (five people, a round, axe on the event form of 40 young people): 35–55 s on a
    // busy 2-core machine, so it gets twice the default limit rather than failing when the machine is loaded.
  }, 120_000);
});
