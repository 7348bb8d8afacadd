import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { savedForms } from '../../src/platform/http/saved-forms.schema.ts';
import { fillSavedForm, keepableFields } from '../../src/platform/http/saved-forms.ts';
import { type TestContext, createTestContext } from '../support/context.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const form = (values: Record<string, string | string[]> = { note: 'Vi talte om praktik i en børnehave.' }) => ({
  path: '/youth/1b2c/notes',
  action: '/youth/1b2c/notes',
  owner: 'Nina@Kommune.dk',
  values,
});

describe('forms kept over an expired session', () => {
  it('are sealed at rest, found only by the token, given back once, to their owner, on their page', async () => {
    t.clock.set('2026-03-02T09:00:00Z');
    const token = await t.services.savedForms.save(form());
    const rows = await t.database.db.select().from(savedForms);
    const row = rows.find((r) => r.path === '/youth/1b2c/notes')!;
    expect(row.sealed).not.toContain('børnehave');
    expect(row.sealed).not.toContain('nina');
    expect(row.id).not.toBe(token);
    expect(row.expiresAt.toISOString()).toBe('2026-03-02T09:30:00.000Z');

    // Another page: kept for later.
    expect(await t.services.savedForms.take(token, '/dashboard', 'nina@kommune.dk')).toEqual({ kind: 'elsewhere' });
    // Its page, its owner (any case): given back once.
    expect(await t.services.savedForms.take(token, '/youth/1b2c/notes', 'NINA@kommune.dk')).toEqual({
      kind: 'restore',
      form: { ...form(), owner: 'nina@kommune.dk' },
    });
    expect(await t.services.savedForms.take(token, '/youth/1b2c/notes', 'nina@kommune.dk')).toEqual({ kind: 'gone' });
    expect(await t.services.savedForms.take('not-a-token', '/youth/1b2c/notes', 'nina@kommune.dk')).toEqual({ kind: 'gone' });
  });

  it('someone else signing in on the browser gets nothing, and the form is dropped', async () => {
    const token = await t.services.savedForms.save(form());
    expect(await t.services.savedForms.take(token, '/youth/1b2c/notes', 'bo@kommune.dk')).toEqual({ kind: 'gone' });
    expect(await t.services.savedForms.take(token, '/youth/1b2c/notes', 'nina@kommune.dk')).toEqual({ kind: 'gone' });
  });

  it('expire after 30 minutes: not given back, and removed by the sessions job', async () => {
    t.clock.set('2026-03-02T10:00:00Z');
    const late = await t.services.savedForms.save(form());
    await t.services.savedForms.save(form());
    t.clock.advanceMinutes(30);
    expect(await t.services.savedForms.take(late, '/youth/1b2c/notes', 'nina@kommune.dk')).toEqual({ kind: 'gone' });
    await t.services.savedForms.save(form());
    const expired = await t.services.savedForms.expire();
    expect(expired).toBeGreaterThanOrEqual(1);
    const left = await t.database.db.select().from(savedForms);
    expect(left.every((r) => r.expiresAt > t.clock.now())).toBe(true);
    expect(left).toHaveLength(1);
  });

  it('never keep passwords, CPR numbers, tokens or the form’s own fields; nor files', async () => {
    const kept = keepableFields({
      _csrf: 'x',
      _page: '/me/profile',
      password: 'hemmeligt kodeord',
      passwordRepeat: 'hemmeligt kodeord',
      cpr: '150605-4321',
      token: 't',
      wishToTry: 'Dyr',
      youthIds: ['a', 'b'],
    });
    expect(kept).toEqual({ wishToTry: 'Dyr', youthIds: ['a', 'b'] });
    expect(keepableFields({ photo: { type: 'file', filename: 'x.png' } })).toBeUndefined();
    expect(keepableFields({ note: 'x'.repeat(70_000) })).toBeUndefined();
    // Even when handed one directly, the store drops it.
    const token = await t.services.savedForms.save(form({ note: 'Hej', newPassword: 'hemmeligt kodeord' }));
    const back = await t.services.savedForms.take(token, '/youth/1b2c/notes', 'nina@kommune.dk');
    expect(back.kind === 'restore' && back.form.values).toEqual({ note: 'Hej' });
    const rows = await t.database.db.select().from(savedForms);
    expect(JSON.stringify(rows)).not.toContain('hemmeligt');
  });

  it('fill the form on its page by its action, escaped, with a notice; leave the server’s hidden fields', () => {
    const html =
      '<!doctype html><html lang="da"><head><title>x</title></head><body><main>' +
      '<form method="post" action="/other"><input name="note" value=""></form>' +
      '<form method="post" action="/youth/1b2c/notes"><input type="hidden" name="_csrf" value="fresh">' +
      '<input type="hidden" name="kind" value="team"><textarea name="note"></textarea>' +
      '<select name="conversation"><option value="phone">Telefon</option><option value="meeting" selected>Møde</option></select>' +
      '<input type="checkbox" name="ids" value="1"><input type="checkbox" name="ids" value="2" checked>' +
      '<input type="password" name="password"></form></main></body></html>';
    const out = fillSavedForm(
      html,
      form({ note: '</textarea><script>alert(1)</script>', conversation: 'phone', ids: ['1'], kind: 'psychologist', _csrf: 'old' }),
      { heading: 'Du blev logget ud, så vi har gemt det, du skrev.', text: 'Tjek det og send igen.' },
    )!;
    expect(out).toContain('<textarea name="note">&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>');
    expect(out).not.toContain('<script>');
    expect(out).toContain('<option selected value="phone">');
    expect(out).not.toContain('<option value="meeting" selected');
    expect(out).toMatch(/<input checked type="checkbox" name="ids" value="1">/);
    expect(out).toMatch(/<input type="checkbox" name="ids" value="2">/);
    expect(out).toContain('value="fresh"');
    expect(out).toContain('name="kind" value="team"');
    expect(out).toContain('<form method="post" action="/other"><input name="note" value=""></form>');
    expect(out.indexOf('saved-form-notice')).toBeLessThan(out.indexOf('action="/youth/1b2c/notes"'));
    expect(out).toContain('Tjek det og send igen.');
    expect(fillSavedForm(html, { ...form(), action: '/gone' }, { heading: 'h', text: 't' })).toBeUndefined();
  });
});
