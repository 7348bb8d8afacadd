import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Mail, Mailer } from '../../src/platform/mail/mailer.ts';
import { NotificationsRepository } from '../../src/modules/notifications/notifications.repository.ts';
import { DELIVERY_LEASE_MS, NotificationsService } from '../../src/modules/notifications/notifications.service.ts';
import { startSmtp } from '../support/smtp.ts';
import { type TestContext, createTestContext, ctx, makeUser } from '../support/context.ts';

// Delivery is at least once: a worker that dies between claiming a batch and sending it must not
// lose it, and two workers must not send one batch twice while its lease holds.
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let t: TestContext;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestContext({ smtpUrl: smtp.url });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});
beforeEach(() => t.clock.set('2026-03-02T09:00:00Z')); // 10:00 in Denmark: no quiet hours

/** Another worker on the same database, sending through `mailer`. */
const worker = (mailer: Omit<Mailer, 'close'>) =>
  new NotificationsService(
    new NotificationsRepository(t.database.db),
    { ...mailer, close() {} },
    t.services.access,
    t.services.audit,
    t.clock,
    'http://localhost:3000',
  );

/** A worker whose process dies in the middle of sending: the claim is committed, the send never ends. */
function dyingWorker(): { attempts: Mail[]; started: Promise<void> } {
  const attempts: Mail[] = [];
  let started!: () => void;
  const w = worker({
    send: (mail) => {
      attempts.push(mail);
      started();
      return new Promise<void>(() => {});
    },
  });
  const begun = new Promise<void>((r) => (started = r));
  void w.deliver();
  return { attempts, started: begun };
}

const note = (userId: string, k: string) => ({ userId, key: `delivery:${userId}:${k}`, kind: 'checkin_request', params: {}, link: '' });
const received = (email: string) => smtp.mails.filter((m) => m.to.includes(email));
const messageIdOf = (raw: string) => /^Message-ID: (.*)$/im.exec(raw)?.[1]?.trim();

describe('notification delivery, at least once', () => {
  it('resends a batch whose worker died mid-send once its lease has expired: once, as the same email', async () => {
    const person = await makeUser(t, []);
    await t.services.notifications.notify([note(person.userId, 'a'), note(person.userId, 'b')]);
    const dead = dyingWorker();
    await dead.started;

    // While the lease holds, the batch is the dead worker's.
    expect(await t.services.notifications.deliver()).toEqual({ emails: 0, notifications: 0 });
    t.clock.advance(DELIVERY_LEASE_MS - 1_000);
    expect(await t.services.notifications.deliver()).toEqual({ emails: 0, notifications: 0 });
    expect(received(person.email)).toHaveLength(0);

    t.clock.advance(1_000);
    expect(await t.services.notifications.deliver()).toEqual({ emails: 1, notifications: 2 });
    expect(await t.services.notifications.deliver()).toEqual({ emails: 0, notifications: 0 });
    t.clock.advance(2 * DELIVERY_LEASE_MS);
    expect(await t.services.notifications.deliver()).toEqual({ emails: 0, notifications: 0 });

    const mails = received(person.email);
    expect(mails).toHaveLength(1);
    expect(dead.attempts[0]!.messageId).toMatch(/^<notifications\.[0-9a-f]{32}@localhost>$/);
    expect(messageIdOf(mails[0]!.raw)).toBe(dead.attempts[0]!.messageId);
    expect(mails[0]!.text).toContain(dead.attempts[0]!.subject);
    expect((await t.services.notifications.recent(ctx(person))).map((n) => [n.emailed, n.claimedUntil])).toEqual([
      [person.email, null],
      [person.email, null],
    ]);
  });

  it('keeps a batch apart from newer notifications when it resends it, so the Message-ID matches', async () => {
    const person = await makeUser(t, []);
    await t.services.notifications.notify([note(person.userId, 'a')]);
    const dead = dyingWorker();
    await dead.started;
    t.clock.advance(60_000);
    await t.services.notifications.notify([note(person.userId, 'b')]); // arrives while the lease holds
    // The new one goes at once, on its own; the lost one after its lease, on its own.
    await t.services.notifications.deliver();
    t.clock.advance(DELIVERY_LEASE_MS);
    await t.services.notifications.deliver();
    const mails = received(person.email);
    expect(mails).toHaveLength(2);
    expect(messageIdOf(mails[1]!.raw)).toBe(dead.attempts[0]!.messageId);
    expect(messageIdOf(mails[0]!.raw)).not.toBe(dead.attempts[0]!.messageId);
  });

  it('resends a lost daily digest the same day, without waiting for the next digest', async () => {
    const person = await makeUser(t, []);
    await t.services.notifications.savePreferences(ctx(person), { email: 'daily', quietFrom: '21', quietTo: '7', digestHour: '8' });
    await t.services.notifications.notify([note(person.userId, 'a')]);
    const dead = dyingWorker(); // took today's digest slot, then died
    await dead.started;
    t.clock.advance(DELIVERY_LEASE_MS);
    await t.services.notifications.deliver();
    expect(received(person.email).map((m) => messageIdOf(m.raw))).toEqual([dead.attempts[0]!.messageId]);
  });

  it('sends a batch whose send failed again at the next run, as the same email', async () => {
    const person = await makeUser(t, []);
    await t.services.notifications.notify([note(person.userId, 'a')]);
    const attempts: Mail[] = [];
    const failing = worker({
      send: (mail) => {
        attempts.push(mail);
        return Promise.reject(new Error('421 service not available'));
      },
    });
    await expect(failing.deliver()).rejects.toThrow('421');
    expect(await t.services.notifications.deliver()).toEqual({ emails: 1, notifications: 1 });
    expect(received(person.email).map((m) => messageIdOf(m.raw))).toEqual([attempts[0]!.messageId]);
  });

  it('never sends a notification twice from runs at the same time, or from a run while another sends', async () => {
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => makeUser(t, [])));
    await t.services.notifications.notify(people.flatMap((p) => [note(p.userId, 'a'), note(p.userId, 'b')]));
    const sent: Mail[] = [];
    const slow = () =>
      worker({
        send: async (mail) => {
          sent.push(mail);
          await new Promise((r) => setTimeout(r, 30));
        },
      });
    const [one, two] = [slow(), slow()];
    const runs = [one.deliver(), two.deliver()];
    await new Promise((r) => setTimeout(r, 10));
    runs.push(slow().deliver()); // starts while the first two are sending
    const results = await Promise.all(runs);
    expect(results.reduce((sum, r) => sum + r.notifications, 0)).toBe(10);
    expect(results[0]!.emails).toBeGreaterThan(0); // the two runs did overlap
    expect(results[1]!.emails).toBeGreaterThan(0);
    expect(sent.map((m) => m.to).sort()).toEqual(people.map((p) => p.email).sort());
    expect(new Set(sent.map((m) => m.messageId)).size).toBe(5);
    t.clock.advance(2 * DELIVERY_LEASE_MS);
    expect(await slow().deliver()).toEqual({ emails: 0, notifications: 0 });
  });
});
