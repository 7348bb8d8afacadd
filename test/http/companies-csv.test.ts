import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/server.ts';
import { parseCsv } from '../../src/platform/csv.ts';
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

describe('CSV import and export of companies', () => {
  it('imports nothing when any row is wrong, lists every error with its line, then imports a clean file; exports it back', async () => {
    const m = await makeMunicipality(t);
    const entrepreneur = await makeUser(t, [{ role: 'entrepreneur', municipalityId: m.id }]);
    const b = new Browser(app);
    await b.signIn(entrepreneur.email);
    const csrf = await b.csrf();
    const upload = async (name: string, type: string, content: string | Buffer) => {
      const { payload, headers } = multipart({ _csrf: csrf }, { name, type, content });
      return app.inject({ method: 'POST', url: `/companies/import?m=${m.id}`, payload, headers: { ...headers, cookie: b.header } });
    };

    const bad = 'navn;cvr;branche;område\nBageriet;12345674;C;Vejle\nX;12345675;Q;Vejle\nCykler;12345674;G;Jelling\n';
    const refused = await upload('virksomheder.csv', 'text/csv', bad);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Linje 3, Navn');
    expect(refused.body).toContain('Linje 3, CVR-nummer');
    expect(refused.body).toContain('Linje 4, CVR-nummer: Samme CVR-nummer står to gange i filen.');
    const exported = async () => (await b.get(`/companies/export.csv?m=${m.id}`)).body;
    expect(parseCsv(await exported())).toHaveLength(1);

    expect((await upload('billede.png', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]))).body).toContain('Vælg en CSV-fil.');
    expect((await upload('mangler.csv', 'text/csv', 'navn;cvr\nA;12345674\n')).body).toContain('Linje 1, Branche: Kolonnen mangler');

    // Windows-1252 from an old spreadsheet: æøå must survive.
    const latin1 = Buffer.from(
      'navn;cvr;branche;område\nBageriet Søndergade;12345674;C;Vejle Ø\n"Cykler, Åbo";10150817;G;Jelling\n',
      'latin1',
    );
    const ok = await upload('virksomheder.csv', 'application/vnd.ms-excel', latin1);
    expect(ok.statusCode).toBe(303);
    const rows = parseCsv(await exported());
    expect(rows.map((r) => r.fields[0])).toEqual(['navn', 'Bageriet Søndergade', 'Cykler, Åbo']);
    expect(rows[1]!.fields[8]).toBe('prospect');

    const youth = await makeUser(t, [{ role: 'youth', municipalityId: m.id }]);
    const y = new Browser(app);
    await y.signIn(youth.email);
    expect((await y.get(`/companies/export.csv?m=${m.id}`)).statusCode).toBe(404);
  });
});
