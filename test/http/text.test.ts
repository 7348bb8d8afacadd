import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/server.ts';
import { localDate } from '../../src/platform/dates.ts';
import { type TestContext, createTestContext } from '../support/context.ts';
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

/** The page's text without tags, entities as characters, spaces collapsed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe('the accessibility statement (#15)', () => {
  it('has the parts of Digitaliseringsstyrelsen’s template, in Danish and in English, without signing in', async () => {
    const b = new Browser(app);
    const da = await b.get('/accessibility');
    expect(da.statusCode).toBe(200);
    const h2 = [...da.body.matchAll(/<h2[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(h2).toEqual([
      'Overholdelsesstatus',
      'Ikke-tilgængeligt indhold',
      'Udarbejdelse af denne tilgængelighedserklæring',
      'Feedback og kontaktoplysninger',
      'Håndhævelsesprocedure',
    ]);
    const body = text(da.body);
    expect(body).toContain('delvist i overensstemmelse med WCAG 2.1 niveau AA');
    expect(body).toContain('Manglende overholdelse af lovgivningen');
    expect(body).toMatch(/PDF .* Det samme indhold står på rapportens side/);
    expect(body).toContain('Erklæringen blev udarbejdet 2. december 2026');
    expect(body).toContain('automatiske test med axe');
    expect(body).toContain('Erklæringen blev senest gennemgået 2. december 2026');
    expect(da.body).toContain('href="mailto:tilgaengelighed@nextwork.localhost"');
    expect(da.body).toMatch(
      /<a href="https:\/\/digst\.dk\/digital-inklusion\/webtilgaengelighed\/oplever-du-ikke-tilgaengeligt-indhold\/">Klag over utilgængelighed til Digitaliseringsstyrelsen<\/a>/,
    );

    await b.get('/language?to=en&back=/accessibility');
    const en = text((await b.get('/accessibility')).body);
    for (const part of [
      'Compliance status',
      'partially compliant with WCAG 2.1 level AA',
      'Non-accessible content',
      'This statement was prepared on 2 December 2026',
      'Feedback and contact information',
      'Enforcement procedure',
      'Complain about inaccessibility',
    ])
      expect(en).toContain(part);
  });
});

describe('referral errors say what is wrong, once (#15)', () => {
  it('the age error names the birth date the CPR number gives; a second referral says so once', async () => {
    const n = await makeNetwork(t);
    const b = new Browser(app);
    await b.signIn(n.consultant.email);
    const today = localDate(t.services.clock.now());
    const form = (cpr: string, email: string) => ({
      firstName: 'Ny',
      lastName: 'Ung',
      cpr,
      email,
      referringCaseworker: 'Jens',
      referredOn: today,
      hoursPossible: '20',
      eligibilityNote: 'Vil gerne i praktik',
    });

    // 010190-1234: born 1 January 1990.
    const old = await b.post(`/youth?m=${n.m}`, form('010190-1234', 'gammel@ung.test'));
    expect(old.statusCode).toBe(422);
    const age = Number(today.slice(0, 4)) - 1990;
    const said = `Personen er født 1. januar 1990 og er ${age} år. NExTWORK er for unge på 18–29 år.`;
    expect(text(old.body).split(said).length - 1).toBe(2); // in the error summary and at the field
    expect(old.body).not.toContain('{born');

    const api = await b.json('POST', `/api/v1/municipalities/${n.m}/youth`, JSON.stringify(form('010190-1234', 'api@ung.test')));
    expect(api.statusCode).toBe(422);
    expect(api.json().error.fields.cpr).toBe(said);

    const first = await b.post(`/youth?m=${n.m}`, form('150605-4123', 'ny@ung.test'));
    expect(first.statusCode).toBe(303);
    // The flash after the redirect is a focus target (app.js focuses it), and says the e-mail.
    const shown = await b.get(String(first.headers.location));
    expect(shown.body).toMatch(/<div class="alert alert-success" role="status" id="flash" tabindex="-1">/);

    const again = await b.post(`/youth?m=${n.m}`, form('150605-4123', 'igen@ung.test'));
    expect(again.statusCode).toBe(409);
    const summary = /<div class="alert alert-error app-error-summary"[\s\S]*?<\/div>\s*<\/div>/.exec(again.body)![0];
    expect(text(summary).split('Den unge er allerede henvist i kommunen.').length - 1).toBe(1);
  });
});
