import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';

/** Facts for the young person's home: what waits for them, and where they are in the journey. */
export interface YouthFacts {
  offers: { id: string; company: string; title: string; answerBy: string }[];
  placements: { roundId: string; company: string; title: string }[];
  events: { id: string; title: string; startsAt: Date; place: string }[];
  group: { id: string; name: string; meetsWeekday: number | null; meetsAt: string | null; meetsPlace: string } | null;
  groupCheckin: { sessionId: string; heldOn: string } | null;
  internship: {
    id: string;
    status: string;
    company: string;
    agreedStart: string;
    firstDay: string | null;
    confirmed: boolean;
    checkedInThisWeek: boolean;
  } | null;
  recognition: { internshipId: string; company: string; weekStart: string } | null;
  reports: { id: string; periodEnd: string }[];
  profileFilled: boolean;
  wishes: number;
}

/** A young person named on a company contact's home: their first name is youth data, and audited. */
export interface Named {
  youthId: string;
  municipalityId: string;
  youthUserId: string | null;
  youth: string;
}

/** Facts for a company contact's home, over the companies they are a contact for. */
export interface CompanyFacts {
  wishesWaiting: { companyId: string; openingId: string; title: string; count: number }[];
  feedbackDue: ({ internshipId: string; weekStart: string } & Named)[];
  offersWaiting: ({ id: string; companyId: string; title: string; answerBy: string } & Named)[];
  starting: ({ internshipId: string; agreedStart: string; status: string } & Named)[];
  events: { id: string; title: string; startsAt: Date; place: string }[];
  meetings: ({ internshipId: string; startsAt: Date; place: string } & Named)[];
  freeSeats: { openingId: string; title: string; free: number; seats: number }[];
  /** A company visiting a network group's meeting in the next six weeks (seed 001). */
  groupVisits: { companyId: string; company: string; group: string; heldOn: string; place: string }[];
}

/** Facts for the team's "needs me now", in one municipality. */
export interface TeamFacts {
  offersOpen: number;
  placementsOpen: number;
  proposals: { id: string; runAt: Date }[];
  events: { id: string; title: string; startsAt: Date }[];
  contactSteps: { companyId: string; company: string; nextStep: string; due: string }[];
  idleCompanies: { id: string; name: string }[];
  unwishedSeats: { openingId: string; title: string; company: string }[];
  referredWaiting: number;
  /** Follow-ups after exit that are due and not recorded (#16): 3, 6 and 12 months after. */
  followupsDue: { youthId: string; youth: string; months: number; due: string }[];
}

/** Facts for a jobcentre caseworker's home: their own young people (linked to them), nobody else's. */
export interface CaseworkFacts {
  youth: { id: string; municipalityId: string; userId: string | null; firstName: string; lastName: string; status: string }[];
  /** Internships of those young people waiting for the jobcentre's approval. */
  approvals: {
    id: string;
    youthId: string;
    company: string;
    title: string;
    agreedStart: string;
    /** The day the young person confirmed the choice (Copenhagen); null while the clock has not started. */
    confirmedOn: string | null;
    vitasReference: string;
    startWithinDays: number;
  }[];
  /** Reports sent to this caseworker, while the young person agrees and has not held them back. */
  reports: { id: string; youthId: string; periodEnd: string; sentAt: Date }[];
}

const ids = (list: string[]) =>
  sql.join(
    list.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/**
 * The homes' read model (decision 0018): what needs each person now, read from the offers,
 * matching, groups, internships, reports and companies tables in a few round trips.
 */
export class HomeRepository {
  constructor(private readonly db: Db) {}

  private async rows<T>(query: SQL): Promise<T[]> {
    const res = await this.db.execute(query);
    return (res as { rows: T[] }).rows;
  }

  async youth(youthId: string, now: Date, today: string, week: string): Promise<YouthFacts> {
    const at = now.toISOString();
    const [offers, placements, events, groups, internships, reports, profile] = await Promise.all([
      this.rows<YouthFacts['offers'][number]>(sql`
        select f.id, c.name as company, o.title, f.answer_by::text as "answerBy"
        from internship_offers f join openings o on o.id = f.opening_id join companies c on c.id = f.company_id
        where f.youth_id = ${youthId} and f.status = 'open' and f.answer_by >= ${today}::date
        order by f.answer_by`),
      this.rows<YouthFacts['placements'][number]>(sql`
        select p.round_id as "roundId", c.name as company, o.title
        from round_placements p join matching_rounds r on r.id = p.round_id
        join openings o on o.id = p.opening_id join companies c on c.id = o.company_id
        where p.youth_id = ${youthId} and p.status = 'offered' and r.status = 'published'`),
      this.rows<YouthFacts['events'][number]>(sql`
        select e.id, e.title, e.starts_at as "startsAt", e.place
        from match_event_youth y join match_events e on e.id = y.event_id
        where y.youth_id = ${youthId} and y.response = 'pending' and e.starts_at > ${at}::timestamptz - interval '1 hour'
          and (e.starts_at at time zone 'Europe/Copenhagen')::date >= ${today}::date
        order by e.starts_at`),
      this.rows<NonNullable<YouthFacts['group']> & { sessionId: string | null; heldOn: string | null; checkedIn: boolean }>(sql`
        select g.id, g.name, g.meets_weekday as "meetsWeekday", g.meets_at as "meetsAt", g.meets_place as "meetsPlace",
          s.id as "sessionId", s.held_on::text as "heldOn",
          exists (select 1 from session_checkins k where k.session_id = s.id and k.youth_id = ${youthId}) as "checkedIn"
        from group_members m join network_groups g on g.id = m.group_id
        left join lateral (select id, held_on from group_sessions s where s.group_id = g.id and s.held_on <= ${today}::date
          and s.held_on > ${today}::date - 7 order by held_on desc limit 1) s on true
        where m.youth_id = ${youthId} and m.left_at is null limit 1`),
      this.rows<NonNullable<YouthFacts['internship']> & { didWellWeek: string | null }>(sql`
        select i.id, i.status, c.name as company, i.agreed_start::text as "agreedStart", i.first_day::text as "firstDay", i.youth_confirmed_at is not null as confirmed,
          exists (select 1 from youth_checkins k where k.youth_id = i.youth_id and k.week_start = ${week}::date) as "checkedInThisWeek",
          (select f.week_start::text from internship_feedback f where f.internship_id = i.id and f.did_well <> ''
            and f.submitted_at > ${at}::timestamptz - interval '7 days' order by f.week_start desc limit 1) as "didWellWeek"
        from internships i join companies c on c.id = i.company_id
        where i.youth_id = ${youthId} and i.status in ('planned', 'awaiting_approval', 'active', 'extended') limit 1`),
      this.rows<YouthFacts['reports'][number]>(sql`
        select id, period_end::text as "periodEnd" from movement_reports
        where youth_id = ${youthId} and status = 'approved' order by period_end`),
      this.rows<{ filled: boolean; wishes: number }>(sql`
        select (y.wish_to_try <> '' and y.good_at <> '') as filled,
          (select count(*)::int from wishes w where w.youth_id = y.id) as wishes
        from youth y where y.id = ${youthId}`),
    ]);
    const g = groups[0];
    const i = internships[0];
    return {
      offers,
      placements,
      events: events.map((e) => ({ ...e, startsAt: new Date(e.startsAt) })),
      group: g ? { id: g.id, name: g.name, meetsWeekday: g.meetsWeekday, meetsAt: g.meetsAt, meetsPlace: g.meetsPlace } : null,
      groupCheckin: g?.sessionId && !g.checkedIn ? { sessionId: g.sessionId, heldOn: g.heldOn! } : null,
      internship: i
        ? {
            id: i.id,
            status: i.status,
            company: i.company,
            agreedStart: i.agreedStart,
            firstDay: i.firstDay,
            confirmed: i.confirmed,
            checkedInThisWeek: i.checkedInThisWeek,
          }
        : null,
      recognition: i?.didWellWeek ? { internshipId: i.id, company: i.company, weekStart: i.didWellWeek } : null,
      reports,
      profileFilled: !!profile[0]?.filled,
      wishes: profile[0]?.wishes ?? 0,
    };
  }

  /** @param dueWeek the week whose feedback is due (Monday), once that week's Friday has come. */
  async company(companyIds: string[], now: Date, today: string, dueWeek: string): Promise<CompanyFacts> {
    const at = now.toISOString();
    if (!companyIds.length)
      return {
        wishesWaiting: [],
        feedbackDue: [],
        offersWaiting: [],
        starting: [],
        events: [],
        meetings: [],
        freeSeats: [],
        groupVisits: [],
      };
    const list = ids(companyIds);
    const [wishesWaiting, feedbackDue, offersWaiting, starting, events, meetings, freeSeats, groupVisits] = await Promise.all([
      this.rows<CompanyFacts['wishesWaiting'][number]>(sql`
        select o.company_id as "companyId", o.id as "openingId", o.title, count(*)::int as count
        from wishes w join openings o on o.id = w.opening_id join youth y on y.id = w.youth_id
        where o.company_id in (${list}) and o.published and y.status in ('starting', 'in_network')
          and not exists (select 1 from company_answers a where a.opening_id = w.opening_id and a.youth_id = w.youth_id)
        group by o.company_id, o.id, o.title order by count(*) desc, o.title`),
      this.rows<CompanyFacts['feedbackDue'][number]>(sql`
        select i.id as "internshipId", y.id as "youthId", y.municipality_id as "municipalityId", y.user_id as "youthUserId", y.first_name as youth, ${dueWeek}::text as "weekStart"
        from internships i join youth y on y.id = i.youth_id
        where i.company_id in (${list}) and i.status in ('active', 'extended') and i.first_day <= ${dueWeek}::date + 4
          and not exists (select 1 from internship_feedback f where f.internship_id = i.id and f.week_start = ${dueWeek}::date)
        order by y.first_name`),
      this.rows<CompanyFacts['offersWaiting'][number]>(sql`
        select f.id, f.company_id as "companyId", y.id as "youthId", y.municipality_id as "municipalityId", y.first_name as youth, y.user_id as "youthUserId", o.title, f.answer_by::text as "answerBy"
        from internship_offers f join openings o on o.id = f.opening_id join youth y on y.id = f.youth_id
        where f.company_id in (${list}) and f.status = 'open' and f.answer_by >= ${today}::date order by f.answer_by`),
      this.rows<CompanyFacts['starting'][number]>(sql`
        select i.id as "internshipId", y.id as "youthId", y.municipality_id as "municipalityId", y.first_name as youth, y.user_id as "youthUserId", i.agreed_start::text as "agreedStart", i.status
        from internships i join youth y on y.id = i.youth_id
        where i.company_id in (${list}) and i.status in ('planned', 'awaiting_approval') and i.agreed_start <= ${today}::date + 14
        order by i.agreed_start`),
      this.rows<CompanyFacts['events'][number]>(sql`
        select distinct e.id, e.title, e.starts_at as "startsAt", e.place
        from match_events e join match_event_companies c on c.event_id = e.id
        where c.company_id in (${list}) and e.starts_at >= ${at}::timestamptz and e.starts_at < ${at}::timestamptz + interval '21 days'
        order by e.starts_at`),
      this.rows<CompanyFacts['meetings'][number]>(sql`
        select m.internship_id as "internshipId", y.id as "youthId", y.municipality_id as "municipalityId", y.user_id as "youthUserId", y.first_name as youth, m.starts_at as "startsAt", m.place
        from internship_meetings m join internships i on i.id = m.internship_id join youth y on y.id = i.youth_id
        where i.company_id in (${list}) and m.starts_at >= ${at}::timestamptz and m.starts_at < ${at}::timestamptz + interval '21 days'
        order by m.starts_at`),
      this.rows<CompanyFacts['freeSeats'][number]>(sql`
        select * from (select o.id as "openingId", o.title, o.seats,
          greatest(0, o.seats - public.nw_seats_taken(o.id, ${today}::date)) as free
          from openings o where o.company_id in (${list}) and o.published) s where s.free > 0 order by s.title`),
      this.rows<CompanyFacts['groupVisits'][number]>(sql`
        select v.company_id as "companyId", c.name as company, g.name as "group", v.held_on::text as "heldOn", g.meets_place as place
        from group_session_guests v join network_groups g on g.id = v.group_id join companies c on c.id = v.company_id
        where v.company_id in (${list}) and v.held_on >= ${today}::date and v.held_on < ${today}::date + 42
        order by v.held_on`),
    ]);
    return {
      wishesWaiting,
      feedbackDue,
      offersWaiting,
      starting,
      events: events.map((e) => ({ ...e, startsAt: new Date(e.startsAt) })),
      meetings: meetings.map((m) => ({ ...m, startsAt: new Date(m.startsAt) })),
      freeSeats: freeSeats.map((f) => ({ ...f, free: Number(f.free) })),
      groupVisits,
    };
  }

  /** @param idleDays an active company without a young person for this long is listed (as the overview does). */
  async team(municipalityId: string, now: Date, today: string, idleDays: number): Promise<TeamFacts> {
    const at = now.toISOString();
    const m = municipalityId;
    const [counts, proposals, events, contactSteps, idleCompanies, unwishedSeats, followupsDue] = await Promise.all([
      this.rows<{ offers: number; placements: number; referred: number }>(sql`
        select (select count(*)::int from internship_offers f where f.municipality_id = ${m} and f.status = 'open'
                  and f.answer_by >= ${today}::date) as offers,
          (select count(*)::int from round_placements p join matching_rounds r on r.id = p.round_id
                  where r.municipality_id = ${m} and r.status = 'published' and p.status = 'offered') as placements,
          (select count(*)::int from youth y where y.municipality_id = ${m} and y.status = 'referred') as referred`),
      this.rows<TeamFacts['proposals'][number]>(sql`
        select id, run_at as "runAt" from matching_rounds where municipality_id = ${m} and status = 'proposed' order by run_at desc`),
      this.rows<TeamFacts['events'][number]>(sql`
        select id, title, starts_at as "startsAt" from match_events
        where municipality_id = ${m} and starts_at >= ${at}::timestamptz and starts_at < ${at}::timestamptz + interval '14 days' order by starts_at`),
      this.rows<TeamFacts['contactSteps'][number]>(sql`
        select distinct on (l.company_id) l.company_id as "companyId", c.name as company, l.next_step as "nextStep",
          l.next_step_due::text as due
        from company_contact_log l join companies c on c.id = l.company_id
        where c.municipality_id = ${m} and l.next_step_due is not null and l.next_step_due <= ${today}::date + 2
          and not exists (select 1 from company_contact_log later where later.company_id = l.company_id and later.at > l.at)
        order by l.company_id, l.at desc`),
      this.rows<TeamFacts['idleCompanies'][number]>(sql`
        select c.id, c.name from companies c
        where c.municipality_id = ${m} and c.network_status = 'active'
          and not exists (select 1 from internships i where i.company_id = c.id
            and (i.status in ('planned', 'awaiting_approval', 'active', 'extended') or i.actual_end > ${today}::date - ${idleDays}::int))
        order by c.name limit 10`),
      this.rows<TeamFacts['unwishedSeats'][number]>(sql`
        select o.id as "openingId", o.title, c.name as company from openings o join companies c on c.id = o.company_id
        where o.municipality_id = ${m} and o.published and c.network_status in ('active', 'onboarding')
          and not exists (select 1 from wishes w where w.opening_id = o.id)
          and o.seats > public.nw_seats_taken(o.id, ${today}::date)
        order by o.created_at limit 10`),
      this.rows<TeamFacts['followupsDue'][number]>(sql`
        select e.youth_id as "youthId", y.first_name || ' ' || y.last_name as youth, f.months,
          (e.exited_on + make_interval(months => f.months))::date::text as due
        from youth_exits e join youth y on y.id = e.youth_id
          cross join (values (3), (6), (12)) as f(months)
        where e.municipality_id = ${m} and y.status = 'ended' and e.kind <> 'moved'
          and (e.exited_on + make_interval(months => f.months))::date <= ${today}::date
          and not exists (select 1 from youth_exit_followups x where x.youth_id = e.youth_id and x.months = f.months)
        order by due, youth limit 20`),
    ]);
    return {
      followupsDue,
      offersOpen: counts[0]?.offers ?? 0,
      placementsOpen: counts[0]?.placements ?? 0,
      referredWaiting: counts[0]?.referred ?? 0,
      proposals: proposals.map((p) => ({ ...p, runAt: new Date(p.runAt) })),
      events: events.map((e) => ({ ...e, startsAt: new Date(e.startsAt) })),
      contactSteps: contactSteps.sort((a, b) => a.due.localeCompare(b.due)),
      idleCompanies,
      unwishedSeats,
    };
  }

  /** The caseworker's young people, approvals waiting and reports received, in their municipalities. */
  async casework(caseworkerUserId: string, municipalityIds: string[]): Promise<CaseworkFacts> {
    if (!municipalityIds.length) return { youth: [], approvals: [], reports: [] };
    const mine = sql`y.caseworker_user_id = ${caseworkerUserId} and y.municipality_id in (${ids(municipalityIds)})`;
    const [young, approvals, reports] = await Promise.all([
      this.rows<CaseworkFacts['youth'][number]>(sql`
        select y.id, y.municipality_id as "municipalityId", y.user_id as "userId", y.first_name as "firstName",
          y.last_name as "lastName", y.status
        from youth y where ${mine} and y.status <> 'ended'
        order by y.last_name, y.first_name`),
      this.rows<CaseworkFacts['approvals'][number]>(sql`
        select i.id, i.youth_id as "youthId", c.name as company, o.title, i.agreed_start::text as "agreedStart",
          case when i.youth_confirmed_at is null then null
            else (i.youth_confirmed_at at time zone 'Europe/Copenhagen')::date::text end as "confirmedOn",
          i.vitas_reference as "vitasReference", m.start_within_days as "startWithinDays"
        from internships i join youth y on y.id = i.youth_id join companies c on c.id = i.company_id
        join openings o on o.id = i.opening_id join municipalities m on m.id = i.municipality_id
        where ${mine} and i.status in ('planned', 'awaiting_approval') and i.vitas_status <> 'approved' and i.first_day is null
        order by i.youth_confirmed_at nulls last, i.agreed_start`),
      this.rows<CaseworkFacts['reports'][number]>(sql`
        select r.id, r.youth_id as "youthId", r.period_end::text as "periodEnd", r.sent_at as "sentAt"
        from movement_reports r join youth y on y.id = r.youth_id
        join report_consents k on k.youth_id = r.youth_id and k.to_caseworker
        where ${mine} and r.status = 'sent' and r.held_back_at is null
        order by r.sent_at desc limit 20`),
    ]);
    return { youth: young, approvals, reports: reports.map((r) => ({ ...r, sentAt: new Date(r.sentAt) })) };
  }
}
