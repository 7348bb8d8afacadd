import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNotNull, ne } from 'drizzle-orm';
import { users } from '../../src/modules/accounts/accounts.schema.ts';
import { demoEmail, demoMunicipalities } from '../../src/modules/demo/demo-accounts.ts';
import { youth } from '../../src/modules/youth/youth.schema.ts';
import { auditEvents } from '../../src/platform/audit/audit.schema.ts';
import { browserAvailability, expectAccessible, expectNoHorizontalScroll } from '../support/browser.ts';
import { type Journey, startJourney } from '../support/journey.ts';

const run = browserAvailability();
const roskilde = demoMunicipalities[0]!;

describe.runIf(run)("the young person's data export (Chromium, 360 px, axe WCAG 2.1 AA)", () => {
  let j: Journey;
  let youthId: string;
  let userId: string;
  beforeAll(async () => {
    j = await startJourney();
    const db = j.t.database.db;
    const [me] = await db
      .select()
      .from(users)
      .where(eq(users.email, demoEmail('youth', roskilde)));
    const [y] = await db.select().from(youth).where(eq(youth.userId, me!.id));
    youthId = y!.id;
    userId = me!.id;
  });
  afterAll(() => j?.close());

  const exports = async () =>
    j.t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'data.export'), eq(auditEvents.subjectUserId, userId)));

  it('the young person goes from their home to their rights, reads their data as a document and downloads the file', async () => {
    const { page: p, context } = await j.newPage(360);
    await j.signIn(p, demoEmail('youth', roskilde));
    await p.getByRole('link', { name: 'Download mine data' }).click();
    await p.waitForURL(/\/me\/data$/);
    expect(await p.getByRole('heading', { level: 1 }).textContent()).toBe('Dine data og dine rettigheder');
    expect(await p.locator('main').textContent()).toContain('Datatilsynet');
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);

    await p.getByRole('link', { name: 'Se mine data som dokument' }).click();
    await p.waitForURL(/\/me\/data\/document$/);
    const profile = p.getByRole('region', { name: 'Din profil', exact: true });
    const text = await profile.textContent();
    expect(text).toContain('Fødselsdato');
    // Dates in words, labels not column names, names not ids.
    expect(text).toMatch(/\d{1,2}\. (januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december) \d{4}/);
    expect(text).not.toContain('birth_date');
    expect(await p.getByRole('region', { name: 'Dine praktikker', exact: true }).textContent()).toContain('Juhls IT-support');
    expect(await p.getByRole('region', { name: 'Det er ikke med, og hvorfor' }).textContent()).toContain('CPR-nummer');
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);

    const download = await p.request.get(`${j.base}/me/data/export.json`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toMatch(/^attachment; filename="nextwork-data-\d{4}-\d{2}-\d{2}\.json"$/);
    const body = (await download.json()) as { format: string; youth: { id: string }; sections: { table: string }[] };
    expect(body.format).toBe('nextwork-data-export');
    expect(body.youth.id).toBe(youthId);
    expect(body.sections.length).toBeGreaterThan(30);
    // The document and the file: two exports in the log, by the young person.
    expect((await exports()).filter((e) => e.actorUserId === userId)).toHaveLength(2);
    await context.close();
  });

  it('the team leader makes the same document for a request by letter, from the young person’s page', async () => {
    const { page: p, context } = await j.newPage(1280);
    await j.signIn(p, demoEmail('team_leader', roskilde));
    await p.goto(`${j.base}/youth/${youthId}`);
    const section = p.getByRole('region', { name: 'Udlevering af data' });
    await section.getByRole('link', { name: 'Lav dokument til udlevering' }).click();
    await p.waitForURL(new RegExp(`/youth/${youthId}/data/document$`));
    expect(await p.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Data om .+ i NExTWORK$/);
    await expectAccessible(p);
    expect(
      (await exports()).some((e) => e.actorRole === 'team_leader' && (e.details as { requestedBy?: string }).requestedBy === 'team'),
    ).toBe(true);
    // A company contact has no such section, and the document is not found for them.
    const other = await j.newPage(1280);
    await j.signIn(other.page, demoEmail('company_contact', roskilde));
    const refused = await other.page.request.get(`${j.base}/youth/${youthId}/data/document`);
    expect(refused.status()).toBe(404);
    await other.context.close();
    await context.close();
  });

  it('the team leader erases a young person’s data after reading what is kept, and ticking the box', async () => {
    const db = j.t.database.db;
    const [other] = await db
      .select()
      .from(youth)
      .where(
        and(
          eq(youth.municipalityId, (await db.select().from(youth).where(eq(youth.id, youthId)))[0]!.municipalityId),
          ne(youth.id, youthId),
          isNotNull(youth.userId),
        ),
      )
      .limit(1);
    const { page: p, context } = await j.newPage(360);
    await j.signIn(p, demoEmail('team_leader', roskilde));
    await p.goto(`${j.base}/youth/${other!.id}`);
    await p.getByRole('link', { name: 'Slet data efter anmodning' }).click();
    await p.waitForURL(new RegExp(`/youth/${other!.id}/erase$`));
    expect(await p.getByRole('heading', { level: 2, name: 'Det gemmes, og hvorfor' }).count()).toBe(1);
    await expectAccessible(p);
    await expectNoHorizontalScroll(p);
    // Without the box ticked: the form says so, and nothing is erased.
    await p.getByRole('button', { name: 'Slet data' }).click();
    await p.locator('#error-summary').waitFor();
    expect(await p.locator('#error-summary').textContent()).toContain('Sæt kryds');
    await expectAccessible(p);
    expect((await db.select().from(youth).where(eq(youth.id, other!.id)))[0]!.erasedAt).toBeNull();
    await p.getByLabel(/^Vi har læst/).check();
    await p.getByRole('button', { name: 'Slet data' }).click();
    await p.waitForURL(new RegExp(`/youth/${other!.id}$`));
    expect(await p.locator('main').textContent()).toContain('Den unges data er slettet.');
    const [erased] = await db.select().from(youth).where(eq(youth.id, other!.id));
    expect(erased!.erasedAt).not.toBeNull();
    expect(erased!.firstName).toBe('');
    await context.close();
  });
});
