import type { Clock } from '../../platform/clock.ts';
import { addDays, daysBetween, localDate, weekStart } from '../../platform/dates.ts';
import type { NewNotification } from '../notifications/notifications.repository.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { FeedbackService } from './feedback.service.ts';
import type { InternshipsRepository } from './internships.repository.ts';

/** Days after the choice on which the responsible consultant hears about a start not yet met. */
export const START_ALERT_DAYS = [7, 12] as const;
/** Reminders go this many days before the planned end. */
export const END_REMINDER_DAYS = 7;

/**
 * The internship jobs. Each is idempotent: what it creates has a key (internship, week, day), so a
 * run repeated after a restart, or run by two workers at once, creates each notification once.
 * Sending is the notifications' delivery job, which honours quiet hours and preferences.
 */
export class InternshipJobs {
  constructor(
    private readonly repo: InternshipsRepository,
    private readonly feedback: FeedbackService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    /** The company's contact persons' user ids: they answer when the internship names no supervisor. */
    private readonly companyContacts: (companyId: string) => Promise<string[]> = async () => [],
  ) {}

  /**
   * Who answers the weekly feedback: the named supervisor, or else every contact person of the
   * company (the key carries the person then, so each is asked once).
   */
  private async answerers(i: { supervisorUserId: string | null; companyId: string }): Promise<{ userId: string; own: boolean }[]> {
    if (i.supervisorUserId) return [{ userId: i.supervisorUserId, own: false }];
    return (await this.companyContacts(i.companyId)).map((userId) => ({ userId, own: true }));
  }

  private today(): string {
    return localDate(this.clock.now());
  }

  /** Friday: ask each supervisor (or, without one, the company's contacts) for this week's feedback (with a signed link) and each young person for a check-in. */
  async weeklyRequests(): Promise<number> {
    const today = this.today();
    const week = weekStart(today);
    const running = await this.repo.list({ statuses: ['active', 'extended'] });
    const rows: Omit<NewNotification, 'createdAt'>[] = [];
    for (const i of running) {
      if (!i.firstDay || i.firstDay > today) continue;
      const params = { youth: i.youthFirstName, company: i.companyName, week };
      const answerers = await this.answerers(i);
      if (answerers.length) {
        const link = await this.feedback.prepareLink(i.id, week);
        for (const a of answerers)
          rows.push({
            userId: a.userId,
            key: `feedback-request:${i.id}:${week}${a.own ? `:${a.userId}` : ''}`,
            kind: 'feedback_request',
            params,
            link: this.feedback.linkRef(link),
          });
      }
      if (i.youthUserId) {
        rows.push({
          userId: i.youthUserId,
          key: `checkin-request:${i.youthId}:${week}`,
          kind: 'checkin_request',
          params,
          link: '/me/internships',
        });
      }
    }
    return (await this.notifications.notify(rows)).length;
  }

  /** Monday: remind supervisors who did not answer for last week (same link, while it is valid). */
  async feedbackReminders(): Promise<number> {
    const week = addDays(weekStart(this.today()), -7);
    const running = await this.repo.list({ statuses: ['active', 'extended'] });
    const rows: Omit<NewNotification, 'createdAt'>[] = [];
    for (const i of running) {
      if (!i.firstDay || i.firstDay > addDays(week, 4)) continue;
      const answerers = await this.answerers(i);
      if (!answerers.length) continue;
      if (await this.repo.feedbackFor(i.id, week)) continue;
      const link = await this.feedback.prepareLink(i.id, week);
      if (link.usedAt || link.expiresAt <= this.clock.now()) continue;
      for (const a of answerers)
        rows.push({
          userId: a.userId,
          key: `feedback-reminder:${i.id}:${week}${a.own ? `:${a.userId}` : ''}`,
          kind: 'feedback_reminder',
          params: { youth: i.youthFirstName, company: i.companyName, week },
          link: this.feedback.linkRef(link),
        });
    }
    return (await this.notifications.notify(rows)).length;
  }

  /** Daily: the start clock's day-7 and day-12 alerts to the responsible consultant. */
  async startClockAlerts(): Promise<number> {
    const today = this.today();
    const clocks = await this.repo.clocks(null, today);
    const rows: Omit<NewNotification, 'createdAt'>[] = [];
    for (const c of clocks) {
      if (c.firstDay || !c.consultantUserId) continue;
      const elapsed = daysBetween(localDate(c.chosenAt), today);
      // The latest alert due; an alert missed while the worker was down is sent late, once.
      const day = [...START_ALERT_DAYS].reverse().find((d) => elapsed >= d);
      if (!day) continue;
      rows.push({
        userId: c.consultantUserId,
        key: `start-clock:${c.id}:${day}`,
        kind: `start_clock_${day}`,
        params: { youth: c.youthFirstName, company: c.companyName, daysLeft: Math.max(0, c.startWithinDays - elapsed), days: elapsed },
        link: `/internships/${c.id}`,
      });
    }
    return (await this.notifications.notify(rows)).length;
  }

  /** Daily: a week before the planned end, the young person, the supervisor and the consultant are reminded. */
  async endReminders(): Promise<number> {
    const today = this.today();
    const running = await this.repo.list({ statuses: ['active', 'extended'] });
    const rows: Omit<NewNotification, 'createdAt'>[] = [];
    for (const i of running) {
      const left = daysBetween(today, i.plannedEnd);
      if (left < 0 || left > END_REMINDER_DAYS) continue;
      const params = { youth: i.youthFirstName, company: i.companyName, end: i.plannedEnd };
      for (const [userId, link] of [
        [i.youthUserId, '/me/internships'],
        [i.supervisorUserId, `/internships/${i.id}`],
        [i.consultantUserId, `/internships/${i.id}`],
      ] as const) {
        if (userId) rows.push({ userId, key: `end-reminder:${i.id}:${i.plannedEnd}:${userId}`, kind: 'end_reminder', params, link });
      }
    }
    return (await this.notifications.notify(rows)).length;
  }
}
