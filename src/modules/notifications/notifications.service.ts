import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Access } from '../../platform/access/access.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import { type CalendarEvent, toIcs } from '../../platform/calendar/ics.ts';
import type { Clock } from '../../platform/clock.ts';
import { localDate, localHour } from '../../platform/dates.ts';
import { notFound } from '../../platform/errors.ts';
import { type Locale, formatDay, translate } from '../../platform/i18n/i18n.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { newToken, hashToken } from '../../platform/crypto/tokens.ts';
import { parseInput } from '../../platform/validation.ts';
import { normalisePhone } from '../../platform/sms/phone.ts';
import type { SmsSender } from '../../platform/sms/sms.ts';
import { invalid } from '../../platform/errors.ts';
import type { NewNotification, Notification, NotificationsRepository, Preferences } from './notifications.repository.ts';
import { emailModes } from './notifications.values.ts';

const hour = z.coerce
  .number({ error: 'validation.hour' })
  .int({ error: 'validation.hour' })
  .min(0, { error: 'validation.hour' })
  .max(23, { error: 'validation.hour' });
export const preferencesInput = z.object({
  email: z.enum(emailModes, { error: 'validation.email_mode' }),
  quietFrom: hour,
  quietTo: hour,
  digestHour: hour,
  // A checkbox: "on" when ticked, absent when not.
  sms: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
});

/** Whether a local hour falls in quiet hours (from 21 to 7 wraps midnight; from = to means none). */
export function inQuietHours(h: number, from: number, to: number): boolean {
  if (from === to) return false;
  return from < to ? h >= from && h < to : h >= from || h < to;
}

/**
 * How long a delivery run holds a batch it is sending before another run may send it again: longer
 * than a send can take (nodemailer waits up to 2 min to connect and 10 min on a silent server).
 */
export const DELIVERY_LEASE_MS = 15 * 60_000;
/** A run sending text messages holds them this long (the gateway is given 10 s per message). */
const SMS_LEASE_MS = 5 * 60_000;
/** Tries of one text message before it is given up (about a day with the backoff below). */
export const SMS_MAX_ATTEMPTS = 10;
/** Minutes before the next try after `attempts` failed: 1, 2, 4 … at most 4 hours. */
export const smsBackoffMinutes = (attempts: number) => Math.min(240, 2 ** (attempts - 1));

/** Turns a notification's link into a URL: a path, or a value a module signs at delivery (`prefix:value`). */
export type LinkResolver = (value: string) => string;
/** A module's events for one person's calendar feed, titled in their language. */
export type CalendarSource = (
  userId: string,
  t: (key: string, params?: Record<string, string | number>) => string,
) => Promise<CalendarEvent[]>;

/**
 * Notifications: created idempotently by key, delivered as one email per person per run (a digest,
 * never a flood), outside the person's quiet hours, as often as they chose — or not at all.
 */
export class NotificationsService {
  private readonly linkResolvers = new Map<string, LinkResolver>();
  private readonly calendarSources: CalendarSource[] = [];

  constructor(
    private readonly repo: NotificationsRepository,
    private readonly mailer: Mailer,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly baseUrl: string,
    private readonly sms?: SmsSender,
  ) {}

  /** A module's links `prefix:value`, turned into URLs at delivery (wired in app/services.ts). */
  addLinkResolver(prefix: string, resolver: LinkResolver): void {
    this.linkResolvers.set(prefix, resolver);
  }

  /** A module's events for the calendar feed (wired in app/services.ts); feeds list them in this order. */
  addCalendarSource(source: CalendarSource): void {
    this.calendarSources.push(source);
  }

  /** Creates the notifications whose keys are new; returns how many were new. */
  async notify(rows: Omit<NewNotification, 'createdAt'>[]): Promise<Notification[]> {
    const now = this.clock.now();
    return this.repo.insertNew(rows.map((r) => ({ ...r, createdAt: now })));
  }

  url(link: string): string {
    const colon = link.indexOf(':');
    const resolver = colon > 0 ? this.linkResolvers.get(link.slice(0, colon)) : undefined;
    if (resolver) return resolver(link.slice(colon + 1));
    return `${this.baseUrl}${link}`;
  }

  /**
   * Sends what is due, at least once. Safe to run in two workers at once: a run leases each batch it
   * sends and settles it only after the send; a batch whose run died (or whose send failed) is sent
   * again once its lease has expired, as the same email, Message-ID included.
   */
  async deliver(): Promise<{ emails: number; notifications: number }> {
    const now = this.clock.now();
    const until = new Date(now.getTime() + DELIVERY_LEASE_MS);
    let emails = 0;
    let count = 0;
    for (const userId of await this.repo.usersWithPending(now)) {
      const prefs = await this.repo.preferences(userId);
      // A text message, when chosen, keeps the same quiet hours and digest as email.
      const silent = prefs.email === 'off' && !prefs.sms;
      if (!silent && inQuietHours(localHour(now), prefs.quietFrom, prefs.quietTo)) continue;
      // A lost send goes first, without a digest slot of its own: its run took one.
      let claimed = await this.repo.claimExpired(userId, now, until);
      if (!claimed.length) {
        if (!silent && !this.due(prefs, now)) continue;
        if (prefs.email === 'daily' && !(await this.repo.takeDigestSlot(userId, localDate(now)))) continue;
        claimed = await this.repo.claimPending(userId, now, until);
      }
      if (!claimed.length) continue;
      const ids = claimed.map((n) => n.id);
      count += claimed.length;
      const person = silent ? undefined : await this.repo.recipient(userId);
      const locale: Locale = person?.locale === 'en' ? 'en' : 'da';
      const to = prefs.email === 'off' ? undefined : person;
      if (to) {
        try {
          await this.mailer.send({ to: to.email, messageId: this.messageId(ids), ...this.compose(claimed, locale, to.name) });
        } catch (err) {
          await this.repo.release(ids, this.clock.now());
          throw err;
        }
        emails++;
      }
      // The text message is queued with the settling, in one transaction: sent (and retried) by sendTexts.
      const phone = prefs.sms && person ? normalisePhone(person.phone) : undefined;
      await this.audit.atomically(async () => {
        await this.repo.markDelivered(ids, this.clock.now(), to?.email ?? null);
        if (phone) await this.repo.queueSms({ userId, to: phone, text: this.smsText(claimed.length, locale), at: this.clock.now() });
      });
    }
    return { emails, notifications: count };
  }

  /** What a text message says: only that there is something new, never what (it is read on a lock screen). */
  smsText(count: number, locale: Locale): string {
    return translate(locale, 'sms.notifications', { count, url: `${this.baseUrl}/me/notifications` });
  }

  /**
   * Sends the text messages due (the job `notifications-sms`, and after each delivery run): a failed
   * try is kept and tried again with backoff; after SMS_MAX_ATTEMPTS it is given up and counted.
   */
  async sendTexts(limit = 100): Promise<{ sent: number; failed: number; gaveUp: number }> {
    const result = { sent: 0, failed: 0, gaveUp: 0 };
    if (!this.sms) return result;
    const now = this.clock.now();
    for (const m of await this.repo.claimDueSms(now, new Date(now.getTime() + SMS_LEASE_MS), limit)) {
      const attempts = m.attempts + 1;
      try {
        await this.sms.send({ to: m.to, text: m.text, reference: m.id, userId: m.userId });
        await this.repo.smsSent(m.id, this.clock.now(), attempts);
        result.sent++;
      } catch (err) {
        const at = this.clock.now();
        const giveUp = attempts >= SMS_MAX_ATTEMPTS;
        const retryAt = giveUp ? null : new Date(at.getTime() + smsBackoffMinutes(attempts) * 60_000);
        await this.repo.smsFailed(m.id, attempts, String((err as Error).message ?? err).slice(0, 200), at, retryAt);
        if (giveUp) result.gaveUp++;
        else result.failed++;
      }
    }
    return result;
  }

  /** One batch of notifications, one Message-ID, however often it is sent. */
  messageId(ids: readonly string[]): string {
    const hash = createHash('sha256')
      .update([...ids].sort().join(','))
      .digest('hex')
      .slice(0, 32);
    return `<notifications.${hash}@${new URL(this.baseUrl).hostname}>`;
  }

  private due(prefs: Preferences, now: Date): boolean {
    const h = localHour(now);
    if (inQuietHours(h, prefs.quietFrom, prefs.quietTo)) return false;
    if (prefs.email === 'daily') return h >= prefs.digestHour && prefs.lastDigestOn !== localDate(now);
    return true;
  }

  compose(items: Notification[], locale: Locale, name: string): { subject: string; text: string } {
    // Dates in the parameters are written in words in the reader's language ("fredag 11. december").
    const t = (key: string, params?: Record<string, string | number>) =>
      translate(
        locale,
        key,
        params &&
          Object.fromEntries(
            Object.entries(params).map(([k, v]) => [k, typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDay(locale, v) : v]),
          ),
      );
    const sorted = [...items].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const subject =
      sorted.length === 1 ? t(`notify.title.${sorted[0]!.kind}`, sorted[0]!.params) : t('notify.digest_subject', { count: sorted.length });
    const body = sorted.map((n) => {
      const lines = [`• ${t(`notify.title.${n.kind}`, n.params)}`, `  ${t(`notify.text.${n.kind}`, n.params)}`];
      if (n.link) lines.push(`  ${this.url(n.link)}`);
      return lines.join('\n');
    });
    return {
      subject,
      text: [
        t('notify.greeting', { name }),
        '',
        ...body.flatMap((b) => [b, '']),
        t('notify.footer', { url: `${this.baseUrl}/me/notifications` }),
      ].join('\n'),
    };
  }

  async recent(ctx: Context): Promise<Notification[]> {
    const actor = this.access.requireActor(ctx);
    return this.repo.recent(actor.userId);
  }

  async preferences(ctx: Context): Promise<Preferences & { feedSince: Date | null }> {
    const actor = this.access.requireActor(ctx);
    const [prefs, feed] = await Promise.all([this.repo.preferences(actor.userId), this.repo.feed(actor.userId)]);
    return { ...prefs, feedSince: feed?.createdAt ?? null };
  }

  async savePreferences(ctx: Context, input: unknown): Promise<void> {
    const actor = this.access.requireActor(ctx);
    const values = parseInput(preferencesInput, input);
    if (values.sms && !normalisePhone((await this.repo.recipient(actor.userId))?.phone ?? ''))
      throw invalid({ sms: 'validation.sms_phone' });
    await this.audit.atomically(async () => {
      await this.repo.savePreferences({ userId: actor.userId, ...values });
      await this.audit.record(ctx, {
        action: 'notifications.preferences',
        targetType: 'user',
        targetId: actor.userId,
        subjectUserId: actor.userId,
      });
    });
  }

  /** A new secret feed URL (shown once); any earlier URL stops working. */
  async newCalendarFeed(ctx: Context): Promise<string> {
    const actor = this.access.requireActor(ctx);
    const { token, id } = newToken();
    await this.audit.atomically(async () => {
      await this.repo.setFeed(actor.userId, id, this.clock.now());
      await this.audit.record(ctx, {
        action: 'calendar.feed_create',
        targetType: 'user',
        targetId: actor.userId,
        subjectUserId: actor.userId,
      });
    });
    return `${this.baseUrl}/calendar/${token}.ics`;
  }

  async revokeCalendarFeed(ctx: Context): Promise<void> {
    const actor = this.access.requireActor(ctx);
    await this.audit.atomically(async () => {
      await this.repo.deleteFeed(actor.userId);
      await this.audit.record(ctx, {
        action: 'calendar.feed_revoke',
        targetType: 'user',
        targetId: actor.userId,
        subjectUserId: actor.userId,
      });
    });
  }

  /** The feed for a secret token; a revoked or unknown token is simply not found. */
  async calendar(ctx: Context, token: string): Promise<string> {
    const userId = /^[A-Za-z0-9_-]{43}$/.test(token) ? await this.repo.feedOwner(hashToken(token)) : undefined;
    if (!userId) throw notFound();
    const locale: Locale = (await this.repo.recipient(userId))?.locale === 'en' ? 'en' : 'da';
    const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
    const events = (await Promise.all(this.calendarSources.map((source) => source(userId, t)))).flat();
    await this.audit.record(ctx, {
      action: 'calendar.feed_read',
      targetType: 'user',
      targetId: userId,
      subjectUserId: userId,
      details: { events: events.length },
    });
    return toIcs('NExTWORK', events, this.clock.now());
  }
}
