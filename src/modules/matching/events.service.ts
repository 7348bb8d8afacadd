import type { Access } from '../../platform/access/access.ts';
import { can } from '../../platform/access/policy.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import { type CalendarEvent, toIcs } from '../../platform/calendar/ics.ts';
import type { Clock } from '../../platform/clock.ts';
import { localInstant } from '../../platform/dates.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import { isUuid, parseInput } from '../../platform/validation.ts';
import type { OpeningsRepository } from '../companies/openings.repository.ts';
import type { Youth, YouthRepository } from '../youth/youth.repository.ts';
import { eventInput, eventResponseInput } from './events.inputs.ts';
import type { EventsRepository, MatchEvent, MyEvent } from './events.repository.ts';

/**
 * Why a young person cannot be invited to a match event, or null when they can: a referred young
 * person who has not accepted the invitation (or, from before decision 0021, one the team has not
 * moved on), and one whose course has ended.
 */
export function whyNotInvitable(y: Pick<Youth, 'status' | 'userId'>): 'not_accepted' | 'referred' | 'ended' | null {
  if (y.status === 'referred') return y.userId ? 'referred' : 'not_accepted';
  if (y.status === 'ended') return 'ended';
  return null;
}

/** What the form says beside a young person who can come but will not be in a round (no internship search now). */
const roundHint = (y: Pick<Youth, 'status'>) => (y.status === 'in_internship' || y.status === 'paused' ? y.status : null);

/** How the actor relates to an event: the team, an invited young person, or an invited company. */
type Relation = { kind: 'team' } | { kind: 'youth'; youthId: string } | { kind: 'company'; companyId: string };

/**
 * Match events: the team plans them and invites companies (with the openings they present) and
 * young people; both sides answer coming / not coming; everyone invited gets the event in their
 * notifications and calendar feed, and can download it as an .ics file.
 */
export class EventsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: EventsRepository,
    private readonly youth: YouthRepository,
    private readonly openings: OpeningsRepository,
    private readonly notifications: NotificationsService,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** For the calendar feed: invited young people and company contacts get the event (unless they said no). */
  async calendarFor(userId: string): Promise<CalendarEvent[]> {
    const y = await this.youth.findByUser(userId);
    const list = [...(y ? await this.repo.forYouth(y.id, new Date(0)) : []), ...(await this.repo.forContact(userId))];
    return list.filter((e) => e.response !== 'not_coming').map(toCalendar);
  }

  async create(ctx: Context, municipalityId: string, input: unknown): Promise<MatchEvent> {
    const grant = await this.access.requireOne(ctx, 'match.run', { type: 'match_event', id: '', municipalityId });
    const data = parseInput(eventInput, input);
    const [openingRows, youthRows] = await Promise.all([
      Promise.all(data.openingIds.map((id) => this.openings.find(id))),
      Promise.all(data.youthIds.map((id) => this.youth.find(id))),
    ]);
    const errors: Record<string, string> = {};
    if (openingRows.some((o) => !o || !o.published || o.municipalityId !== municipalityId)) errors.openingIds = 'validation.event_openings';
    if (youthRows.some((y) => !y || y.municipalityId !== municipalityId)) errors.youthIds = 'validation.event_youth';
    // Someone chosen who cannot come (the form was open while their status changed): say who and why.
    const unavailable = youthRows.flatMap((y) => (y && y.municipalityId === municipalityId && whyNotInvitable(y) ? [y] : []));
    if (unavailable.length && !errors.youthIds) errors.youthIds = 'validation.event_youth_unavailable';
    const startsAt = localInstant(data.date, data.startTime);
    if (startsAt < this.clock.now()) errors.date = 'validation.event_past';
    if (Object.keys(errors).length)
      throw unavailable.length
        ? new AppError('invalid', 'events.cannot_invite_chosen', errors, {
            names: unavailable.map((y) => `${y.firstName} ${y.lastName}`).join(', '),
          })
        : new AppError('invalid', 'errors.invalid', errors);
    const actor = this.access.requireActor(ctx);
    const companyIds = [...new Set(openingRows.map((o) => o!.companyId))];
    return this.transactions.transaction(async () => {
      const event = await this.repo.insert(
        {
          municipalityId,
          title: data.title,
          startsAt,
          endsAt: localInstant(data.date, data.endTime),
          place: data.place,
          programme: data.programme,
          createdByUserId: actor.userId,
          createdAt: this.clock.now(),
        },
        [...new Set(data.openingIds)],
        companyIds,
        [...new Set(data.youthIds)],
      );
      await this.audit.record(ctx, {
        action: 'match_event.create',
        actorRole: grant.role,
        municipalityId,
        targetType: 'match_event',
        targetId: event.id,
        details: { openings: data.openingIds.length, youth: data.youthIds.length },
      });
      await this.notifications.notify(
        (await this.repo.inviteeUsers(event.id)).map((u) => ({
          userId: u.userId,
          key: `match-event:${event.id}:${u.userId}`,
          kind: 'event_invitation',
          params: { title: event.title, when: `${data.date} ${data.startTime}`, place: event.place },
          link: `/matching/events/${event.id}`,
        })),
      );
      return event;
    });
  }

  /**
   * What the planning form offers: published openings and the young people in the network, each
   * with a note when they will not be in a round; and the referred young people who cannot be
   * invited yet, with why (names audited).
   */
  async choices(ctx: Context, municipalityId: string) {
    const grant = await this.access.requireOne(ctx, 'match.run', { type: 'match_event', id: '', municipalityId });
    const [openingRows, youthRows] = await Promise.all([
      this.openings.all(municipalityId),
      this.youth.list(municipalityId, ['referred', 'starting', 'in_network', 'in_internship', 'paused']),
    ]);
    await this.audit.record(
      ctx,
      youthRows.map((y) => ({
        action: 'youth.read',
        actorRole: grant.role,
        municipalityId,
        targetType: 'youth',
        targetId: y.id,
        subjectUserId: y.userId,
        details: { via: 'match_event_form' },
      })),
    );
    return {
      openings: openingRows.filter((o) => o.published).map((o) => ({ value: o.id, label: `${o.companyName}: ${o.title}` })),
      youth: youthRows
        .filter((y) => !whyNotInvitable(y))
        .map((y) => ({ value: y.id, label: `${y.firstName} ${y.lastName}`, note: roundHint(y) })),
      unavailable: youthRows.flatMap((y) => {
        const why = whyNotInvitable(y);
        return why ? [{ id: y.id, name: `${y.firstName} ${y.lastName}`, why }] : [];
      }),
    };
  }

  async list(ctx: Context, municipalityId: string) {
    await this.access.require(ctx, 'match.read', [{ type: 'match_event', id: municipalityId, municipalityId }]);
    return this.repo.list(municipalityId);
  }

  /** The team, an invited young person, or a contact of an invited company; anyone else gets not found. */
  private async relate(ctx: Context, event: MatchEvent | undefined, id: string): Promise<Relation> {
    const actor = this.access.requireActor(ctx);
    const municipalityId = event?.municipalityId ?? null;
    if (event && can(actor, 'match.read', [{ municipalityId }])) return { kind: 'team' };
    if (event) {
      const y = await this.youth.findByUser(actor.userId);
      if (y && (await this.repo.youthResponse(event.id, y.id))) return { kind: 'youth', youthId: y.id };
      for (const companyId of actor.companyIds ?? [])
        if (can(actor, 'match.answer', [{ municipalityId, companyId }]) && (await this.repo.companyResponse(event.id, companyId)))
          return { kind: 'company', companyId };
    }
    await this.access.require(ctx, 'match.read', [{ type: 'match_event', id, municipalityId }]);
    throw notFound();
  }

  /** The event page: everyone invited sees the programme and the openings; only the team sees who answered what. */
  async get(ctx: Context, id: string) {
    const event = isUuid(id) ? await this.repo.find(id) : undefined;
    const relation = await this.relate(ctx, event, id);
    const e = event!;
    const [openingRows, companyRows] = await Promise.all([this.repo.openings(id), this.repo.companies(id)]);
    const youthRows = relation.kind === 'team' ? await this.repo.youth(id) : [];
    if (relation.kind === 'team')
      await this.audit.record(
        ctx,
        youthRows.map((y) => ({
          action: 'match_event.read',
          municipalityId: e.municipalityId,
          targetType: 'match_event',
          targetId: id,
          subjectUserId: y.userId,
        })),
      );
    const mine =
      relation.kind === 'youth'
        ? await this.repo.youthResponse(id, relation.youthId)
        : relation.kind === 'company'
          ? await this.repo.companyResponse(id, relation.companyId)
          : undefined;
    return {
      event: e,
      relation,
      response: mine ?? null,
      openings: openingRows,
      companies:
        relation.kind === 'team'
          ? companyRows
          : companyRows.filter((c) => c.response !== 'not_coming').map((c) => ({ ...c, response: null })),
      youth: youthRows,
      youthComing: relation.kind === 'team' ? youthRows.filter((y) => y.response === 'coming').length : null,
    };
  }

  /** Coming or not coming, for the young person themselves or for the company. */
  async respond(ctx: Context, id: string, input: unknown): Promise<void> {
    const event = isUuid(id) ? await this.repo.find(id) : undefined;
    const relation = await this.relate(ctx, event, id);
    if (relation.kind === 'team') throw notFound();
    const { response } = parseInput(eventResponseInput, input);
    const at = this.clock.now();
    await this.audit.atomically(async () => {
      if (relation.kind === 'youth') await this.repo.setYouthResponse(id, relation.youthId, response, at);
      else await this.repo.setCompanyResponse(id, relation.companyId, response, at);
      await this.audit.record(ctx, {
        action: 'match_event.respond',
        municipalityId: event!.municipalityId,
        targetType: 'match_event',
        targetId: id,
        subjectUserId: relation.kind === 'youth' ? ctx.actor!.userId : null,
        details: { response, ...(relation.kind === 'company' ? { companyId: relation.companyId } : {}) },
      });
    });
  }

  /** The event as an .ics file, for anyone who may see it. */
  async ics(ctx: Context, id: string): Promise<string> {
    const { event } = await this.get(ctx, id);
    return toIcs(event.title, [toCalendar(event)], this.clock.now());
  }

  /** Upcoming events the signed-in young person or company is invited to. */
  async mine(ctx: Context): Promise<MyEvent[]> {
    const actor = this.access.requireActor(ctx);
    const from = this.clock.now();
    const y = await this.youth.findByUser(actor.userId);
    const [asYouth, asCompany] = await Promise.all([
      y ? this.repo.forYouth(y.id, from) : [],
      this.repo.forCompanies(actor.companyIds ?? [], from),
    ]);
    return [...asYouth, ...asCompany];
  }
}

function toCalendar(e: MatchEvent): CalendarEvent {
  return {
    uid: `match-event-${e.id}@nextwork`,
    title: e.title,
    start: e.startsAt,
    end: e.endsAt,
    location: e.place,
    description: e.programme,
  };
}
