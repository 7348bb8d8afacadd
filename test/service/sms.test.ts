import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createServices, type Services } from '../../src/app/services.ts';
import { users } from '../../src/modules/accounts/accounts.schema.ts';
import { smsMessages } from '../../src/modules/notifications/notifications.schema.ts';
import { SMS_MAX_ATTEMPTS } from '../../src/modules/notifications/notifications.service.ts';
import { outboxMessages } from '../../src/platform/mail/mail.schema.ts';
import { type TestContext, createTestContext, ctx, failure, makeUser } from '../support/context.ts';

/** A real HTTP server playing the SMS gateway: records every request, answers with the statuses queued (200 by default). */
interface Gateway {
  url: string;
  requests: { headers: http.IncomingHttpHeaders; body: { from: string; to: string; text: string; reference: string } }[];
  failNext(...statuses: number[]): void;
  close(): Promise<void>;
}

async function startGateway(): Promise<Gateway> {
  const requests: Gateway['requests'] = [];
  const statuses: number[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: JSON.parse(body) as Gateway['requests'][number]['body'] });
      res.statusCode = statuses.shift() ?? 200;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(res.statusCode === 200 ? { id: `gw-${requests.length}` } : { error: 'unavailable' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/messages`,
    requests,
    failNext: (...s) => statuses.push(...s),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const TOKEN = 'gateway-token-1234';
let t: TestContext;
let gateway: Gateway;
let s: Services;
beforeAll(async () => {
  t = await createTestContext();
  gateway = await startGateway();
  s = createServices(t.database, t.clock, { ...t.services.settings, sms: { url: gateway.url, token: TOKEN, sender: 'NExTWORK' } });
});
afterAll(async () => {
  await gateway?.close();
  await t?.close();
});
beforeEach(() => {
  t.clock.set('2026-03-02T09:00:00Z'); // 10:00 in Denmark: no quiet hours
  gateway.requests.length = 0;
});

/** A person with a phone number who chose text messages as well as email. */
async function texted(phone = '20304050') {
  const person = await makeUser(t, []);
  await t.database.db.update(users).set({ phone }).where(eq(users.id, person.userId));
  await s.notifications.savePreferences(ctx(person), { email: 'immediate', quietFrom: '21', quietTo: '7', digestHour: '8', sms: 'on' });
  return person;
}
const note = (userId: string, k: string) => ({ userId, key: `sms:${userId}:${k}`, kind: 'checkin_request', params: {}, link: '' });
const smsRows = (userId: string) => t.database.db.select().from(smsMessages).where(eq(smsMessages.userId, userId));
const outboxFor = (to: string) => t.database.db.select().from(outboxMessages).where(eq(outboxMessages.to, to));

describe('text messages as a notification channel (#18)', () => {
  it('sends one text per batch through the gateway: JSON with a bearer token, only that there is something new', async () => {
    const person = await texted('20 30 40 50');
    await s.notifications.notify([note(person.userId, 'a'), note(person.userId, 'b')]);
    expect(await s.notifications.deliver()).toEqual({ emails: 1, notifications: 2 });
    expect(await s.notifications.sendTexts()).toEqual({ sent: 1, failed: 0, gaveUp: 0 });
    expect(gateway.requests).toHaveLength(1);
    const [r] = gateway.requests;
    expect(r!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(r!.headers['content-type']).toBe('application/json');
    expect(r!.body).toMatchObject({ from: 'NExTWORK', to: '+4520304050' });
    expect(r!.body.text).toBe('NExTWORK: Du har 2 nye notifikationer. Se dem her: http://localhost:3000/me/notifications');
    expect(r!.headers['idempotency-key']).toBe(r!.body.reference);
    const [row] = await smsRows(person.userId);
    expect(row).toMatchObject({ attempts: 1, lastError: null });
    expect(row!.sentAt).not.toBeNull();
    expect(await s.notifications.sendTexts()).toEqual({ sent: 0, failed: 0, gaveUp: 0 }); // sent once
  });

  it('a failing gateway loses nothing: the text is kept, tried again after a backoff, and the email is not sent twice', async () => {
    const person = await makeUser(t, [], { email: `sms-fail-${Date.now()}@nextwork.test` });
    await t.database.db.update(users).set({ phone: '+46 70 123 45 67' }).where(eq(users.id, person.userId));
    await s.notifications.savePreferences(ctx(person), { email: 'immediate', quietFrom: '21', quietTo: '7', digestHour: '8', sms: 'on' });
    await s.notifications.notify([note(person.userId, 'x')]);
    await s.notifications.deliver();
    gateway.failNext(503);
    expect(await s.notifications.sendTexts()).toEqual({ sent: 0, failed: 1, gaveUp: 0 });
    let [row] = await smsRows(person.userId);
    expect(row).toMatchObject({ attempts: 1, lastError: 'SMS gateway answered 503', sentAt: null, failedAt: null });
    expect(await s.notifications.sendTexts()).toEqual({ sent: 0, failed: 0, gaveUp: 0 }); // not due yet
    t.clock.advance(60_000);
    expect(await s.notifications.sendTexts()).toEqual({ sent: 1, failed: 0, gaveUp: 0 });
    expect(gateway.requests.map((r) => r.body.to)).toEqual(['+46701234567', '+46701234567']);
    expect(new Set(gateway.requests.map((r) => r.body.reference)).size).toBe(1); // the same message, for the gateway to drop a repeat
    [row] = await smsRows(person.userId);
    expect(row).toMatchObject({ attempts: 2, lastError: null });
    expect(await outboxFor(person.email)).toHaveLength(1); // one email, not resent
  });

  it(`gives up after ${SMS_MAX_ATTEMPTS} tries and reports it, with the last error kept`, async () => {
    const person = await texted('30405060');
    await s.notifications.notify([note(person.userId, 'y')]);
    await s.notifications.deliver();
    const results = [];
    for (let i = 0; i < SMS_MAX_ATTEMPTS; i++) {
      gateway.failNext(500);
      results.push(await s.notifications.sendTexts());
      t.clock.advance(5 * 3_600_000);
    }
    expect(results.at(-1)).toEqual({ sent: 0, failed: 0, gaveUp: 1 });
    expect(results.slice(0, -1).every((r) => r.failed === 1)).toBe(true);
    const [row] = await smsRows(person.userId);
    expect(row).toMatchObject({ attempts: SMS_MAX_ATTEMPTS, lastError: 'SMS gateway answered 500' });
    expect(row!.failedAt).not.toBeNull();
  });

  it('keeps quiet hours: nothing at 22:30, both email and text in the morning', async () => {
    const person = await texted('40506070');
    t.clock.set('2026-03-02T21:30:00Z'); // 22:30 in Denmark
    await s.notifications.notify([note(person.userId, 'night')]);
    await s.notifications.deliver();
    expect(await smsRows(person.userId)).toHaveLength(0);
    t.clock.set('2026-03-03T06:00:00Z'); // 07:00
    await s.notifications.deliver();
    expect(await s.notifications.sendTexts()).toMatchObject({ sent: 1 });
    expect(gateway.requests.map((r) => r.body.to)).toEqual(['+4540506070']);
  });

  it('texts alone when email is off, and nothing when the number cannot be read', async () => {
    const person = await texted('50607080');
    await s.notifications.savePreferences(ctx(person), { email: 'off', quietFrom: '21', quietTo: '7', digestHour: '8', sms: 'on' });
    await s.notifications.notify([note(person.userId, 'only-sms')]);
    expect(await s.notifications.deliver()).toEqual({ emails: 0, notifications: 1 });
    expect(await s.notifications.sendTexts()).toMatchObject({ sent: 1 });
  });

  it('refuses text messages without a Danish or Swedish number, with a clear error, and changes nothing', async () => {
    const person = await makeUser(t, []);
    const err = await failure(
      s.notifications.savePreferences(ctx(person), { email: 'daily', quietFrom: '21', quietTo: '7', digestHour: '8', sms: 'on' }),
    );
    expect(err.fields).toEqual({ sms: 'validation.sms_phone' });
    expect(await s.notifications.preferences(ctx(person))).toMatchObject({ email: 'immediate', sms: false });
  });

  it('without a gateway (demo, development) the text lands in the development outbox', async () => {
    const person = await makeUser(t, []);
    await t.database.db.update(users).set({ phone: '60708090' }).where(eq(users.id, person.userId));
    await t.services.notifications.savePreferences(ctx(person), {
      email: 'off',
      quietFrom: '21',
      quietTo: '7',
      digestHour: '8',
      sms: 'on',
    });
    await t.services.notifications.notify([note(person.userId, 'outbox')]);
    await t.services.notifications.deliver();
    expect(await t.services.notifications.sendTexts()).toMatchObject({ sent: 1 });
    const [m] = await outboxFor('+4560708090');
    expect(m).toMatchObject({ subject: 'SMS', text: expect.stringContaining('1 ny notifikation') as unknown });
    expect(gateway.requests).toHaveLength(0);
  });
});
