import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/server.ts';
import { type TestContext, createTestContext, makeUser } from '../support/context.ts';
import { Browser, testServer } from '../support/http.ts';
import { makeNetwork, startedInternship } from '../support/internships.ts';

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

describe('messages over HTTP', () => {
  it('the team starts a conversation from the record; the young person answers over the API; the company writes about its internship', async () => {
    t.clock.set(new Date());
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const internship = await startedInternship(t, n, amina.id);

    // The record links to the conversation for the team, not for a psychologist.
    const team = new Browser(app);
    await team.signIn(n.counsellor.email);
    expect((await team.get(`/youth/${amina.id}`)).body).toContain(`href="/youth/${amina.id}/messages"`);
    const psychologist = new Browser(app);
    await psychologist.signIn((await makeUser(t, [{ role: 'psychologist', municipalityId: n.m }])).email);
    expect((await psychologist.get(`/youth/${amina.id}`)).body).not.toContain('/messages');
    expect((await psychologist.get(`/youth/${amina.id}/messages`)).statusCode).toBe(404);

    // Before the first message: an empty thread whose form starts the conversation.
    const empty = await team.get(`/youth/${amina.id}/messages`);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain(`action="/youth/${amina.id}/messages"`);
    const refused = await team.post(`/youth/${amina.id}/messages`, { body: '  ' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Skriv en besked, før du sender.');
    const sent = await team.post(`/youth/${amina.id}/messages`, { body: 'Hej Amina, har du tid torsdag?' });
    expect(sent.statusCode).toBe(303);
    const id = /^\/messages\/([0-9a-f-]+)#latest$/.exec(sent.headers.location as string)![1]!;
    expect((await team.get(`/youth/${amina.id}/messages`)).headers.location).toBe(`/messages/${id}`);

    // The young person: their link to the team leads to the same conversation; the API lists and answers.
    const young = new Browser(app);
    await young.signIn(amina.actor.email);
    expect((await young.get('/me/messages')).headers.location).toBe(`/messages/${id}`);
    const list = (await young.json('GET', '/api/v1/conversations')).json();
    expect(list).toMatchObject({ unread: 1, items: [{ id, kind: 'team', subjectId: amina.id, youthFirstName: 'Amina', unread: 1 }] });
    const thread = await young.json('GET', `/api/v1/conversations/${id}`);
    expect(thread.json().messages).toMatchObject([{ body: 'Hej Amina, har du tid torsdag?', side: 'team' }]);
    expect((await young.json('GET', '/api/v1/conversations')).json().unread).toBe(0);
    const tooLong = await young.json('POST', `/api/v1/conversations/${id}/messages`, JSON.stringify({ body: 'x'.repeat(2001) }));
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().error.fields).toEqual({ body: 'Beskeden er for lang. Den må højst være 2.000 tegn.' });
    const answer = await young.json('POST', `/api/v1/conversations/${id}/messages`, JSON.stringify({ body: 'Ja, det passer fint.' }));
    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toMatchObject({ conversationId: id, side: 'youth', body: 'Ja, det passer fint.', authorName: 'Amina Hansen' });

    // The company contact: the internship page links to its conversation; the team's is not found.
    const company = new Browser(app);
    await company.signIn(n.supervisor.email);
    expect((await company.get(`/internships/${internship.id}`)).body).toContain(`href="/internships/${internship.id}/messages"`);
    expect((await company.json('GET', `/api/v1/conversations/${id}`)).statusCode).toBe(404);
    const started = await company.json(
      'POST',
      '/api/v1/conversations',
      JSON.stringify({ kind: 'internship', subjectId: internship.id, body: 'Velkommen på mandag!' }),
    );
    expect(started.statusCode).toBe(201);
    expect((await company.json('GET', '/api/v1/conversations')).json().items).toMatchObject([
      { kind: 'internship', companyName: 'Roskilde Kraftvarmeværk', unread: 0 },
    ]);
    const page = await company.get(`/messages/${started.json().conversationId}`);
    expect(page.body).toContain('Amina i praktik hos Roskilde Kraftvarmeværk');
    expect(page.body).not.toContain('Amina Hansen');
    // Nor through the API: the young person's messages carry their first name only, for a company.
    const internshipThread = started.json().conversationId as string;
    await young.json('POST', `/api/v1/conversations/${internshipThread}/messages`, JSON.stringify({ body: 'Tak, jeg glæder mig.' }));
    const seen = (await company.json('GET', `/api/v1/conversations/${internshipThread}`)).json();
    expect(seen.messages.map((m: { authorName: string }) => m.authorName)).toEqual([n.supervisor.name, 'Amina']);
  });
});
