import type { Access } from '../../platform/access/access.ts';
import { can } from '../../platform/access/policy.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Sealer } from '../../platform/crypto/sealed.ts';
import { addDays, localDate, weekStart } from '../../platform/dates.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import { isUuid, parseInput } from '../../platform/validation.ts';
import type { YouthRepository } from '../youth/youth.repository.ts';
import { internshipAudit, loadInternship } from './internship-access.ts';
import { checkinInput, feedbackInput } from './internships.inputs.ts';
import type { Checkin, Feedback, FeedbackLink, InternshipView, InternshipsRepository } from './internships.repository.ts';
import { type InternshipStatus, type Weekday, weekdays } from './internships.values.ts';

const LINK_PURPOSE = 'feedback-link';
export const LINK_DAYS = 14;
const running: readonly InternshipStatus[] = ['active', 'extended'];

/** What a company sees of its own feedback: never the concern once sent (it is the team's). */
export type FeedbackForCompany = Omit<Feedback, 'concern'> & { concern?: string };

/**
 * Weekly feedback both ways: the company's (attendance, one thing done well, any concern) — also by
 * a signed single-use link — and the young person's check-in. Recognitions go to the young person.
 */
export class FeedbackService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: InternshipsRepository,
    private readonly youth: YouthRepository,
    private readonly notifications: NotificationsService,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    private readonly baseUrl: string,
  ) {}

  private today(): string {
    return localDate(this.clock.now());
  }

  // ---- signed single-use links -------------------------------------------------------------

  private payload(link: Pick<FeedbackLink, 'id' | 'internshipId' | 'weekStart' | 'expiresAt'>): string {
    return `${link.id}|${link.internshipId}|${link.weekStart}|${link.expiresAt.toISOString()}`;
  }

  linkToken(link: FeedbackLink): string {
    return `${link.id}.${this.sealer.sign(LINK_PURPOSE, this.payload(link))}`;
  }

  /**
   * A notification carries the link's fields (no secret); the URL is signed when the mail is
   * written, so nothing that opens the form is ever stored.
   */
  linkRef(link: FeedbackLink): string {
    return `feedback:${this.payload(link)}`;
  }

  /** The URL of a `feedback:` link, signed at delivery (the notifications' link resolver for `feedback`). */
  signedUrl(payload: string): string {
    return `${this.baseUrl}/feedback/${payload.split('|')[0]}.${this.sealer.sign(LINK_PURPOSE, payload)}`;
  }

  /** Creates (once) the link for an internship and week. */
  async prepareLink(internshipId: string, week: string): Promise<FeedbackLink> {
    const now = this.clock.now();
    return this.repo.feedbackLink(internshipId, week, new Date(now.getTime() + LINK_DAYS * 86_400_000), now);
  }

  /** Checks a token: signature, expiry, not yet used. Any failure names what went wrong, nothing more. */
  private async checkToken(token: string): Promise<{ link: FeedbackLink; i: InternshipView }> {
    const [id, signature] = token.split('.');
    const link = id && signature && isUuid(id) ? await this.repo.findLink(id) : undefined;
    if (!link || !this.sealer.verify(LINK_PURPOSE, this.payload(link), signature!)) throw new AppError('not_found', 'errors.link_invalid');
    if (link.usedAt) throw conflict('errors.link_used');
    if (link.expiresAt.getTime() <= this.clock.now().getTime()) throw conflict('errors.link_expired');
    const i = await this.repo.find(link.internshipId);
    if (!i || !running.includes(i.status)) throw conflict('errors.internship_not_running');
    return { link, i };
  }

  /**
   * The days of a week that have happened by today (today included): only these may the form
   * fill in ahead ("mødt"); a day still to come is left for the supervisor to choose.
   */
  daysHappened(week: string): Weekday[] {
    const today = this.today();
    return weekdays.filter((_, n) => addDays(week, n) <= today);
  }

  /** What the link's form shows: the young person's first name, the company, the week and the days that have happened. */
  async linkForm(token: string): Promise<{ youthFirstName: string; companyName: string; week: string; happened: Weekday[] }> {
    const { link, i } = await this.checkToken(token);
    return {
      youthFirstName: i.youthFirstName,
      companyName: i.companyName,
      week: link.weekStart,
      happened: this.daysHappened(link.weekStart),
    };
  }

  /** Feedback from the emailed link: no sign-in, one use, this internship and week only. */
  async submitByLink(ctx: Context, token: string, input: unknown): Promise<Feedback> {
    const { link, i } = await this.checkToken(token);
    const data = parseInput(feedbackInput, { ...(input as object), week: link.weekStart });
    const now = this.clock.now();
    return this.transactions.transaction(async () => {
      if (!(await this.repo.useLink(link.id, now))) throw conflict('errors.link_used');
      const saved = await this.repo.saveFeedback({
        internshipId: i.id,
        weekStart: link.weekStart,
        attendance: data.attendance,
        didWell: data.didWell,
        concern: data.concern,
        submittedAt: now,
        byUserId: null,
        viaLink: link.id,
      });
      await this.audit.record(ctx, {
        action: 'internship.feedback',
        municipalityId: i.municipalityId,
        targetType: 'internship',
        targetId: i.id,
        subjectUserId: i.youthUserId,
        details: { week: link.weekStart, via: 'link' },
      });
      await this.passOn(i, saved);
      return saved;
    });
  }

  // ---- feedback by a signed-in supervisor (or the team on their behalf) ---------------------

  async submit(ctx: Context, id: string, input: unknown): Promise<Feedback> {
    const { i, grant } = await loadInternship(this.repo, this.access, ctx, id, 'internship.feedback');
    const data = parseInput(feedbackInput, input);
    if (!running.includes(i.status)) throw conflict('errors.internship_not_running');
    const week = weekStart(data.week);
    if (week > weekStart(this.today()) || (i.firstDay && week < weekStart(i.firstDay))) throw invalid({ week: 'validation.feedback_week' });
    const byUserId = this.access.requireActor(ctx).userId;
    return this.audit.atomically(async () => {
      const saved = await this.repo.saveFeedback({
        internshipId: i.id,
        weekStart: week,
        attendance: data.attendance,
        didWell: data.didWell,
        concern: data.concern,
        submittedAt: this.clock.now(),
        byUserId,
        viaLink: null,
      });
      await this.audit.record(ctx, internshipAudit(i, grant, 'internship.feedback', { week }));
      await this.passOn(i, saved);
      return saved;
    });
  }

  /**
   * The recognition goes to the young person; a concern goes to the responsible consultant only.
   * Notifications are rows: written in the feedback's transaction, sent later by the delivery job.
   */
  private async passOn(i: InternshipView, f: Feedback): Promise<void> {
    await this.notifications.notify(
      [
        f.didWell &&
          i.youthUserId && {
            userId: i.youthUserId,
            key: `recognition:${i.id}:${f.weekStart}`,
            kind: 'recognition',
            params: { company: i.companyName, youth: i.youthFirstName },
            link: '/me/internships',
          },
        f.concern &&
          i.consultantUserId && {
            userId: i.consultantUserId,
            key: `concern:${i.id}:${f.weekStart}`,
            kind: 'concern',
            params: { youth: i.youthFirstName, company: i.companyName },
            link: `/internships/${i.id}`,
          },
      ].filter((n) => !!n),
    );
  }

  /** An internship's feedback: the team sees concerns; the company sees attendance and recognitions. */
  async list(ctx: Context, id: string): Promise<FeedbackForCompany[]> {
    const { i, grant } = await loadInternship(this.repo, this.access, ctx, id, 'internship.read');
    const rows = await this.repo.feedback(id);
    await this.audit.record(ctx, internshipAudit(i, grant, 'internship.feedback_read'));
    const team = can(ctx.actor!, 'internship.read_concerns', [{ municipalityId: i.municipalityId }]);
    if (team) return rows;
    return rows.map(({ concern: _c, ...rest }) => rest);
  }

  /** The week the supervisor should answer for now, and what was already given for it. */
  async formFor(
    ctx: Context,
    id: string,
    week: string | undefined,
  ): Promise<{ i: InternshipView; week: string; existing: Feedback | undefined; happened: Weekday[] }> {
    const { i } = await loadInternship(this.repo, this.access, ctx, id, 'internship.feedback');
    const current = weekStart(week && /^\d{4}-\d{2}-\d{2}$/.test(week) ? week : this.today());
    return { i, week: current, existing: await this.repo.feedbackFor(id, current), happened: this.daysHappened(current) };
  }

  // ---- the young person's check-in and their own feed ---------------------------------------

  async checkin(ctx: Context, input: unknown): Promise<Checkin> {
    const actor = this.access.requireActor(ctx);
    const y = await this.youth.findByUser(actor.userId);
    await this.access.require(ctx, 'internship.checkin', [
      {
        type: 'checkin',
        id: y?.id ?? '',
        municipalityId: y?.municipalityId ?? null,
        ownerUserId: y?.userId ?? null,
        subjectUserId: actor.userId,
      },
    ]);
    if (!y) throw notFound();
    const data = parseInput(checkinInput, input);
    return this.audit.atomically(async () => {
      const saved = await this.repo.saveCheckin({
        youthId: y.id,
        weekStart: weekStart(this.today()),
        ...data,
        submittedAt: this.clock.now(),
      });
      await this.audit.record(ctx, {
        action: 'internship.checkin',
        municipalityId: y.municipalityId,
        targetType: 'youth',
        targetId: y.id,
        subjectUserId: y.userId,
      });
      return saved;
    });
  }

  /** A young person's check-ins, for the team (audited). */
  async checkinsOf(ctx: Context, youthId: string): Promise<Checkin[]> {
    const y = isUuid(youthId) ? await this.youth.find(youthId) : undefined;
    const grant = await this.access.requireOne(ctx, 'internship.read_concerns', {
      type: 'youth',
      id: youthId,
      municipalityId: y?.municipalityId ?? null,
      subjectUserId: y?.userId ?? null,
    });
    if (!y) throw notFound();
    await this.audit.record(ctx, {
      action: 'internship.checkins_read',
      actorRole: grant.role,
      municipalityId: y.municipalityId,
      targetType: 'youth',
      targetId: y.id,
      subjectUserId: y.userId,
    });
    return this.repo.checkins(y.id);
  }

  /** My work trail: every internship, what I did, the recognitions I received; and this week's check-in. */
  async myTrail(ctx: Context) {
    const actor = this.access.requireActor(ctx);
    const y = await this.youth.findByUser(actor.userId);
    if (!y) throw notFound();
    const [internships, recognitions, checkins] = await Promise.all([
      this.repo.list({ youthId: y.id }),
      this.repo.recognitions(y.id),
      this.repo.checkins(y.id, 8),
    ]);
    const extensions = await Promise.all(internships.filter((i) => running.includes(i.status)).map((i) => this.repo.openExtension(i.id)));
    const week = weekStart(this.today());
    return {
      youth: y,
      internships,
      recognitions,
      checkins,
      openExtensions: extensions.filter((e) => !!e),
      thisWeek: checkins.find((c) => c.weekStart === week),
      week,
      nextWeek: addDays(week, 7),
    };
  }
}
