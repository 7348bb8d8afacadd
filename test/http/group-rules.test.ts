import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { App } from '../../src/app/server.ts';
import { networkGroups } from '../../src/modules/groups/groups.schema.ts';
import { municipalities } from '../../src/modules/municipalities/municipalities.schema.ts';
import { type TestContext, createTestContext, ctx } from '../support/context.ts';
import { Browser, testServer } from '../support/http.ts';
import { makeNetwork } from '../support/internships.ts';

let t: TestContext;
let app: App;
beforeAll(async () => {
  t = await createTestContext();
  app = await testServer(t);
});
afterAll(async () => {
  await app.close();
  await t.close();
});

describe('group controls over HTTP', () => {
  it('adds a young person on the group page, shows "full" at the maximum, archives only an empty group; the target group on the youth pages', async () => {
    t.clock.set(new Date());
    const n = await makeNetwork(t);
    await t.database.db.update(municipalities).set({ groupSizeMin: 3, groupSizeMax: 4 }).where(eq(municipalities.id, n.m));
    for (const name of ['Ali', 'Bea', 'Cem']) await n.young(name);
    const [group] = await t.services.groups.createProposed(ctx(n.counsellor), n.m);
    const dan = await n.young('Dan');
    const team = new Browser(app);
    await team.signIn(n.counsellor.email);

    const list = await team.get(`/groups?m=${n.m}`);
    expect(list.body).toContain('grupper på 3–4');
    const page = await team.get(`/groups/${group!.id}`);
    expect(page.body).toContain('Tilføj en ung');
    expect(page.body).toContain(`<option value="${dan.id}">Dan Hansen</option>`);
    expect(page.body).toContain('Gruppen kan først arkiveres, når den er tom. Der er 3 unge i den nu.');

    const bad = await team.post(`/groups/${group!.id}/members`, { youthId: 'nobody' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Vælg en ung fra kommunen.');
    const added = await team.post(`/groups/${group!.id}/members`, { youthId: dan.id });
    expect(added.statusCode).toBe(303);
    expect((await team.get(`/groups/${group!.id}`)).body).toContain('Gruppen er fuld: den har 4 unge, som er kommunens højeste.');

    const refused = await team.post(`/groups/${group!.id}/archive`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Gruppen har stadig 4 unge.');
    const [empty] = await t.database.db
      .insert(networkGroups)
      .values({ municipalityId: n.m, name: 'Gruppe tom', createdAt: t.clock.now() })
      .returning();
    const archived = await team.post(`/groups/${empty!.id}/archive`, {});
    expect(archived.statusCode).toBe(303);
    expect(archived.headers.location).toBe(`/groups?m=${n.m}`);
    expect((await team.get(`/groups?m=${n.m}`)).body).not.toContain('Gruppe tom');
    expect((await team.get(`/groups/${empty!.id}`)).body).toContain('Gruppen er arkiveret.');

    // The target group: on the referral form, the list and the young person's page, where the team corrects it.
    expect((await team.get(`/youth/new?m=${n.m}`)).body).toContain('name="targetGroup"');
    expect((await team.post(`/youth/${dan.id}/target-group`, { targetGroup: 'klar' })).body).toContain('Vælg den unges målgruppe.');
    expect((await team.post(`/youth/${dan.id}/target-group`, { targetGroup: 'jobparat' })).statusCode).toBe(303);
    expect((await team.get(`/youth/${dan.id}`)).body).toContain('Jobparat');
    expect((await team.get(`/youth?m=${n.m}`)).body).toContain('Jobparat');
  });
});
