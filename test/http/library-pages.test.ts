import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/server.ts';
import { type TestContext, createTestContext, makeMunicipality, makeUser } from '../support/context.ts';
import { Browser, multipart, testServer } from '../support/http.ts';

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

const pdfBytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 32)]);

describe('library pages (#16)', () => {
  it('a consultant publishes with a PDF; a counsellor in another municipality finds and downloads it; a company contact gets not found', async () => {
    const roskilde = await makeMunicipality(t);
    const vejle = await makeMunicipality(t);
    const consultant = await makeUser(t, [{ role: 'network_consultant', municipalityId: roskilde.id }]);
    const counsellor = await makeUser(t, [{ role: 'youth_counsellor', municipalityId: vejle.id }]);
    const contact = await makeUser(t, [{ role: 'company_contact', municipalityId: roskilde.id }]);

    const author = new Browser(app);
    await author.signIn(consultant.email);
    const form = await author.get('/library/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('enctype="multipart/form-data"');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const post = (
      fields: Record<string, string>,
      file = { name: 'Skabelon.pdf', type: 'application/pdf', content: pdfBytes, field: 'pdf' },
    ) => {
      const body = multipart({ _csrf: csrf, ...fields }, file);
      return app.inject({ method: 'POST', url: '/library', payload: body.payload, headers: { ...body.headers, cookie: author.header } });
    };
    // Refused: a CPR number in the text; the form comes back with what was typed and the error.
    const refused = await post({ kind: 'case_story', title: 'Anders’ forløb', body: 'Anders 120398-1234 fik job', tags: '' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('ser ud til at indeholde et CPR-nummer');
    expect(refused.body).toContain('Anders’ forløb');
    // Too large: the form again with the limit said, not a bare 413.
    const large = await post(
      { kind: 'tool', title: 'Stor fil', body: 'Tekst', tags: '' },
      { name: 'stor.pdf', type: 'application/pdf', content: Buffer.concat([pdfBytes, Buffer.alloc(10 * 1024 * 1024)]), field: 'pdf' },
    );
    expect(large.statusCode).toBe(422);
    expect(large.body).toContain('Filen er større end 10 MB');
    const done = await post({ kind: 'tool', title: 'Samtaleskabelon til første møde', body: 'Brug den til første møde.', tags: 'samtale' });
    expect(done.statusCode).toBe(303);
    const url = done.headers.location as string;
    expect(url).toMatch(/^\/library\/[0-9a-f-]{36}$/);

    const reader = new Browser(app);
    await reader.signIn(counsellor.email);
    const list = await reader.get('/library?q=samtaleskabelon');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Samtaleskabelon til første møde');
    expect(list.body).toContain('1 opslag fundet.');
    const page = await reader.get(url);
    expect(page.body).toContain('Hent Skabelon.pdf (PDF, 3 kB)');
    expect(page.body).not.toContain('Ret opslaget'); // not the author
    const file = await reader.get(`${url}/pdf`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(pdfBytes)).toBe(true);
    const api = await reader.json('GET', '/api/v1/library?q=samtaleskabelon');
    expect(api.json().items[0].pdf).toMatchObject({ name: 'Skabelon.pdf', bytes: pdfBytes.length });

    const company = new Browser(app);
    await company.signIn(contact.email);
    expect((await company.get('/library')).statusCode).toBe(404);
    expect((await company.get(url)).statusCode).toBe(404);
    expect((await company.get(`${url}/pdf`)).statusCode).toBe(404);
    expect((await company.json('GET', '/api/v1/library')).statusCode).toBe(404);
    expect((await company.get('/dashboard')).body).not.toContain('href="/library"');
    expect((await reader.get('/dashboard')).body).toContain('href="/library"');
  });
});
