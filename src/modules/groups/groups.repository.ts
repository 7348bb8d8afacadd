import { and, asc, desc, eq, inArray, isNull, notExists, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { memberships, users } from '../accounts/accounts.schema.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';
import type { Municipality } from '../municipalities/municipalities.repository.ts';
import { groupCounsellorRoles } from '../../platform/access/roles.ts';
import { youth } from '../youth/youth.schema.ts';
import { companies } from '../companies/companies.schema.ts';
import {
  groupSessionGuests,
  groupMembers,
  groupPostReplies,
  groupPosts,
  groupSessions,
  networkGroups,
  sessionAttendance,
  sessionCheckins,
} from './groups.schema.ts';
import type { GroupAttendance } from './groups.values.ts';

export type NetworkGroup = typeof networkGroups.$inferSelect;
export type GroupSession = typeof groupSessions.$inferSelect;
export type GroupPost = typeof groupPosts.$inferSelect;
export type GroupPostReply = typeof groupPostReplies.$inferSelect;
export interface GroupSummary extends NetworkGroup {
  counsellorName: string | null;
  members: number;
  lastSession: string | null;
}
export interface GroupMember {
  youthId: string;
  firstName: string;
  lastName: string;
  userId: string | null;
  status: string;
}

/** Young people the groups are for: in the network, about to start, or in an internship. */
export const groupableStatuses = ['starting', 'in_network', 'in_internship'] as const;

export class GroupsRepository {
  constructor(private readonly db: Db) {}

  async list(municipalityId: string): Promise<GroupSummary[]> {
    const rows = await this.db
      .select({
        g: networkGroups,
        counsellorName: users.name,
        members: sql<number>`(select count(*) from ${groupMembers} m where m.group_id = ${networkGroups.id} and m.left_at is null)`.mapWith(
          Number,
        ),
        lastSession: sql<string | null>`(select max(s.held_on)::text from ${groupSessions} s where s.group_id = ${networkGroups.id})`,
      })
      .from(networkGroups)
      .leftJoin(users, eq(users.id, networkGroups.counsellorUserId))
      .where(and(eq(networkGroups.municipalityId, municipalityId), isNull(networkGroups.archivedAt)))
      .orderBy(asc(networkGroups.name));
    return rows.map(({ g, ...rest }) => ({ ...g, ...rest }));
  }

  async find(id: string, db: Db = this.db): Promise<NetworkGroup | undefined> {
    const [row] = await db.select().from(networkGroups).where(eq(networkGroups.id, id)).limit(1);
    return row;
  }

  /** The municipality whose settings (the group sizes) apply; read, not owned, by this module. */
  async municipality(id: string): Promise<Municipality | undefined> {
    const [row] = await this.db.select().from(municipalities).where(eq(municipalities.id, id)).limit(1);
    return row;
  }

  /** How many groups the municipality has ever had, archived ones included (to number a new one). */
  async countAll(municipalityId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(networkGroups)
      .where(eq(networkGroups.municipalityId, municipalityId));
    return row?.n ?? 0;
  }

  /** Locks the group's row until the transaction ends, so two additions cannot both pass the size check. */
  async lock(id: string): Promise<NetworkGroup | undefined> {
    const [row] = await this.db.select().from(networkGroups).where(eq(networkGroups.id, id)).for('update');
    return row;
  }

  /** A young person of the municipality, with their current group, if any. */
  async youthForGroup(youthId: string) {
    const [row] = await this.db
      .select({
        id: youth.id,
        municipalityId: youth.municipalityId,
        userId: youth.userId,
        status: youth.status,
        groupId: sql<
          string | null
        >`(select m.group_id from ${groupMembers} m where m.youth_id = ${youth.id} and m.left_at is null limit 1)`,
      })
      .from(youth)
      .where(eq(youth.id, youthId))
      .limit(1);
    return row;
  }

  async members(groupId: string, db: Db = this.db): Promise<GroupMember[]> {
    return db
      .select({ youthId: youth.id, firstName: youth.firstName, lastName: youth.lastName, userId: youth.userId, status: youth.status })
      .from(groupMembers)
      .innerJoin(youth, eq(youth.id, groupMembers.youthId))
      .where(and(eq(groupMembers.groupId, groupId), isNull(groupMembers.leftAt)))
      .orderBy(asc(youth.firstName), asc(youth.lastName));
  }

  /** Young people in the municipality who belong to no group, in name order (a stable proposal). */
  async unassigned(municipalityId: string, db: Db = this.db) {
    return db
      .select({ id: youth.id, firstName: youth.firstName, lastName: youth.lastName, userId: youth.userId, status: youth.status })
      .from(youth)
      .where(
        and(
          eq(youth.municipalityId, municipalityId),
          inArray(youth.status, [...groupableStatuses]),
          notExists(
            db
              .select({ x: sql`1` })
              .from(groupMembers)
              .where(and(eq(groupMembers.youthId, youth.id), isNull(groupMembers.leftAt))),
          ),
        ),
      )
      .orderBy(asc(youth.firstName), asc(youth.lastName), asc(youth.id));
  }

  async insertGroup(values: typeof networkGroups.$inferInsert, db: Db = this.db): Promise<NetworkGroup> {
    const [row] = await db.insert(networkGroups).values(values).returning();
    return row!;
  }

  async addMembers(groupId: string, youthIds: string[], at: Date, db: Db = this.db): Promise<void> {
    if (youthIds.length) await db.insert(groupMembers).values(youthIds.map((youthId) => ({ groupId, youthId, joinedAt: at })));
  }

  async leave(groupId: string, youthId: string, at: Date, db: Db = this.db): Promise<boolean> {
    const rows = await db
      .update(groupMembers)
      .set({ leftAt: at })
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.youthId, youthId), isNull(groupMembers.leftAt)))
      .returning({ youthId: groupMembers.youthId });
    return rows.length > 0;
  }

  /** One-table select: drizzle leaves columns unqualified, so the subqueries name group_sessions. */
  async sessions(groupId: string) {
    return this.db
      .select({
        s: groupSessions,
        present:
          sql<number>`(select count(*) from ${sessionAttendance} a where a.session_id = group_sessions.id and a.status = 'present')`.mapWith(
            Number,
          ),
        total: sql<number>`(select count(*) from ${sessionAttendance} a where a.session_id = group_sessions.id)`.mapWith(Number),
      })
      .from(groupSessions)
      .where(eq(groupSessions.groupId, groupId))
      .orderBy(desc(groupSessions.heldOn))
      .limit(52);
  }

  async insertSession(
    values: typeof groupSessions.$inferInsert,
    attendance: Record<string, GroupAttendance>,
    db: Db = this.db,
  ): Promise<GroupSession> {
    const [session] = await db.insert(groupSessions).values(values).returning();
    const rows = Object.entries(attendance).map(([youthId, status]) => ({ sessionId: session!.id, youthId, status }));
    if (rows.length) await db.insert(sessionAttendance).values(rows);
    return session!;
  }

  /** Whether the company is one of the municipality's (not one that has left the network). */
  async companyInMunicipality(companyId: string, municipalityId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: companies.id })
      .from(companies)
      .where(and(eq(companies.id, companyId), eq(companies.municipalityId, municipalityId), sql`${companies.networkStatus} <> 'left'`));
    return !!row;
  }

  /** The municipality's companies in the network (active or onboarding), to choose a guest among. */
  async companyChoices(municipalityId: string): Promise<{ id: string; name: string }[]> {
    return this.db
      .select({ id: companies.id, name: companies.name })
      .from(companies)
      .where(and(eq(companies.municipalityId, municipalityId), inArray(companies.networkStatus, ['active', 'onboarding'])))
      .orderBy(asc(companies.nameSort));
  }

  /** Plans (or replaces) the company visiting the group's meeting on a day. */
  async setGuest(values: typeof groupSessionGuests.$inferInsert): Promise<void> {
    await this.db
      .insert(groupSessionGuests)
      .values(values)
      .onConflictDoUpdate({
        target: [groupSessionGuests.groupId, groupSessionGuests.heldOn],
        set: { companyId: values.companyId, note: values.note, createdByUserId: values.createdByUserId, createdAt: values.createdAt },
      });
  }

  /** The group's company visits from a day on, with the companies' names. */
  async guests(groupId: string, from: string): Promise<{ heldOn: string; companyId: string; company: string; note: string }[]> {
    return this.db
      .select({
        heldOn: groupSessionGuests.heldOn,
        companyId: groupSessionGuests.companyId,
        company: companies.name,
        note: groupSessionGuests.note,
      })
      .from(groupSessionGuests)
      .innerJoin(companies, eq(companies.id, groupSessionGuests.companyId))
      .where(and(eq(groupSessionGuests.groupId, groupId), sql`${groupSessionGuests.heldOn} >= ${from}`))
      .orderBy(asc(groupSessionGuests.heldOn));
  }

  /** The young person's current group. */
  async groupOf(youthId: string): Promise<NetworkGroup | undefined> {
    const [row] = await this.db
      .select({ g: networkGroups })
      .from(groupMembers)
      .innerJoin(networkGroups, eq(networkGroups.id, groupMembers.groupId))
      .where(and(eq(groupMembers.youthId, youthId), isNull(groupMembers.leftAt)))
      .limit(1);
    return row?.g;
  }

  /** The group's recent sessions with this young person's attendance and check-in. */
  async sessionsFor(groupId: string, youthId: string) {
    return this.db
      .select({ s: groupSessions, attendance: sessionAttendance.status, score: sessionCheckins.score })
      .from(groupSessions)
      .leftJoin(sessionAttendance, and(eq(sessionAttendance.sessionId, groupSessions.id), eq(sessionAttendance.youthId, youthId)))
      .leftJoin(sessionCheckins, and(eq(sessionCheckins.sessionId, groupSessions.id), eq(sessionCheckins.youthId, youthId)))
      .where(eq(groupSessions.groupId, groupId))
      .orderBy(desc(groupSessions.heldOn))
      .limit(5);
  }

  async findSession(id: string): Promise<GroupSession | undefined> {
    const [row] = await this.db.select().from(groupSessions).where(eq(groupSessions.id, id)).limit(1);
    return row;
  }

  async attendanceOf(sessionId: string, youthId: string): Promise<GroupAttendance | undefined> {
    const [row] = await this.db
      .select({ status: sessionAttendance.status })
      .from(sessionAttendance)
      .where(and(eq(sessionAttendance.sessionId, sessionId), eq(sessionAttendance.youthId, youthId)));
    return row?.status;
  }

  /** Saves the check-in; answering again replaces it. */
  async saveCheckin(values: typeof sessionCheckins.$inferInsert): Promise<void> {
    await this.db
      .insert(sessionCheckins)
      .values(values)
      .onConflictDoUpdate({
        target: [sessionCheckins.sessionId, sessionCheckins.youthId],
        set: { score: values.score, comment: values.comment, submittedAt: values.submittedAt },
      });
  }

  /** Members who were not present at their group's latest session, with that session's date. */
  async missedLastSession(municipalityId: string) {
    const latest = this.db
      .select({ sessionId: sql<string>`(array_agg(${groupSessions.id} order by ${groupSessions.heldOn} desc))[1]`.as('session_id') })
      .from(groupSessions)
      .innerJoin(networkGroups, eq(networkGroups.id, groupSessions.groupId))
      .where(eq(networkGroups.municipalityId, municipalityId))
      .groupBy(groupSessions.groupId)
      .as('latest');
    return this.db
      .select({
        youthId: youth.id,
        firstName: youth.firstName,
        lastName: youth.lastName,
        userId: youth.userId,
        groupId: networkGroups.id,
        groupName: networkGroups.name,
        heldOn: groupSessions.heldOn,
        status: sessionAttendance.status,
      })
      .from(latest)
      .innerJoin(groupSessions, sql`${groupSessions.id} = latest.session_id`)
      .innerJoin(networkGroups, eq(networkGroups.id, groupSessions.groupId))
      .innerJoin(sessionAttendance, eq(sessionAttendance.sessionId, groupSessions.id))
      .innerJoin(youth, eq(youth.id, sessionAttendance.youthId))
      .where(sql`${sessionAttendance.status} <> 'present'`)
      .orderBy(asc(networkGroups.name), asc(youth.firstName));
  }

  async updateGroup(id: string, set: Partial<typeof networkGroups.$inferInsert>): Promise<void> {
    await this.db.update(networkGroups).set(set).where(eq(networkGroups.id, id));
  }

  /**
   * The team members of a municipality who can be assigned a group (youth counsellors, network
   * consultants, the team leader…), each once, for choosing a group's counsellor.
   */
  counsellors(municipalityId: string) {
    return this.db
      .selectDistinct({ userId: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.municipalityId, municipalityId), inArray(memberships.role, [...groupCounsellorRoles])))
      .orderBy(asc(users.name), asc(users.id));
  }

  // ---- the group space ---------------------------------------------------------------------

  /** The group's newest 100 posts with their authors' names; hidden ones only when asked. */
  posts(groupId: string, withHidden: boolean): Promise<{ p: GroupPost; name: string }[]> {
    return this.db
      .select({ p: groupPosts, name: users.name })
      .from(groupPosts)
      .innerJoin(users, eq(users.id, groupPosts.authorUserId))
      .where(and(eq(groupPosts.groupId, groupId), withHidden ? undefined : isNull(groupPosts.hiddenAt)))
      .orderBy(desc(groupPosts.createdAt))
      .limit(100);
  }

  async insertPost(values: typeof groupPosts.$inferInsert): Promise<{ id: string }> {
    const [row] = await this.db.insert(groupPosts).values(values).returning({ id: groupPosts.id });
    return row!;
  }

  /** A post of the group, when it is there and (unless asked) not hidden. */
  async post(groupId: string, postId: string, withHidden = false): Promise<GroupPost | undefined> {
    const [row] = await this.db
      .select()
      .from(groupPosts)
      .where(and(eq(groupPosts.id, postId), eq(groupPosts.groupId, groupId), withHidden ? undefined : isNull(groupPosts.hiddenAt)))
      .limit(1);
    return row;
  }

  /** The replies to these posts of the group, oldest first, with their authors' names; hidden ones only when asked. */
  async replies(groupId: string, postIds: string[], withHidden: boolean): Promise<{ r: GroupPostReply; name: string }[]> {
    if (!postIds.length) return [];
    return this.db
      .select({ r: groupPostReplies, name: users.name })
      .from(groupPostReplies)
      .innerJoin(users, eq(users.id, groupPostReplies.authorUserId))
      .where(
        and(
          eq(groupPostReplies.groupId, groupId),
          inArray(groupPostReplies.postId, postIds),
          withHidden ? undefined : isNull(groupPostReplies.hiddenAt),
        ),
      )
      .orderBy(asc(groupPostReplies.createdAt));
  }

  async insertReply(values: typeof groupPostReplies.$inferInsert): Promise<{ id: string }> {
    const [row] = await this.db.insert(groupPostReplies).values(values).returning({ id: groupPostReplies.id });
    return row!;
  }

  /** Hides a reply in the group (kept, marked hidden); false when there is no such visible reply. */
  async hideReply(groupId: string, replyId: string, at: Date, byUserId: string): Promise<boolean> {
    const hidden = await this.db
      .update(groupPostReplies)
      .set({ hiddenAt: at, hiddenByUserId: byUserId })
      .where(and(eq(groupPostReplies.id, replyId), eq(groupPostReplies.groupId, groupId), isNull(groupPostReplies.hiddenAt)))
      .returning({ id: groupPostReplies.id });
    return hidden.length > 0;
  }

  /** Hides a post of the group (kept, marked hidden); false when there is no such visible post. */
  async hidePost(groupId: string, postId: string, at: Date, byUserId: string): Promise<boolean> {
    const hidden = await this.db
      .update(groupPosts)
      .set({ hiddenAt: at, hiddenByUserId: byUserId })
      .where(and(eq(groupPosts.id, postId), eq(groupPosts.groupId, groupId), isNull(groupPosts.hiddenAt)))
      .returning({ id: groupPosts.id });
    return hidden.length > 0;
  }
}
