import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildServer, type App } from '../../src/app/server.ts';
import { redactUrl, safeError } from '../../src/platform/logging/log-safety.ts';
import { type TestContext, createTestContext, makeUser } from '../support/context.ts';
import { Browser } from '../support/http.ts';
import { makeNetwork } from '../support/internships.ts';

let t: TestContext;
let app: App;
const lines: string[] = [];
beforeAll(async () => {
  t = await createTestContext();
  app = await buildServer(t.services, {
    sessionSecret: 's'.repeat(40),
    secureCookies: false,
    logLevel: 'info',
    logStream: { write: (line) => void lines.push(line) },
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await t.close();
});

describe('nothing sensitive in the log (#19.3)', () => {
  it('a failed write logs the error without the note it tried to save', async () => {
    t.clock.set(new Date());
    const n = await makeNetwork(t);
    const amina = await n.young('Amina');
    const psychologist = await makeUser(t, [{ role: 'psychologist', municipalityId: n.m }]);
    const psy = new Browser(app);
    await psy.signIn(psychologist.email);
    // The database refuses every new note, as a full disk or a lost primary would.
    await t.database.db.execute(
      sql.raw(`create function refuse_notes() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`),
    );
    await t.database.db.execute(
      sql.raw('create trigger refuse_notes before insert on support_notes for each row execute function refuse_notes()'),
    );
    const secret = 'Fortroligt: Amina fortæller om angst og selvskade';
    const res = await psy.post(`/youth/${amina.id}/notes`, {
      kind: 'psychologist',
      heldOn: new Date().toISOString().slice(0, 10),
      conversation: 'walk',
      note: secret,
    });
    await t.database.db.execute(sql.raw('drop trigger refuse_notes on support_notes'));
    expect(res.statusCode).toBe(500);
    const log = lines.join('');
    expect(log).toContain('request failed');
    expect(log).toContain('disk full'); // the cause is there …
    expect(log).toContain('insert into \\"support_notes\\"'); // … and the statement …
    expect(log).not.toContain('angst'); // … but not what was typed
    expect(log).not.toContain(amina.id.slice(0, 8) + '","'); // nor the bound ids
  });

  it('tokens in sign-in, invitation, feedback and calendar URLs are not logged', async () => {
    const b = new Browser(app);
    const tokens = [
      'SIGNINtoken0123456789abcdefghij',
      'INVITEtoken0123456789abcdefghij',
      'FEEDBACKtoken0123456789abcdefg',
      'CALtoken0123456789abcdefghijkl',
    ];
    await b.get(`/sign-in/link/${tokens[0]}`);
    await b.get(`/invitations/${tokens[1]}`);
    await b.get(`/feedback/${tokens[2]}?x=1`);
    await b.get(`/calendar/${tokens[3]}.ics`);
    await b.get(`/sign-in?next=${encodeURIComponent(`/invitations/${tokens[1]}`)}`);
    const log = lines.join('');
    expect(log).toContain('/sign-in/link/[redacted]');
    for (const token of tokens) expect(log).not.toContain(token);
  });

  it('redacts URLs and errors by rule', () => {
    expect(redactUrl('/feedback/abc/thanks?token=1&a=2')).toBe('/feedback/[redacted]/thanks?token=[redacted]&a=2');
    expect(redactUrl('/youth/1?m=2')).toBe('/youth/1?m=2');
    const e = Object.assign(new Error('invalid input syntax for type uuid: "Hemmelig tekst"'), { code: '22P02', detail: 'Key (x)=(y)' });
    const safe = safeError(new Error('Failed query: select 1\nparams: hemmelig', { cause: e }));
    expect(JSON.stringify(safe)).not.toMatch(/[Hh]emmelig|Key \(x\)/);
    expect(safe.cause).toMatchObject({ code: '22P02', message: 'invalid input syntax for type uuid: "[redacted]"' });
  });
});
