import type { Access } from '../../platform/access/access.ts';
import { can } from '../../platform/access/policy.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import { type CalendarEvent, toIcs } from '../../platform/calendar/ics.ts';
import type { Clock } from '../../platform/clock.ts';
import { localDate, localInstant, localTime } from '../../platform/dates.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { isUuid, parseInput } from '../../platform/validation.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import { attendanceInput, meetingInput, networkMeetingAnswerInput, networkMeetingInput } from './companies.inputs.ts';
import type { CompaniesRepository } from './companies.repository.ts';
import type { NetworkMeetingResponse } from './companies.values.ts';
import type {
  ContactMeeting,
  InvitedCompany,
  NetworkMeeting,
  NetworkMeetingRow,
  NetworkMeetingsRepository,
} from './network-meetings.repository.ts';

/** How the actor relates to a meeting: the team, or a contact of one or more invited companies. */
type Relation = { kind: 'team' } | { kind: 'contact'; companyIds: string[] };

export interface NetworkMeetingView {
  meeting: NetworkMeeting;
  relation: Relation;
  /** The team sees every invited company with its contacts' answers; a contact sees their own companies. */
  invited: InvitedCompany[];
  /** A contact's own answer; null for the team or before answering. */
  response: NetworkMeetingResponse | null;
  /** Whether the meeting has begun (answers close, attendance opens). */
  started: boolean;
  /** For the team's attendance form: the municipality's companies in the network. */
  choices: { id: string; name: string }[];
}

/**
 * Company network meetings planned ahead (seed 000, decision 0031): the team plans a meeting and
 * invites the municipality's active companies or chosen ones; each invited company's contacts are
 * told, answer coming / not coming for themselves and can take the meeting into their calendar;
 * afterwards the team records which companies came.
 */
export class NetworkMeetingsService {
  constructor(
    private readonly repo: NetworkMeetingsRepository,
    private readonly companies: CompaniesRepository,
    private readonly notifications: NotificationsService,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private manage(ctx: Context, municipalityId: string) {
    return this.access.requireOne(ctx, 'network_meeting.manage', { type: 'network_meeting', id: '', municipalityId });
  }

  /** Plans a meeting, invites the companies and tells their contacts; one transaction. */
  async plan(ctx: Context, municipalityId: string, input: unknown): Promise<NetworkMeeting> {
    const grant = await this.manage(ctx, municipalityId);
    const data = parseInput(networkMeetingInput, input);
    const errors: Record<string, string> = {};
    const startsAt = localInstant(data.date, data.time);
    if (startsAt < this.clock.now()) errors.date = 'validation.meeting_past';
    let companyIds: string[];
    if (data.invite === 'all') companyIds = await this.repo.activeCompanyIds(municipalityId);
    else {
      const chosen = [...new Set(data.companyIds)];
      companyIds = await this.companies.inMunicipality(municipalityId, chosen);
      if (companyIds.length !== chosen.length) errors.companyIds = 'validation.invalid';
      else if (!chosen.length) errors.companyIds = 'validation.meeting_companies';
    }
    if (Object.keys(errors).length) throw invalid(errors);
    const actor = this.access.requireActor(ctx);
    return this.audit.atomically(async () => {
      const meeting = await this.repo.insert(
        {
          municipalityId,
          theme: data.theme,
          startsAt,
          minutes: data.minutes,
          place: data.place,
          agenda: data.agenda,
          createdByUserId: actor.userId,
          createdAt: this.clock.now(),
        },
        companyIds,
      );
      const base = { actorRole: grant.role, municipalityId, targetType: 'network_meeting', targetId: meeting.id } as const;
      await this.audit.record(ctx, [
        { ...base, action: 'network_meeting.plan' },
        { ...base, action: 'network_meeting.invite', details: { companies: companyIds.length, invite: data.invite } },
      ]);
      await this.tell(meeting, companyIds, actor.userId);
      return meeting;
    });
  }

  /** Notifies each contact of the invited companies once (a contact of two companies gets one). */
  private async tell(meeting: NetworkMeeting, companyIds: string[], except: string): Promise<void> {
    const users = [...new Set((await this.repo.contactUsers(companyIds)).map((u) => u.userId))].filter((u) => u !== except);
    await this.notifications.notify(
      users.map((userId) => ({
        userId,
        key: `network-meeting:${meeting.id}:${userId}`,
        kind: 'network_meeting',
        params: { title: meeting.theme, date: localDate(meeting.startsAt), time: localTime(meeting.startsAt), place: meeting.place },
        link: `/network-meetings/${meeting.id}`,
      })),
    );
  }

  /**
   * Records a meeting already held with the companies that came (the form from before meetings were
   * planned ahead): a meeting at 9.00 on the day, its companies invited and attended.
   */
  async recordHeld(ctx: Context, municipalityId: string, input: unknown): Promise<string> {
    const grant = await this.manage(ctx, municipalityId);
    const values = parseInput(meetingInput, input);
    const known = await this.companies.inMunicipality(municipalityId, values.companyIds);
    if (known.length !== new Set(values.companyIds).size) throw invalid({ companyIds: 'validation.invalid' });
    const now = this.clock.now();
    return this.audit.atomically(async () => {
      const m = await this.repo.insert(
        {
          municipalityId,
          theme: values.theme,
          startsAt: localInstant(values.heldOn, '09:00'),
          createdByUserId: this.access.requireActor(ctx).userId,
          createdAt: now,
          attendanceAt: now,
        },
        known,
        true,
      );
      await this.audit.record(ctx, {
        action: 'network_meeting.create',
        actorRole: grant.role,
        municipalityId,
        targetType: 'network_meeting',
        targetId: m.id,
      });
      return m.id;
    });
  }

  /** The team's page: every meeting (upcoming first, then those held), and the companies to invite. */
  async list(
    ctx: Context,
    municipalityId: string,
  ): Promise<{ upcoming: NetworkMeetingRow[]; past: NetworkMeetingRow[]; companies: { id: string; name: string }[] }> {
    await this.access.require(ctx, 'network_meeting.manage', [{ type: 'network_meeting', id: '', municipalityId }]);
    const [rows, companies] = await Promise.all([this.repo.list(municipalityId), this.companies.names(municipalityId)]);
    const now = this.clock.now();
    return {
      upcoming: rows.filter((r) => r.startsAt >= now).reverse(),
      past: rows.filter((r) => r.startsAt < now),
      companies,
    };
  }

  /** The team, or a contact of an invited company; anyone else gets not found (and the denial is logged). */
  private async relate(ctx: Context, meeting: NetworkMeeting | undefined, id: string): Promise<Relation> {
    const actor = this.access.requireActor(ctx);
    const municipalityId = meeting?.municipalityId ?? null;
    if (meeting && can(actor, 'network_meeting.manage', [{ municipalityId }])) return { kind: 'team' };
    if (meeting) {
      const own = (actor.companyIds ?? []).filter((companyId) => can(actor, 'network_meeting.answer', [{ municipalityId, companyId }]));
      const invited = await this.repo.invitedAmong(meeting.id, own);
      if (invited.length) return { kind: 'contact', companyIds: invited };
    }
    await this.access.require(ctx, 'network_meeting.answer', [{ type: 'network_meeting', id, municipalityId }]);
    throw notFound();
  }

  private async load(ctx: Context, id: string) {
    const meeting = isUuid(id) ? await this.repo.find(id) : undefined;
    const relation = await this.relate(ctx, meeting, id);
    return { meeting: meeting!, relation };
  }

  async get(ctx: Context, id: string): Promise<NetworkMeetingView> {
    const { meeting, relation } = await this.load(ctx, id);
    const invited = await this.repo.invited(id);
    const actor = this.access.requireActor(ctx);
    return {
      meeting,
      relation,
      invited:
        relation.kind === 'team'
          ? invited
          : invited.filter((c) => relation.companyIds.includes(c.companyId)).map((c) => ({ ...c, answers: [] })),
      response: relation.kind === 'contact' ? await this.repo.answerOf(id, actor.userId) : null,
      started: meeting.startsAt <= this.clock.now(),
      choices: relation.kind === 'team' ? await this.companies.names(meeting.municipalityId) : [],
    };
  }

  /** Coming or not coming: only a contact of an invited company, for themselves, before the meeting begins. */
  async answer(ctx: Context, id: string, input: unknown): Promise<NetworkMeetingResponse> {
    const { meeting, relation } = await this.load(ctx, id);
    if (relation.kind !== 'contact') {
      await this.access.require(ctx, 'network_meeting.answer', [{ type: 'network_meeting', id, municipalityId: meeting.municipalityId }]);
      throw notFound();
    }
    const data = parseInput(networkMeetingAnswerInput, input);
    const companyId = data.companyId ?? relation.companyIds[0]!;
    if (!relation.companyIds.includes(companyId)) throw invalid({ companyId: 'validation.invalid' });
    if (meeting.startsAt <= this.clock.now()) throw new AppError('conflict', 'errors.meeting_started');
    const actor = this.access.requireActor(ctx);
    await this.audit.atomically(async () => {
      await this.repo.setAnswer(id, actor.userId, companyId, data.response, this.clock.now());
      await this.audit.record(ctx, {
        action: 'network_meeting.answer',
        actorRole: 'company_contact',
        municipalityId: meeting.municipalityId,
        targetType: 'network_meeting',
        targetId: id,
        details: { response: data.response, companyId },
      });
    });
    return data.response;
  }

  /** After the meeting has begun: which companies came (invited or not, of the municipality). */
  async recordAttendance(ctx: Context, id: string, input: unknown): Promise<void> {
    const meeting = isUuid(id) ? await this.repo.find(id) : undefined;
    const grant = await this.access.requireOne(ctx, 'network_meeting.manage', {
      type: 'network_meeting',
      id,
      municipalityId: meeting?.municipalityId ?? null,
    });
    if (!meeting) throw notFound();
    const { companyIds } = parseInput(attendanceInput, input);
    const chosen = [...new Set(companyIds)];
    const known = await this.companies.inMunicipality(meeting.municipalityId, chosen);
    if (known.length !== chosen.length) throw invalid({ companyIds: 'validation.invalid' });
    if (meeting.startsAt > this.clock.now()) throw new AppError('conflict', 'errors.meeting_not_started');
    await this.audit.atomically(async () => {
      await this.repo.setAttendance(id, known, this.clock.now());
      await this.audit.record(ctx, {
        action: 'network_meeting.attendance',
        actorRole: grant.role,
        municipalityId: meeting.municipalityId,
        targetType: 'network_meeting',
        targetId: id,
        details: { attended: known.length },
      });
    });
  }

  /** The signed-in company contact's upcoming meetings, with their own answers (their home). */
  async mine(ctx: Context): Promise<ContactMeeting[]> {
    const actor = this.access.requireActor(ctx);
    if (!actor.companyIds?.length) return [];
    return this.repo.forContact(actor.userId, this.clock.now());
  }

  /** For the calendar feed: upcoming meetings of the contact's companies, unless they said no. */
  async calendarFor(userId: string): Promise<CalendarEvent[]> {
    return (await this.repo.forContact(userId, new Date(this.clock.now().getTime() - 30 * 86_400_000)))
      .filter((m) => m.response !== 'not_coming')
      .map(toCalendar);
  }

  /** The meeting as an .ics file, for anyone who may see it. */
  async ics(ctx: Context, id: string): Promise<string> {
    const { meeting } = await this.get(ctx, id);
    return toIcs(meeting.theme, [toCalendar(meeting)], this.clock.now());
  }
}

function toCalendar(m: Pick<NetworkMeeting, 'id' | 'theme' | 'startsAt' | 'minutes' | 'place'> & { agenda?: string }): CalendarEvent {
  return {
    uid: `network-meeting-${m.id}@nextwork`,
    title: m.theme,
    start: m.startsAt,
    end: new Date(m.startsAt.getTime() + m.minutes * 60_000),
    location: m.place,
    description: m.agenda ?? '',
  };
}
