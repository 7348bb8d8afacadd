import type { Access } from '../../platform/access/access.ts';
import { type Actor, can } from '../../platform/access/policy.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { localDate } from '../../platform/dates.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import { isUuid, parseInput } from '../../platform/validation.ts';
import type { YouthRepository } from '../youth/youth.repository.ts';
import { lastEndedPeriod } from './report-cycle.ts';
import { confirmInput, consentInput, holdBackInput, reportTextInput } from './reports.inputs.ts';
import type { ReportRow, ReportsRepository } from './reports.repository.ts';

type Reader = 'team' | 'youth' | 'caseworker';

/**
 * The 6-weekly movement report to the young person's own caseworker (the one linked to them). The
 * platform drafts one per young person when a 6-week period ends; the counsellor edits and approves
 * it; the young person reads it and may comment; then it is sent — only when the young person has
 * agreed that reports go to their caseworker, has not held this one back, and a caseworker is
 * linked; otherwise it is held. Every read is audited.
 */
export class ReportsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: ReportsRepository,
    private readonly youth: YouthRepository,
    private readonly notifications: NotificationsService,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Drafts the report for every young person whose latest 6-week period has ended without one
   * (the daily job; pass a municipality to draft only there). Returns how many were drafted.
   */
  async draftDue(municipalityId?: string): Promise<number> {
    const now = this.clock.now();
    const today = localDate(now);
    let drafted = 0;
    for (const y of await this.repo.reportable(municipalityId)) {
      const period = lastEndedPeriod(y.referredOn, today);
      if (!period) continue;
      const facts = await this.repo.facts(y.id, period);
      const isNew = await this.repo.insertDraft({
        municipalityId: y.municipalityId,
        youthId: y.id,
        periodStart: period.start,
        periodEnd: period.end,
        facts,
        createdAt: now,
        updatedAt: now,
      });
      if (isNew) drafted++;
    }
    return drafted;
  }

  /** The team's list: drafts to write, reports with the young person, held and sent. */
  async overview(ctx: Context, municipalityId: string): Promise<ReportRow[]> {
    const grant = await this.access.requireOne(ctx, 'report.read', { type: 'reports', id: municipalityId, municipalityId });
    const rows = await this.repo.list({ municipalityId });
    await this.auditRows(ctx, rows, grant.role, 'report.list');
    return rows;
  }

  /** Sent reports for the caseworker: their own young people's, while each agrees. */
  async inbox(ctx: Context, municipalityId: string): Promise<ReportRow[]> {
    const me = this.access.requireActor(ctx).userId;
    const grant = await this.access.requireOne(ctx, 'report.receive', {
      type: 'reports',
      id: municipalityId,
      municipalityId,
      caseworkerUserId: me,
    });
    const rows = await this.repo.received(municipalityId, me);
    await this.auditRows(ctx, rows, grant.role, 'report.list');
    return rows;
  }

  /** Who reads, by the one action the actor holds for this report. */
  private readerOf(actor: Actor, r: ReportRow | undefined): { action: 'report.read' | 'report.own' | 'report.receive'; reader: Reader } {
    const target = [
      { municipalityId: r?.municipalityId ?? null, ownerUserId: r?.youthUserId ?? null, caseworkerUserId: r?.caseworkerUserId ?? null },
    ];
    if (can(actor, 'report.read', target)) return { action: 'report.read', reader: 'team' };
    if (can(actor, 'report.own', target)) return { action: 'report.own', reader: 'youth' };
    return { action: 'report.receive', reader: 'caseworker' };
  }

  /** Whether this reader may see the report in its present state. */
  private async visible(reader: Reader, r: ReportRow): Promise<boolean> {
    if (reader === 'team') return true;
    if (reader === 'youth') return r.status !== 'draft';
    return r.status === 'sent' && !r.heldBackAt && (await this.repo.consent(r.youthId));
  }

  /**
   * One report: the team always; the young person once approved; their own caseworker once sent,
   * while consent holds and unless the young person held it back.
   */
  async get(ctx: Context, id: string, via = 'page'): Promise<{ report: ReportRow; reader: Reader; consent: boolean }> {
    const r = isUuid(id) ? await this.repo.find(id) : undefined;
    const actor = this.access.requireActor(ctx);
    const { action, reader } = this.readerOf(actor, r);
    const target = {
      type: 'movement_report',
      id,
      municipalityId: r?.municipalityId ?? null,
      ownerUserId: r?.youthUserId ?? null,
      caseworkerUserId: r?.caseworkerUserId ?? null,
      subjectUserId: r?.youthUserId ?? null,
    };
    const grant = await this.access.requireOne(ctx, action, target);
    if (!r) throw notFound();
    if (!(await this.visible(reader, r))) {
      await this.audit.record(ctx, {
        action,
        outcome: 'denied',
        municipalityId: r.municipalityId,
        targetType: 'movement_report',
        targetId: r.id,
        subjectUserId: r.youthUserId,
      });
      throw notFound();
    }
    await this.auditRows(ctx, [r], grant.role, via === 'pdf' ? 'report.pdf' : 'report.read');
    return { report: r, reader, consent: await this.repo.consent(r.youthId) };
  }

  private async writable(ctx: Context, id: string) {
    const r = isUuid(id) ? await this.repo.find(id) : undefined;
    const grant = await this.access.requireOne(ctx, 'report.write', {
      type: 'movement_report',
      id,
      municipalityId: r?.municipalityId ?? null,
      subjectUserId: r?.youthUserId ?? null,
    });
    if (!r) throw notFound();
    if (r.status !== 'draft') throw new AppError('conflict', 'errors.report_not_draft');
    return { r, grant };
  }

  /** The counsellor edits the words of a draft; the facts are gathered again at the same time. */
  async update(ctx: Context, id: string, input: unknown): Promise<void> {
    const { r, grant } = await this.writable(ctx, id);
    const data = parseInput(reportTextInput, input);
    const facts = await this.repo.facts(r.youthId, { start: r.periodStart, end: r.periodEnd });
    await this.audit.atomically(async () => {
      await this.repo.update(r.id, { ...data, facts, updatedAt: this.clock.now() });
      await this.auditRows(ctx, [r], grant.role, 'report.write');
    });
  }

  /** Saves the words and approves: the report goes to the young person to read. Words are required. */
  async approve(ctx: Context, id: string, input: unknown): Promise<void> {
    const { r, grant } = await this.writable(ctx, id);
    const data = parseInput(reportTextInput, input);
    const missing: Record<string, string> = {};
    if (!data.summary) missing.summary = 'validation.report_summary';
    if (!data.nextSteps) missing.nextSteps = 'validation.report_next_steps';
    if (Object.keys(missing).length) throw invalid(missing);
    const now = this.clock.now();
    const facts = await this.repo.facts(r.youthId, { start: r.periodStart, end: r.periodEnd });
    const approvedBy = this.access.requireActor(ctx).userId;
    // The approval, its audit entry and the young person's notification (a row, sent later) are one.
    await this.audit.atomically(async () => {
      await this.repo.update(r.id, { ...data, facts, status: 'approved', approvedAt: now, approvedByUserId: approvedBy, updatedAt: now });
      await this.auditRows(ctx, [r], grant.role, 'report.approve');
      if (r.youthUserId)
        await this.notifications.notify([
          {
            userId: r.youthUserId,
            key: `report-ready:${r.id}`,
            kind: 'report_ready',
            params: { end: r.periodEnd },
            link: `/me/reports/${r.id}`,
          },
        ]);
    });
  }

  private async own(ctx: Context) {
    const actor = this.access.requireActor(ctx);
    const y = await this.youth.findByUser(actor.userId);
    const grant = await this.access.requireOne(ctx, 'report.own', {
      type: 'youth',
      id: y?.id ?? '',
      municipalityId: y?.municipalityId ?? null,
      ownerUserId: y?.userId ?? null,
    });
    if (!y) throw notFound();
    return { y, grant };
  }

  /** My reports (once approved) and whether I let them go to my caseworker. */
  async mine(ctx: Context): Promise<{ consent: boolean; reports: ReportRow[] }> {
    const { y } = await this.own(ctx);
    const [consent, reports] = await Promise.all([
      this.repo.consent(y.id),
      this.repo.list({ youthId: y.id, statuses: ['approved', 'held', 'sent'] }),
    ]);
    return { consent, reports };
  }

  /** I have read the report (with a comment if I like): it is sent, or held until I agree. */
  async confirm(ctx: Context, id: string, input: unknown): Promise<'sent' | 'held'> {
    const { y, grant } = await this.own(ctx);
    const r = isUuid(id) ? await this.repo.find(id) : undefined;
    if (!r || r.youthId !== y.id || r.status === 'draft') throw notFound();
    if (r.status !== 'approved') throw new AppError('conflict', 'errors.report_confirmed');
    const data = parseInput(confirmInput, input);
    const now = this.clock.now();
    const status = (await this.repo.consent(y.id)) && !r.heldBackAt && y.caseworkerUserId ? 'sent' : 'held';
    await this.audit.atomically(async () => {
      await this.repo.update(r.id, {
        youthComment: data.comment,
        youthConfirmedAt: now,
        status,
        sentAt: status === 'sent' ? now : null,
        updatedAt: now,
      });
      await this.audit.record(ctx, {
        action: `report.${status}`,
        actorRole: grant.role,
        municipalityId: y.municipalityId,
        targetType: 'movement_report',
        targetId: r.id,
        subjectUserId: y.userId,
      });
    });
    return status;
  }

  /** My choice about the caseworker; saying yes sends the reports I have read that waited for it. */
  async setConsent(ctx: Context, input: unknown): Promise<void> {
    const { y, grant } = await this.own(ctx);
    const { toCaseworker } = parseInput(consentInput, input);
    const now = this.clock.now();
    await this.transactions.transaction(async () => {
      await this.repo.setConsent(y.id, toCaseworker, now);
      if (toCaseworker && y.caseworkerUserId) await this.repo.sendHeld(y.id, now);
      await this.audit.record(ctx, {
        action: toCaseworker ? 'report.consent_given' : 'report.consent_withdrawn',
        actorRole: grant.role,
        municipalityId: y.municipalityId,
        targetType: 'youth',
        targetId: y.id,
        subjectUserId: y.userId,
      });
    });
  }

  /**
   * My choice for one report, before it is sent: hold it back from my caseworker, or let it go
   * again (then it is sent at once if I have read it and agree in general).
   */
  async holdBack(ctx: Context, id: string, input: unknown): Promise<void> {
    const { y, grant } = await this.own(ctx);
    const r = isUuid(id) ? await this.repo.find(id) : undefined;
    if (!r || r.youthId !== y.id || r.status === 'draft') throw notFound();
    if (r.status === 'sent') throw new AppError('conflict', 'errors.report_already_sent');
    const { holdBack } = parseInput(holdBackInput, input);
    const now = this.clock.now();
    const send = !holdBack && r.status === 'held' && !!y.caseworkerUserId && (await this.repo.consent(y.id));
    await this.audit.atomically(async () => {
      await this.repo.update(r.id, {
        heldBackAt: holdBack ? (r.heldBackAt ?? now) : null,
        ...(send ? { status: 'sent' as const, sentAt: now } : {}),
        updatedAt: now,
      });
      await this.audit.record(ctx, {
        action: holdBack ? 'report.held_back' : 'report.released',
        actorRole: grant.role,
        municipalityId: y.municipalityId,
        targetType: 'movement_report',
        targetId: r.id,
        subjectUserId: y.userId,
      });
    });
  }

  private async auditRows(ctx: Context, rows: readonly ReportRow[], role: string, action: string) {
    await this.audit.record(
      ctx,
      rows.map((r) => ({
        action,
        actorRole: role,
        municipalityId: r.municipalityId,
        targetType: 'movement_report',
        targetId: r.id,
        subjectUserId: r.youthUserId,
      })),
    );
  }
}
