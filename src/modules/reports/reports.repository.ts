import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { addDays } from '../../platform/dates.ts';
import { companies, openings } from '../companies/companies.schema.ts';
import { groupSessions, sessionAttendance } from '../groups/groups.schema.ts';
import { internshipFeedback, internships } from '../internships/internships.schema.ts';
import { weekdays } from '../internships/internships.values.ts';
import type { MovementRepository } from '../movement/movement.repository.ts';
import { youth } from '../youth/youth.schema.ts';
import { movementsOver, type Period } from './report-cycle.ts';
import { type ReportFacts, movementReports, reportConsents } from './reports.schema.ts';

export type MovementReport = typeof movementReports.$inferSelect;
export type ReportRow = MovementReport & {
  firstName: string;
  lastName: string;
  youthUserId: string | null;
  /** The caseworker linked to the young person: the one person a sent report goes to. */
  caseworkerUserId: string | null;
};

const withYouth = {
  report: movementReports,
  firstName: youth.firstName,
  lastName: youth.lastName,
  youthUserId: youth.userId,
  caseworkerUserId: youth.caseworkerUserId,
};

type Joined = { report: MovementReport; firstName: string; lastName: string; youthUserId: string | null; caseworkerUserId: string | null };
const flat = (r: Joined): ReportRow => ({
  ...r.report,
  firstName: r.firstName,
  lastName: r.lastName,
  youthUserId: r.youthUserId,
  caseworkerUserId: r.caseworkerUserId,
});

/**
 * The 6-weekly reports, and the facts of a period read from the groups, internships and movement
 * tables (a read model: nothing here writes to another module's tables).
 */
export class ReportsRepository {
  constructor(
    private readonly db: Db,
    private readonly movement: MovementRepository,
  ) {}

  /** Everything the report says about one young person's period. */
  async facts(youthId: string, period: Period, db: Db = this.db): Promise<ReportFacts> {
    const { start, end } = period;
    const [attendance, placements, assessments] = await Promise.all([
      db
        .select({ status: sessionAttendance.status, n: sql<number>`count(*)::int` })
        .from(sessionAttendance)
        .innerJoin(groupSessions, eq(groupSessions.id, sessionAttendance.sessionId))
        .where(and(eq(sessionAttendance.youthId, youthId), gte(groupSessions.heldOn, start), lte(groupSessions.heldOn, end)))
        .groupBy(sessionAttendance.status),
      db
        .select({
          id: internships.id,
          firstDay: internships.firstDay,
          actualEnd: internships.actualEnd,
          company: companies.name,
          title: openings.title,
        })
        .from(internships)
        .innerJoin(companies, eq(companies.id, internships.companyId))
        .innerJoin(openings, eq(openings.id, internships.openingId))
        .where(
          and(
            eq(internships.youthId, youthId),
            isNotNull(internships.firstDay),
            lte(internships.firstDay, end),
            or(isNull(internships.actualEnd), gte(internships.actualEnd, start)),
          ),
        )
        .orderBy(asc(internships.firstDay)),
      this.movement.between([youthId], start, end, db),
    ]);
    const feedback = placements.length
      ? await db
          .select()
          .from(internshipFeedback)
          .where(
            and(
              inArray(
                internshipFeedback.internshipId,
                placements.map((p) => p.id),
              ),
              gte(internshipFeedback.weekStart, addDays(start, -6)),
              lte(internshipFeedback.weekStart, end),
            ),
          )
          .orderBy(asc(internshipFeedback.weekStart))
      : [];
    const count = (s: string) => attendance.find((a) => a.status === s)?.n ?? 0;
    const company = new Map(placements.map((p) => [p.id, p.company]));
    return {
      group: {
        sessions: attendance.reduce((sum, a) => sum + a.n, 0),
        present: count('present'),
        absentNotice: count('absent_notice'),
        absent: count('absent'),
      },
      internships: placements.map((p) => {
        // Days inside the period, from the supervisors' weekly attendance.
        const days = feedback
          .filter((f) => f.internshipId === p.id)
          .flatMap((f) => weekdays.map((d, i) => ({ on: addDays(f.weekStart, i), value: f.attendance[d] })))
          .filter((d) => d.on >= start && d.on <= end);
        return {
          company: p.company,
          title: p.title,
          from: p.firstDay!,
          to: p.actualEnd,
          daysPresent: days.filter((d) => d.value === 'met').length,
          daysAbsent: days.filter((d) => d.value === 'absent_notice' || d.value === 'absent_no_notice').length,
        };
      }),
      recognitions: feedback
        .filter((f) => f.didWell.trim())
        .map((f) => ({ company: company.get(f.internshipId) ?? '', weekStart: f.weekStart, text: f.didWell })),
      movements: movementsOver(assessments),
      assessments: assessments.filter((a) => a.source === 'counsellor').length,
    };
  }

  /** Young people who get reports: in the network or in an internship. */
  reportable(municipalityId?: string) {
    return this.db
      .select({ id: youth.id, municipalityId: youth.municipalityId, referredOn: youth.referredOn })
      .from(youth)
      .where(
        and(inArray(youth.status, ['in_network', 'in_internship']), municipalityId ? eq(youth.municipalityId, municipalityId) : undefined),
      );
  }

  /** Inserts a draft unless the period already has a report; true when it was new. */
  async insertDraft(values: typeof movementReports.$inferInsert): Promise<boolean> {
    const rows = await this.db.insert(movementReports).values(values).onConflictDoNothing().returning({ id: movementReports.id });
    return rows.length > 0;
  }

  async find(id: string): Promise<ReportRow | undefined> {
    const [row] = await this.db
      .select(withYouth)
      .from(movementReports)
      .innerJoin(youth, eq(youth.id, movementReports.youthId))
      .where(eq(movementReports.id, id))
      .limit(1);
    return row && flat(row);
  }

  /** A municipality's reports, newest period first; optionally only some statuses or one young person. */
  async list(filter: { municipalityId?: string; youthId?: string; statuses?: MovementReport['status'][] }): Promise<ReportRow[]> {
    const rows = await this.db
      .select(withYouth)
      .from(movementReports)
      .innerJoin(youth, eq(youth.id, movementReports.youthId))
      .where(
        and(
          filter.municipalityId ? eq(movementReports.municipalityId, filter.municipalityId) : undefined,
          filter.youthId ? eq(movementReports.youthId, filter.youthId) : undefined,
          filter.statuses ? inArray(movementReports.status, filter.statuses) : undefined,
        ),
      )
      .orderBy(desc(movementReports.periodEnd), asc(youth.lastName), asc(youth.firstName));
    return rows.map(flat);
  }

  /**
   * Sent reports of the young people linked to this caseworker, while each young person still
   * agrees that reports go to the caseworker and has not held the report back.
   */
  async received(municipalityId: string, caseworkerUserId: string): Promise<ReportRow[]> {
    const rows = await this.db
      .select(withYouth)
      .from(movementReports)
      .innerJoin(youth, eq(youth.id, movementReports.youthId))
      .innerJoin(reportConsents, and(eq(reportConsents.youthId, movementReports.youthId), eq(reportConsents.toCaseworker, true)))
      .where(
        and(
          eq(movementReports.municipalityId, municipalityId),
          eq(youth.caseworkerUserId, caseworkerUserId),
          eq(movementReports.status, 'sent'),
          isNull(movementReports.heldBackAt),
        ),
      )
      .orderBy(desc(movementReports.sentAt));
    return rows.map(flat);
  }

  async update(id: string, set: Partial<typeof movementReports.$inferInsert>, db: Db = this.db): Promise<void> {
    await db.update(movementReports).set(set).where(eq(movementReports.id, id));
  }

  async consent(youthId: string): Promise<boolean> {
    const [row] = await this.db.select().from(reportConsents).where(eq(reportConsents.youthId, youthId)).limit(1);
    return row?.toCaseworker ?? false;
  }

  async setConsent(youthId: string, toCaseworker: boolean, at: Date, db: Db = this.db): Promise<void> {
    await db
      .insert(reportConsents)
      .values({ youthId, toCaseworker, decidedAt: at })
      .onConflictDoUpdate({ target: reportConsents.youthId, set: { toCaseworker, decidedAt: at } });
  }

  /** Reports the young person has read but that waited for their consent: sent now, except those they hold back. */
  async sendHeld(youthId: string, at: Date, db: Db = this.db): Promise<void> {
    await db
      .update(movementReports)
      .set({ status: 'sent', sentAt: at, updatedAt: at })
      .where(and(eq(movementReports.youthId, youthId), eq(movementReports.status, 'held'), isNull(movementReports.heldBackAt)));
  }
}
