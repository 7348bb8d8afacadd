import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/server.ts';
import { type TestContext, createTestContext, ctx, makeUser } from '../support/context.ts';
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

describe('notes over HTTP', () => {
  it('a young person asks to read, a psychologist answers on the notes page, and the form errors are in Danish', async () => {
    t.clock.set(new Date());
    const today = new Date().toISOString().slice(0, 10);
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const psychologist = await makeUser(t, [{ role: 'psychologist', municipalityId: n.m }]);
    const psy = new Browser(app);
    await psy.signIn(psychologist.email);
    const bad = await psy.post(`/youth/${amina.id}/notes`, { kind: 'psychologist', heldOn: today, conversation: 'meeting', note: '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Udfyld feltet');
    expect(
      (await psy.post(`/youth/${amina.id}/notes`, { kind: 'psychologist', heldOn: today, conversation: 'walk', note: 'Fortroligt.' }))
        .statusCode,
    ).toBe(303);

    const me = new Browser(app);
    await me.signIn(amina.actor.email);
    const mine = await me.get('/me/notes');
    expect(mine.body).toContain(`Notater fra: ${today}`);
    expect(mine.body).not.toContain('Fortroligt.');
    expect((await me.post('/me/notes/ask', {})).statusCode).toBe(303);
    expect((await me.get('/me/notes')).body).toContain('Psykologen har ikke svaret endnu');

    const page = await psy.get(`/youth/${amina.id}/notes`);
    expect(page.body).toContain('Den unge bad om at læse psykolognotaterne');
    expect((await psy.post(`/youth/${amina.id}/notes/read-request`, { answer: 'granted', text: '' })).statusCode).toBe(303);
    expect((await me.get('/me/notes')).body).toContain('Fortroligt.');
    expect((await t.services.supportNotes.list(ctx(n.counsellor), amina.id)).notes).toEqual([]);
  });
});
