import type { Access } from '../../platform/access/access.ts';
import { type Membership, can } from '../../platform/access/policy.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { addDays, addMonths, localDate } from '../../platform/dates.ts';
import type { CalendarEvent } from '../../platform/calendar/ics.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import type { Translate } from '../../platform/i18n/i18n.ts';
import { AppError, conflict, invalid, isUniqueViolation } from '../../platform/errors.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import { parseInput } from '../../platform/validation.ts';
import type { CompaniesRepository } from '../companies/companies.repository.ts';
import type { Opening, OpeningsRepository } from '../companies/openings.repository.ts';
import type { MunicipalitiesRepository } from '../municipalities/municipalities.repository.ts';
import type { YouthRepository } from '../youth/youth.repository.ts';
import { checkLength, checkStart, internshipAudit, loadInternship, plannedMonths, rulesOf } from './internship-access.ts';
import { endInput, firstDayInput, planInput, vitasInput } from './internships.inputs.ts';
import type { Extension, Internship, InternshipEvent, InternshipView, InternshipsRepository, NewEvent } from './internships.repository.ts';
import { type InternshipStatus, openStatuses } from './internships.values.ts';

const running: readonly InternshipStatus[] = ['active', 'extended'];

/**
 * The internship lifecycle: planned → awaiting jobcentre approval → active → (extended) →
 * completed, or ended early. Every change is a compare-and-set on the status, with an event.
 */
export class InternshipsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: InternshipsRepository,
    private readonly youth: YouthRepository,
    private readonly openings: OpeningsRepository,
    private readonly companies: CompaniesRepository,
    private readonly municipalities: MunicipalitiesRepository,
    private readonly notifications: NotificationsService,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** For the calendar feed: the first and last day of each internship the person takes part in. */
  async calendarFor(userId: string, t: Translate): Promise<CalendarEvent[]> {
    return (await this.repo.forPerson(userId)).flatMap((i) => {
      const who = `${i.youthFirstName} · ${i.companyName}`;
      return [
        {
          uid: `internship-start-${i.id}@nextwork`,
          title: t('calendar.internship_start', { who }),
          start: i.firstDay ?? i.agreedStart,
          description: i.tasks,
        },
        { uid: `internship-end-${i.id}@nextwork`, title: t('calendar.internship_end', { who }), start: i.actualEnd ?? i.plannedEnd },
      ];
    });
  }

  private today(): string {
    return localDate(this.clock.now());
  }

  /** The team plans an internship directly; a matching round calls this for an accepted choice. */
  async plan(ctx: Context, municipalityId: string, input: unknown): Promise<Internship> {
    const grant = await this.access.requireOne(ctx, 'internship.manage', { type: 'internship', id: '', municipalityId });
    const data = parseInput(planInput, input);
    const [y, opening] = await Promise.all([this.youth.find(data.youthId), this.openings.find(data.openingId)]);
    const errors: Record<string, string> = {};
    if (!y || y.municipalityId !== municipalityId || y.status === 'ended') errors.youthId = 'validation.internship_youth';
    if (!opening || opening.municipalityId !== municipalityId) errors.openingId = 'validation.internship_opening';
    if (data.agreedStart < data.chosenOn) errors.agreedStart = 'validation.start_before_choice';
    if (data.chosenOn > this.today()) errors.chosenOn = 'validation.date_future';
    // Not back-dated: the clock starts when the young person confirms the choice in the app.
    else if (data.chosenOn < this.today()) errors.chosenOn = 'validation.date_past';
    const supervisorId = data.supervisorUserId ?? opening?.supervisorUserId ?? null;
    if (opening && supervisorId && !(await this.companies.contacts(opening.companyId)).some((c) => c.id === supervisorId)) {
      errors.supervisorUserId = 'validation.supervisor';
    }
    const rules = await rulesOf(this.municipalities, municipalityId);
    // The opening's duration, kept within the municipality's shortest and longest internship.
    const plannedEnd = data.plannedEnd ?? addMonths(data.agreedStart, plannedMonths(rules, opening?.durationMonths ?? 3));
    if (plannedEnd <= data.agreedStart) errors.plannedEnd = 'validation.end_before_start';
    if (data.previousId) {
      // Rotation: the earlier internship must be this young person's, and over.
      const previous = await this.repo.find(data.previousId);
      if (previous?.youthId !== data.youthId || openStatuses.includes(previous.status))
        errors.previousId = 'validation.previous_internship';
    }
    if (Object.keys(errors).length) throw invalid(errors);
    const startLateReason = checkStart(rules, opening!, data.chosenOn, data.agreedStart, data.startLateReason);
    await checkLength(this.municipalities, municipalityId, data.agreedStart, plannedEnd, 'plannedEnd');
    const actor = this.access.requireActor(ctx);
    const now = this.clock.now();
    const chosenAt = now;
    // A second open internship is refused by a unique index; mapped once the transaction has ended.
    try {
      return await this.transactions.transaction(async () => {
        const created = await this.repo.insert(
          {
            municipalityId,
            youthId: y!.id,
            companyId: opening!.companyId,
            openingId: opening!.id,
            supervisorUserId: supervisorId,
            consultantUserId: actor.userId,
            status: 'planned',
            weeklyHours: data.weeklyHours,
            tasks: data.tasks || opening!.title,
            chosenAt,
            // The young person confirms in the app; until then no clock runs.
            youthConfirmedAt: null,
            agreedStart: data.agreedStart,
            startLateReason,
            plannedEnd,
            previousId: data.previousId,
            createdAt: now,
            updatedAt: now,
          },
          { kind: 'planned', at: now, byUserId: actor.userId, note: data.previousId ? 'rotation' : '' },
        );
        await this.announcePlanned(ctx, created.id, grant.role);
        return created;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('errors.internship_open', { youthId: 'errors.internship_open' });
      throw err;
    }
  }

  /**
   * For the matching service, after its own check that a young person accepts their own placement:
   * plans the internship in the caller's transaction. The start clock runs from now; the agreed start
   * is the opening's first possible day (at the earliest today), refused when that is more than the
   * municipality's start-within days away; the length is the opening's, within the municipality's rules.
   */
  async planAccepted(p: {
    municipalityId: string;
    youthId: string;
    opening: Opening;
    consultantUserId: string | null;
    byUserId: string;
  }): Promise<Internship> {
    const { opening } = p;
    if (opening.municipalityId !== p.municipalityId) throw invalid({ openingId: 'validation.internship_opening' });
    const today = this.today();
    const rules = await rulesOf(this.municipalities, p.municipalityId);
    // Not before the opening's first day, and within the municipality's days from the choice (now):
    // the young person accepting has no one to record why a later start is fine, so it is refused.
    const agreedStart = opening.startFrom > today ? opening.startFrom : today;
    if (agreedStart > addDays(today, rules.startWithinDays))
      throw new AppError('conflict', 'rules.errors.start_late_accept', undefined, { first: agreedStart, days: rules.startWithinDays });
    const now = this.clock.now();
    try {
      return await this.repo.insert(
        {
          municipalityId: p.municipalityId,
          youthId: p.youthId,
          companyId: opening.companyId,
          openingId: opening.id,
          supervisorUserId: opening.supervisorUserId,
          consultantUserId: p.consultantUserId,
          status: 'planned',
          weeklyHours: Math.min(37, Math.max(15, opening.weeklyHours)),
          tasks: opening.tasks || opening.title,
          chosenAt: now,
          // Accepting the placement or the offer is the young person's own choice.
          youthConfirmedAt: now,
          agreedStart,
          // An opening from before the rules (a 12-month one) still gives at most the longest internship.
          plannedEnd: addMonths(agreedStart, plannedMonths(rules, opening.durationMonths)),
          createdAt: now,
          updatedAt: now,
        },
        { kind: 'planned', at: now, byUserId: p.byUserId, note: 'matching' },
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('errors.internship_open', { youthId: 'errors.internship_open' });
      throw err;
    }
  }

  /**
   * Audits a newly planned internship and tells the young person and the supervisor; call it in the
   * transaction that planned it, so the internship, its entry and the notifications are kept together.
   */
  async announcePlanned(ctx: Context, id: string, role: Membership['role']): Promise<void> {
    const view = (await this.repo.find(id))!;
    const details = view.startLateReason ? { startLateReason: view.startLateReason } : undefined;
    await this.audit.record(ctx, internshipAudit(view, { role, municipalityId: view.municipalityId }, 'internship.plan', details));
    const params = { company: view.companyName, start: view.agreedStart, youth: view.youthFirstName };
    await this.notifications.notify(
      [
        view.youthUserId && {
          userId: view.youthUserId,
          key: `planned:${view.id}:youth`,
          kind: 'internship_planned',
          params,
          link: '/me/internships',
        },
        view.supervisorUserId && {
          userId: view.supervisorUserId,
          key: `planned:${view.id}:supervisor`,
          kind: 'internship_planned_company',
          params,
          link: `/internships/${view.id}`,
        },
      ].filter((n) => !!n),
    );
  }

  async get(
    ctx: Context,
    id: string,
  ): Promise<{ i: InternshipView; events: InternshipEvent[]; extensions: Extension[]; canManage: boolean; canReadConcerns: boolean }> {
    const { i, grant } = await loadInternship(this.repo, this.access, ctx, id, 'internship.read');
    await this.audit.record(ctx, internshipAudit(i, grant, 'internship.read'));
    const actor = ctx.actor!;
    const [events, extensions] = await Promise.all([this.repo.events(id), this.repo.extensions(id)]);
    return {
      i,
      events,
      extensions,
      canManage: can(actor, 'internship.manage', [{ municipalityId: i.municipalityId }]),
      canReadConcerns: can(actor, 'internship.read_concerns', [{ municipalityId: i.municipalityId }]),
    };
  }

  /** The team's list for a municipality, or a company contact's internships at their companies. */
  async list(ctx: Context, municipalityId: string): Promise<InternshipView[]> {
    const actor = this.access.requireActor(ctx);
    const team = can(actor, 'internship.read_concerns', [{ municipalityId }]);
    const companyIds = team ? undefined : (actor.companyIds ?? []);
    const [grant] = await this.access.require(
      ctx,
      'internship.read',
      // Without a company of one's own the list is the municipality's, which only the team may read:
      // another municipality's list is not found (#19.9), not an empty one.
      team || !companyIds!.length
        ? [{ type: 'internship_list', id: municipalityId, municipalityId }]
        : companyIds!.map((c) => ({ type: 'internship_list', id: c, municipalityId, companyId: c })),
    );
    if (!grant) return [];
    const rows = await this.repo.list({ municipalityId, companyIds });
    await this.audit.record(
      ctx,
      rows.map((i) => internshipAudit(i, grant, 'internship.list')),
    );
    return rows;
  }

  /**
   * The young person confirms an internship the team planned for them ("yes, I chose it"): the
   * two-week start clock runs from now, and the consultant is told.
   */
  async confirm(ctx: Context, id: string): Promise<void> {
    const { i, grant } = await loadInternship(this.repo, this.access, ctx, id, 'internship.confirm');
    if (i.youthConfirmedAt || !['planned', 'awaiting_approval'].includes(i.status)) throw conflict('errors.internship_confirmed');
    const at = this.clock.now();
    const byUserId = this.access.requireActor(ctx).userId;
    await this.transactions.transaction(async () => {
      const changed = await this.repo.update(
        id,
        i.status,
        { youthConfirmedAt: at, chosenAt: at },
        { kind: 'youth_confirmed', at, byUserId },
      );
      if (!changed) throw conflict('errors.internship_changed');
      await this.audit.record(ctx, internshipAudit(i, grant, 'internship.confirm'));
      if (i.consultantUserId)
        await this.notifications.notify([
          {
            userId: i.consultantUserId,
            key: `confirmed:${i.id}`,
            kind: 'internship_confirmed',
            params: { youth: i.youthFirstName, company: i.companyName },
            link: `/internships/${i.id}`,
          },
        ]);
    });
  }

  /** VITAS: sent to the jobcentre (with its reference), then approved. The platform only records it. */
  async recordVitas(ctx: Context, id: string, input: unknown): Promise<void> {
    const { i, grant } = await loadInternship(this.repo, this.access, ctx, id, 'internship.manage');
    const data = parseInput(vitasInput, input);
    const byUserId = this.access.requireActor(ctx).userId;
    const at = this.clock.now();
    if (data.on > this.today()) throw invalid({ on: 'validation.date_future' });
    let change: { set: Partial<Internship>; event: NewEvent };
    if (data.step === 'sent') {
      if (i.status !== 'planned') throw conflict('errors.internship_state');
      change = {
        set: { status: 'awaiting_approval', vitasStatus: 'awaiting', vitasReference: data.reference, vitasSentOn: data.on },
        event: { kind: 'vitas_sent', fromStatus: i.status, toStatus: 'awaiting_approval', note: data.reference, at, byUserId },
      };
    } else {
      if (i.vitasStatus !== 'awaiting') throw conflict('errors.internship_state');
      if (i.vitasSentOn && data.on < i.vitasSentOn) throw invalid({ on: 'validation.approved_before_sent' });
      change = {
        set: { vitasStatus: 'approved', vitasApprovedOn: data.on },
        event: { kind: 'vitas_approved', note: data.on, at, byUserId },
      };
    }
    await this.transactions.transaction(async () => {
      if (!(await this.repo.update(id, i.status, change.set, change.event))) throw conflict('errors.internship_changed');
      await this.audit.record(ctx, internshipAudit(i, grant, 'internship.vitas', { step: data.step }));
    });
  }

  /** The first day met: stops the start clock; the young person is now in internship. */
  async recordFirstDay(ctx: Context, id: string, input: unknown): Promise<void> {
    const { i, grant } = await loadInternship(this.repo, this.access, ctx, id, 'internship.manage');
    const { firstDay } = parseInput(firstDayInput, input);
    if (i.status !== 'awaiting_approval' || i.vitasStatus !== 'approved') throw conflict('errors.internship_needs_approval');
    if (firstDay > this.today()) throw invalid({ firstDay: 'validation.date_future' });
    if (firstDay < localDate(i.chosenAt)) throw invalid({ firstDay: 'validation.start_before_choice' });
    const at = this.clock.now();
    const byUserId = this.access.requireActor(ctx).userId;
    const y = (await this.youth.find(i.youthId))!;
    await this.transactions.transaction(async () => {
      const changed = await this.repo.update(
        id,
        i.status,
        { status: 'active', firstDay },
        { kind: 'first_day', fromStatus: i.status, toStatus: 'active', note: firstDay, at, byUserId },
      );
      if (!changed) throw conflict('errors.internship_changed');
      if (y.status !== 'in_internship' && y.status !== 'ended') {
        await this.youth.setStatus(y.id, y.status, 'in_internship', 'internship', at, byUserId);
      }
      await this.audit.record(ctx, internshipAudit(i, grant, 'internship.first_day'));
    });
  }

  /** Completed, or ended early with a reason. The young person goes back to the network. */
  async end(ctx: Context, id: string, input: unknown): Promise<void> {
    const { i, grant } = await loadInternship(this.repo, this.access, ctx, id, 'internship.manage');
    const data = parseInput(endInput, input);
    if (!openStatuses.includes(i.status)) throw conflict('errors.internship_state');
    if (data.outcome === 'completed' && !running.includes(i.status)) throw invalid({ outcome: 'validation.complete_not_started' });
    if (i.firstDay && data.on < i.firstDay) throw invalid({ on: 'validation.end_before_start' });
    if (data.on > this.today()) throw invalid({ on: 'validation.date_future' });
    const at = this.clock.now();
    const byUserId = this.access.requireActor(ctx).userId;
    const y = (await this.youth.find(i.youthId))!;
    await this.transactions.transaction(async () => {
      const changed = await this.repo.update(
        id,
        i.status,
        {
          status: data.outcome,
          actualEnd: data.on,
          endReason: data.outcome === 'ended_early' ? data.reason || null : null,
          endNote: data.note,
        },
        {
          kind: 'ended',
          fromStatus: i.status,
          toStatus: data.outcome,
          note: [data.reason, data.note].filter(Boolean).join(': '),
          at,
          byUserId,
        },
      );
      if (!changed) throw conflict('errors.internship_changed');
      if (y.status === 'in_internship') await this.youth.setStatus(y.id, y.status, 'in_network', 'internship_ended', at, byUserId);
      // An open extension request ends with the internship.
      const open = await this.repo.openExtension(id);
      if (open) await this.repo.updateExtension(open.id, { status: 'withdrawn' });
      await this.audit.record(ctx, internshipAudit(i, grant, 'internship.end', { outcome: data.outcome, reason: data.reason }));
    });
  }

  /** For the plan form: young people who can start, and published openings with their supervisors. */
  async planChoices(ctx: Context, municipalityId: string) {
    await this.access.require(ctx, 'internship.manage', [{ type: 'internship', id: '', municipalityId }]);
    const [people, openings, rules] = await Promise.all([
      this.youth.list(municipalityId, ['starting', 'in_network', 'paused']),
      this.openings.all(municipalityId),
      rulesOf(this.municipalities, municipalityId),
    ]);
    return {
      youth: people.map((y) => ({ id: y.id, name: `${y.firstName} ${y.lastName}`, hours: y.hoursPossible })),
      openings,
      startWithinDays: rules.startWithinDays,
      internshipMaxMonths: rules.internshipMaxMonths,
    };
  }
}
