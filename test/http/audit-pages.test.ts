import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/server.ts';
import type { Actor } from '../../src/platform/access/policy.ts';
import { type TestContext, createTestContext, ctx, makeMunicipality, makeUser } from '../support/context.ts';
import { Browser, testServer } from '../support/http.ts';

// The audit log pages (#15): every action in plain words, the young person's entries by person and
// organisation, and a filter by kind that is a plain GET form (no JavaScript).
let t: TestContext;
let app: App;
let m: string;
let leader: Actor;
let youth: Actor;
beforeAll(async () => {
  t = await createTestContext();
  app = await testServer(t);
  m = (await makeMunicipality(t, 'Greve')).id;
  leader = await makeUser(t, [{ role: 'team_leader', municipalityId: m }], { name: 'Lone Leder' });
  youth = await makeUser(t, [{ role: 'youth', municipalityId: m }], {
    name: 'Ung Person',
    email: 'en-meget-lang-emailadresse-der-skal-kunne-brydes@ungdomsuddannelse.nextwork.test',
  });
  const about = { municipalityId: m, subjectUserId: youth.userId, actorRole: 'team_leader' };
  await t.services.audit.record(ctx(leader), [
    { ...about, action: 'youth.read', targetType: 'youth', targetId: youth.userId },
    { ...about, action: 'internship.flag_read', targetType: 'youth', targetId: youth.userId },
    { ...about, action: 'youth.status', targetType: 'youth', targetId: youth.userId },
  ]);
});
afterAll(async () => {
  await app.close();
  await t.close();
});

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the audit log pages', () => {
  it('"Hvem har set mine data" shows each action in plain words, by person and organisation', async () => {
    const b = new Browser(app);
    await b.signIn(youth.email);
    const res = await b.get('/me/audit');
    expect(res.statusCode).toBe(200);
    const page = text(res.body);
    expect(page).toContain('Lone Leder');
    expect(page).toContain('Teamleder · Greve · 3 hændelser');
    expect(page).toContain('Så dine oplysninger');
    expect(page).toContain('Så at du måske har brug for hjælp i praktikken');
    expect(page).toContain('Ændrede din status');
    expect(res.body).not.toContain('internship.flag_read');
    // The filter is a GET form of radio buttons with a button: it works without JavaScript.
    expect(res.body).toMatch(/<form method="get" action="\/me\/audit"/);
    expect(res.body).toContain('name="kind" value="read"');
  });

  it('filters by kind: reads, changes, sign-ins', async () => {
    const b = new Browser(app);
    await b.signIn(youth.email);
    const reads = text((await b.get('/me/audit?kind=read')).body);
    expect(reads).toContain('Så dine oplysninger');
    expect(reads).not.toContain('Ændrede din status');
    const changes = text((await b.get('/me/audit?kind=change')).body);
    expect(changes).toContain('Ændrede din status');
    expect(changes).not.toContain('Så dine oplysninger');
    expect(text((await b.get('/me/audit?kind=sign_in')).body)).not.toContain('Lone Leder');
    // An unknown kind shows everything.
    expect(text((await b.get('/me/audit?kind=xyz')).body)).toContain('Ændrede din status');
    expect((await b.get('/me/audit?kind=read')).body).toMatch(/value="read" checked/);
  });

  it("the team's log has the same labels and filter", async () => {
    const b = new Browser(app);
    await b.signIn(leader.email);
    const all = await b.get(`/audit?m=${m}`);
    expect(all.statusCode).toBe(200);
    expect(text(all.body)).toContain('Så hvem der har brug for hjælp i praktikken');
    expect(all.body).toContain(`<input type="hidden" name="m" value="${m}"`);
    const changes = text((await b.get(`/audit?m=${m}&kind=change`)).body);
    expect(changes).toContain('Ændrede den unges status');
    expect(changes).not.toContain('Så den unges oplysninger');
    const signIns = text((await b.get(`/audit?m=${m}&kind=sign_in`)).body);
    expect(signIns).not.toContain('Ændrede den unges status');
  });
});
