import type { Access } from '../../platform/access/access.ts';
import { type Actor, can } from '../../platform/access/policy.ts';
import type { Role } from '../../platform/access/roles.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { addDays, localDate, weekStart } from '../../platform/dates.ts';
import { isoWeekday, upcomingMeetings } from '../groups/schedule.ts';
import { IDLE_COMPANY_DAYS, type StartClock } from '../internships/overview.service.ts';
import type { Youth } from '../youth/youth.repository.ts';
import type { HomeRepository } from './home.repository.ts';
import { type CaseworkHome, caseworkHome } from './casework.ts';

/** The kinds of "needs me now" items; each has its text in the catalog as `home.item.<kind>`. */
export type HomeItemKind =
  | 'offer'
  | 'placement'
  | 'event_invite'
  | 'internship_planned'
  | 'internship_confirm'
  | 'internship_checkin'
  | 'group_checkin'
  | 'report'
  | 'recognition'
  | 'group_meeting'
  | 'next_profile'
  | 'next_wishes'
  | 'next_wait'
  | 'unread_messages'
  | 'wishes_waiting'
  | 'feedback_due'
  | 'offer_waiting'
  | 'intern_starting'
  | 'company_event'
  | 'company_meeting'
  | 'network_meeting'
  | 'network_meeting_coming'
  | 'network_meeting_not_coming'
  | 'group_visit'
  | 'free_seats'
  | 'clock_near'
  | 'clock_overdue'
  | 'offers_open'
  | 'placements_open'
  | 'round_proposal'
  | 'event_soon'
  | 'referred_waiting'
  | 'contact_step'
  | 'idle_company'
  | 'unwished_seats'
  | 'counsellor_week'
  | 'approval_waiting'
  | 'approval_overdue'
  | 'approval_unconfirmed'
  | 'report_received'
  | 'followup_due';

/** One thing that needs the person now: one tap from where it is done. */
export interface HomeItem {
  kind: HomeItemKind;
  href: string;
  params?: Record<string, string | number>;
  /** A day (YYYY-MM-DD), written in words: an answer-by date, a start. */
  due?: string;
  /** A moment, written as day and time: a meeting, an event. */
  at?: Date;
  /** Overdue or about to be: shown first and marked. */
  urgent?: boolean;
  /** A calendar file for it. */
  calendar?: string;
}

/** What the homes need to look up elsewhere, handed in by the composition root. */
export interface HomeLookups {
  youthByUser(userId: string): Promise<Youth | undefined>;
  /** How many messages the signed-in person has not read (modules/messages). */
  unreadMessages(ctx: Context): Promise<number>;
  /** The signed-in company contact's upcoming network meetings, with their answers (modules/companies). */
  networkMeetings(ctx: Context): Promise<{ id: string; theme: string; startsAt: Date; place: string; response: string | null }[]>;
}

/** A start clock is near its end with this many days left of the municipality's promise (day 10 of 14). */
const CLOCK_NEAR_LEFT = 4;

/**
 * Every role's home: a list of what needs the person now, most urgent first, computed by one
 * method per role from the read model. Nobody lands on an empty page.
 */
export class HomeService {
  constructor(
    private readonly repo: HomeRepository,
    private readonly lookups: HomeLookups,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return localDate(this.clock.now());
  }

  /** The young person's own home: their offers, events, group, internship, reports and the next step. */
  async youth(ctx: Context): Promise<{ items: HomeItem[]; youthId: string }> {
    const actor = this.access.requireActor(ctx);
    const y = await this.lookups.youthByUser(actor.userId);
    await this.access.requireOne(ctx, 'offer.answer', {
      type: 'youth',
      id: y?.id ?? '',
      municipalityId: y?.municipalityId ?? null,
      ownerUserId: y?.userId ?? null,
    });
    const today = this.today();
    const now = this.clock.now();
    const [f, unread] = await Promise.all([this.repo.youth(y!.id, now, today, weekStart(today)), this.lookups.unreadMessages(ctx)]);
    const items: HomeItem[] = [];
    for (const o of f.offers)
      items.push({
        kind: 'offer',
        href: `/me/offers#offer-${o.id}`,
        params: { company: o.company, title: o.title },
        due: o.answerBy,
        urgent: o.answerBy <= addDays(today, 1),
      });
    for (const p of f.placements)
      items.push({ kind: 'placement', href: '/me/wishes', params: { company: p.company, title: p.title }, urgent: true });
    for (const e of f.events)
      items.push({ kind: 'event_invite', href: `/matching/events/${e.id}`, params: { title: e.title, place: e.place }, at: e.startsAt });
    if (unread > 0) items.push({ kind: 'unread_messages', href: '/messages', params: { count: unread } });
    const i = f.internship;
    if (i && !i.confirmed && (i.status === 'planned' || i.status === 'awaiting_approval'))
      items.push({ kind: 'internship_confirm', href: '/me/internships#confirm-title', params: { company: i.company }, urgent: true });
    if (i && (i.status === 'planned' || i.status === 'awaiting_approval'))
      items.push({ kind: 'internship_planned', href: '/me/internships', params: { company: i.company }, due: i.agreedStart });
    if (i && (i.status === 'active' || i.status === 'extended') && !i.checkedInThisWeek)
      items.push({ kind: 'internship_checkin', href: '/me/internships#checkin', params: { company: i.company } });
    if (f.groupCheckin) items.push({ kind: 'group_checkin', href: '/me/group#checkin', due: f.groupCheckin.heldOn });
    for (const r of f.reports) items.push({ kind: 'report', href: `/me/reports/${r.id}`, due: r.periodEnd });
    if (f.recognition) items.push({ kind: 'recognition', href: '/me/internships', params: { company: f.recognition.company } });
    if (f.group) {
      const [next] = upcomingMeetings({ ...f.group }, today, 1, f.group.name);
      if (next && next.start instanceof Date)
        items.push({
          kind: 'group_meeting',
          href: '/me/group',
          params: { group: f.group.name, place: f.group.meetsPlace },
          at: next.start,
          calendar: '/me/group/calendar.ics',
        });
    }
    // Nothing to answer: the next step of the journey, in plain words.
    const actionable = items.some((x) => x.kind !== 'group_meeting' && x.kind !== 'internship_planned');
    if (!actionable && !i) {
      if (!f.profileFilled) items.push({ kind: 'next_profile', href: '/me/profile' });
      else if (f.wishes === 0) items.push({ kind: 'next_wishes', href: '/openings' });
      else items.push({ kind: 'next_wait', href: '/me/wishes', params: { count: f.wishes } });
    }
    return { items: sortItems(items), youthId: y!.id };
  }

  /** The jobcentre caseworker's home: their own young people, approvals waiting (with the start clock), reports received. */
  caseworker(ctx: Context): Promise<CaseworkHome> {
    return caseworkHome(this.repo, this.access, this.audit, ctx, this.clock.now());
  }

  /** A company contact's home, over their companies: answers, feedback, offers, starts, meetings, seats. */
  async company(ctx: Context): Promise<HomeItem[]> {
    const actor = this.access.requireActor(ctx);
    const companyIds = ownCompanies(actor);
    const today = this.today();
    const now = this.clock.now();
    // The week whose feedback is due: this week from Friday, else last week.
    const thisWeek = weekStart(today);
    const dueWeek = isoWeekday(today) >= 5 ? thisWeek : addDays(thisWeek, -7);
    const [f, unread, networkMeetings] = await Promise.all([
      this.repo.company(companyIds, now, today, dueWeek),
      this.lookups.unreadMessages(ctx),
      this.lookups.networkMeetings(ctx),
    ]);
    const items: HomeItem[] = [];
    if (unread > 0) items.push({ kind: 'unread_messages', href: '/messages', params: { count: unread } });
    for (const w of f.wishesWaiting)
      items.push({
        kind: 'wishes_waiting',
        href: `/companies/${w.companyId}/wishes#opening-${w.openingId}`,
        params: { count: w.count, title: w.title },
        urgent: true,
      });
    for (const x of f.feedbackDue)
      items.push({
        kind: 'feedback_due',
        href: `/internships/${x.internshipId}/feedback?week=${x.weekStart}`,
        params: { youth: x.youth },
        due: x.weekStart,
      });
    for (const s of f.starting)
      items.push({ kind: 'intern_starting', href: `/internships/${s.internshipId}`, params: { youth: s.youth }, due: s.agreedStart });
    for (const o of f.offersWaiting)
      items.push({
        kind: 'offer_waiting',
        href: `/companies/${o.companyId}/offers#offer-${o.id}`,
        params: { youth: o.youth, title: o.title },
        due: o.answerBy,
      });
    for (const m of f.meetings)
      items.push({
        kind: 'company_meeting',
        href: `/internships/${m.internshipId}`,
        params: { youth: m.youth, place: m.place },
        at: m.startsAt,
      });
    for (const e of f.events)
      items.push({ kind: 'company_event', href: `/matching/events/${e.id}`, params: { title: e.title, place: e.place }, at: e.startsAt });
    // Network meetings (decision 0031): unanswered invitations ask for an answer; answered ones remind.
    for (const n of networkMeetings)
      items.push({
        kind:
          n.response === 'coming'
            ? 'network_meeting_coming'
            : n.response === 'not_coming'
              ? 'network_meeting_not_coming'
              : 'network_meeting',
        href: `/network-meetings/${n.id}`,
        params: { title: n.theme, place: n.place },
        at: n.startsAt,
        calendar: n.response === 'not_coming' ? undefined : `/network-meetings/${n.id}/calendar.ics`,
      });
    for (const v of f.groupVisits)
      items.push({
        kind: 'group_visit',
        href: `/companies/${v.companyId}`,
        params: { group: v.group, place: v.place, company: v.company },
        due: v.heldOn,
      });
    for (const s of f.freeSeats)
      items.push({ kind: 'free_seats', href: `/openings/${s.openingId}`, params: { title: s.title, free: s.free, seats: s.seats } });
    // The young people named on the page: their first names are youth data, read and audited.
    const named = [...new Map([...f.feedbackDue, ...f.starting, ...f.offersWaiting, ...f.meetings].map((x) => [x.youthId, x])).values()];
    if (named.length)
      await this.audit.record(
        ctx,
        named.map((x) => ({
          action: 'home.read',
          actorRole: 'company_contact' as Role,
          municipalityId: x.municipalityId,
          targetType: 'youth',
          targetId: x.youthId,
          subjectUserId: x.youthUserId,
        })),
      );
    return sortItems(items);
  }

  /**
   * The team's "needs me now" in a municipality, by the roles the person holds there. The start
   * clocks come from the internship overview the dashboard already reads.
   */
  async team(ctx: Context, municipalityId: string, clocks: StartClock[] | null): Promise<HomeItem[]> {
    await this.access.requireOne(ctx, 'dashboard.team', { type: 'municipality', id: municipalityId, municipalityId });
    const actor = this.access.requireActor(ctx);
    const roles = new Set(
      actor.memberships.filter((m) => m.municipalityId === municipalityId || m.municipalityId === null).map((m) => m.role),
    );
    const has = (...r: Role[]) => r.some((x) => roles.has(x));
    const [f, unread] = await Promise.all([
      this.repo.team(municipalityId, this.clock.now(), this.today(), IDLE_COMPANY_DAYS),
      this.lookups.unreadMessages(ctx),
    ]);
    const q = `?m=${municipalityId}`;
    const items: HomeItem[] = [];
    if (unread > 0) items.push({ kind: 'unread_messages', href: '/messages', params: { count: unread } });
    if (has('youth_counsellor')) items.push({ kind: 'counsellor_week', href: `/groups/week${q}` });
    if (has('network_consultant', 'team_leader', 'municipality_admin')) {
      for (const c of clocks ?? []) {
        if (c.overdue)
          items.push({
            kind: 'clock_overdue',
            href: `/internships/${c.id}`,
            params: { youth: c.youthName, company: c.companyName, days: c.daysElapsed },
            urgent: true,
          });
        else if (c.daysLeft <= CLOCK_NEAR_LEFT)
          items.push({
            kind: 'clock_near',
            href: `/internships/${c.id}`,
            params: { youth: c.youthName, company: c.companyName, count: c.daysLeft },
            urgent: true,
          });
      }
      for (const p of f.proposals) items.push({ kind: 'round_proposal', href: `/matching/rounds/${p.id}`, due: localDate(p.runAt) });
      if (f.offersOpen) items.push({ kind: 'offers_open', href: `/offers${q}`, params: { count: f.offersOpen } });
      if (f.placementsOpen) items.push({ kind: 'placements_open', href: `/matching${q}`, params: { count: f.placementsOpen } });
      for (const e of f.events)
        items.push({ kind: 'event_soon', href: `/matching/events/${e.id}`, params: { title: e.title }, at: e.startsAt });
    }
    if (has('network_consultant', 'team_leader', 'youth_counsellor', 'municipality_admin') && f.referredWaiting)
      items.push({ kind: 'referred_waiting', href: `/youth${q}`, params: { count: f.referredWaiting } });
    // Follow-ups after exit (#16), for those who record them (youth.update_status).
    if (has('network_consultant', 'team_leader', 'youth_counsellor', 'municipality_admin'))
      for (const x of f.followupsDue)
        items.push({
          kind: 'followup_due',
          href: `/youth/${x.youthId}#exit-title`,
          params: { youth: x.youth, months: x.months },
          due: x.due,
        });
    if (has('entrepreneur', 'team_leader', 'network_consultant')) {
      for (const s of f.contactSteps)
        items.push({
          kind: 'contact_step',
          href: `/companies/${s.companyId}`,
          params: { company: s.company, step: s.nextStep },
          due: s.due,
          urgent: s.due <= this.today(),
        });
      for (const c of f.idleCompanies) items.push({ kind: 'idle_company', href: `/companies/${c.id}`, params: { company: c.name } });
      for (const o of f.unwishedSeats)
        items.push({ kind: 'unwished_seats', href: `/openings/${o.openingId}`, params: { title: o.title, company: o.company } });
    }
    return sortItems(items);
  }
}

/** The companies a person is a contact for, as the policy allows them to act for. */
export function ownCompanies(actor: Actor): string[] {
  return (actor.companyIds ?? []).filter((companyId) =>
    actor.memberships.some(
      (m) => m.role === 'company_contact' && can(actor, 'offer.make', [{ municipalityId: m.municipalityId, companyId }]),
    ),
  );
}

/** Urgent first; then by date (answer-by, start, meeting); undated last, in the order given. */
function sortItems(items: HomeItem[]): HomeItem[] {
  const key = (x: HomeItem) => x.due ?? (x.at ? localDate(x.at) : '9999-12-31');
  return items
    .map((x, i) => ({ x, i }))
    .sort((a, b) => Number(!!b.x.urgent) - Number(!!a.x.urgent) || key(a.x).localeCompare(key(b.x)) || a.i - b.i)
    .map(({ x }) => x);
}
