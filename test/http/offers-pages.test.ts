import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/server.ts';
import { type TestContext, createTestContext, makeUser } from '../support/context.ts';
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

describe('offers over HTTP', () => {
  it('a company offers from the form, the team lists it, the young person says yes; bad input and other companies are refused', async () => {
    t.clock.set(new Date());
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const company = new Browser(app);
    await company.signIn(n.supervisor.email);

    // The form names the young person and lists the opening with its free seats.
    const form = await company.get(`/companies/${n.company.id}/offers/new?youth=${amina.id}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Giv Amina et tilbud om praktik');
    expect(form.body).toContain('(2 af 2 pladser ledige)');
    // An answer-by date too far ahead: the form again, with the error and what was typed.
    const late = await company.post(`/companies/${n.company.id}/offers`, {
      youthId: amina.id,
      openingId: n.opening.id,
      answerBy: '2099-01-01',
      message: 'Vi ses',
    });
    expect(late.statusCode).toBe(422);
    expect(late.body).toContain('Svarfristen kan højst være 30 dage fra i dag.');
    expect(late.body).toContain('Vi ses');
    const sent = await company.post(`/companies/${n.company.id}/offers`, { youthId: amina.id, openingId: n.opening.id, message: 'Vi ses' });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/companies/${n.company.id}/offers`);
    expect((await company.get(`/companies/${n.company.id}/offers`)).body).toContain('Venter på svar');
    // The same offer again is a conflict shown as the form's error (the young person has no field).
    const again = await company.post(`/companies/${n.company.id}/offers`, { youthId: amina.id, openingId: n.opening.id });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Den unge har allerede et åbent tilbud på denne praktikmulighed.');

    // Another company's contact: not found, for the form and the list.
    const other = new Browser(app);
    await other.signIn((await makeUser(t, [{ role: 'company_contact', municipalityId: n.m }])).email);
    expect((await other.get(`/companies/${n.company.id}/offers/new?youth=${amina.id}`)).statusCode).toBe(404);
    expect((await other.get(`/companies/${n.company.id}/offers`)).statusCode).toBe(404);

    // The team's list of open offers.
    const team = new Browser(app);
    await team.signIn(n.consultant.email);
    const list = await team.get(`/offers?m=${n.m}`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Amina Hansen · Hjælper på kraftvarmeværket');

    // The young person says yes and lands on their internship.
    const young = new Browser(app);
    await young.signIn(amina.actor.email);
    const mine = await young.get('/me/offers');
    const offerId = /action="\/me\/offers\/([0-9a-f-]+)\/answer"/.exec(mine.body)![1]!;
    const yes = await young.post(`/me/offers/${offerId}/answer`, { decision: 'accept' });
    expect(yes.statusCode).toBe(303);
    expect(yes.headers.location).toBe('/me/internships');
    expect((await young.post(`/me/offers/${offerId}/answer`, { decision: 'accept' })).statusCode).toBe(409);
    expect((await team.get(`/offers?m=${n.m}`)).body).toContain('Ingen tilbud venter på svar lige nu.');
  });

  it('wishes show free seats; a wish for a full opening is kept with a note', async () => {
    t.clock.set(new Date());
    const n = await makeNetwork(t);
    const [amina, bo] = [await n.young('Amina'), await n.young('Bo')];
    const company = new Browser(app);
    await company.signIn(n.supervisor.email);
    await company.post(`/companies/${n.company.id}/offers`, { youthId: bo.id, openingId: n.opening.id });
    await company.post(`/companies/${n.company.id}/offers`, { youthId: (await n.young('Cecilie')).id, openingId: n.opening.id });
    const young = new Browser(app);
    await young.signIn(amina.actor.email);
    const wished = await young.post('/me/wishes', { openingId: n.opening.id });
    expect(wished.statusCode).toBe(303);
    const page = await young.get('/me/wishes');
    expect(page.body).toContain('Praktikken er fuld lige nu. Du kan stadig ønske den');
    expect(page.body).toContain('Fuld: alle 2 pladser er besat');
  });
});
