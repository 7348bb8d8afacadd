import type { Access } from '../../platform/access/access.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { daysBetween, localDate } from '../../platform/dates.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { AppError, conflict, invalid, isUniqueViolation, notFound } from '../../platform/errors.ts';
import { isUuid, parseInput } from '../../platform/validation.ts';
import { type GroupSizes, proposeGroups } from './grouping.ts';
import { addMemberInput, companyGuestInput, moveInput, scheduleInput, sessionCheckinInput, sessionInput } from './groups.inputs.ts';
import { isoWeekday } from './schedule.ts';
import { modelRules } from '../municipalities/model-rules.ts';
import type { YouthRepository } from '../youth/youth.repository.ts';
import { type GroupMember, type GroupsRepository, type NetworkGroup, groupableStatuses } from './groups.repository.ts';

/** A session's check-in stays open this many days. */
const CHECKIN_DAYS = 7;

/**
 * Network groups: the platform proposes groups of the municipality's sizes (the model's 7–8, at
 * most 9) for young people without one, balancing people in an internship with people still
 * looking; the team creates them, adds and moves people by hand (never past the maximum), archives
 * an empty group, and the group's counsellor records each weekly session with attendance.
 */
export class GroupsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: GroupsRepository,
    private readonly youth: YouthRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(ctx: Context, municipalityId: string) {
    await this.access.require(ctx, 'group.read', [{ type: 'groups', id: municipalityId, municipalityId }]);
    const [groups, unassigned, sizes] = await Promise.all([
      this.repo.list(municipalityId),
      this.repo.unassigned(municipalityId),
      this.sizes(municipalityId),
    ]);
    return { groups, unassigned: unassigned.length, sizes };
  }

  /** The municipality's group sizes (its settings; the model's 7–8 by default). */
  private async sizes(municipalityId: string): Promise<GroupSizes> {
    const rules = modelRules(await this.repo.municipality(municipalityId));
    return { min: rules.groupSizeMin, max: rules.groupSizeMax };
  }

  /** The proposal for young people without a group (names audited, as the page shows them). */
  async propose(ctx: Context, municipalityId: string) {
    const grant = await this.access.requireOne(ctx, 'group.read', { type: 'groups', id: municipalityId, municipalityId });
    const [people, sizes] = await Promise.all([this.repo.unassigned(municipalityId), this.sizes(municipalityId)]);
    await this.audit.record(
      ctx,
      people.map((y) => ({
        action: 'group.propose',
        actorRole: grant.role,
        municipalityId,
        targetType: 'youth',
        targetId: y.id,
        subjectUserId: y.userId,
      })),
    );
    const byId = new Map(people.map((y) => [y.id, y]));
    return proposeGroups(
      people.map((y) => ({ id: y.id, inInternship: y.status === 'in_internship' })),
      sizes,
    ).map((g) => g.map((m) => byId.get(m.id)!));
  }

  /** Creates the proposed groups, numbered after the existing ones, with the counsellor who made them. */
  async createProposed(ctx: Context, municipalityId: string): Promise<NetworkGroup[]> {
    const grant = await this.access.requireOne(ctx, 'group.manage', { type: 'groups', id: municipalityId, municipalityId });
    const actor = this.access.requireActor(ctx);
    const now = this.clock.now();
    // Counted before the transaction (archived groups too: names are not reused); inside it every
    // query, the audit entries too, joins it (#19.10).
    const existing = await this.repo.countAll(municipalityId);
    const sizes = await this.sizes(municipalityId);
    try {
      return await this.transactions.transaction(async () => {
        const people = await this.repo.unassigned(municipalityId);
        if (!people.length) throw new AppError('invalid', 'errors.groups_none');
        const proposal = proposeGroups(
          people.map((y) => ({ id: y.id, inInternship: y.status === 'in_internship' })),
          sizes,
        );
        const out: NetworkGroup[] = [];
        for (const [i, members] of proposal.entries()) {
          const group = await this.repo.insertGroup({
            municipalityId,
            name: `Gruppe ${existing + i + 1}`,
            counsellorUserId: grant.role === 'youth_counsellor' ? actor.userId : null,
            createdAt: now,
          });
          await this.repo.addMembers(
            group.id,
            members.map((m) => m.id),
            now,
          );
          out.push(group);
        }
        await this.audit.record(
          ctx,
          out.map((g) => ({ action: 'group.create', actorRole: grant.role, municipalityId, targetType: 'network_group', targetId: g.id })),
        );
        return out;
      });
    } catch (err) {
      // Mapped after the rollback: a failed statement aborts a PostgreSQL transaction.
      if (isUniqueViolation(err)) throw conflict('errors.groups_changed');
      throw err;
    }
  }

  /** The group, after the one permission check; its assigned counsellor is part of the target. */
  private async load(ctx: Context, id: string, action: 'group.read' | 'group.manage' | 'group.session') {
    const group = isUuid(id) ? await this.repo.find(id) : undefined;
    const grant = await this.access.requireOne(ctx, action, {
      type: 'network_group',
      id,
      municipalityId: group?.municipalityId ?? null,
      counsellorUserId: group?.counsellorUserId ?? null,
    });
    if (!group) throw notFound();
    return { group, grant: grant };
  }

  /** The group page: members and sessions; reading the members is audited per person. */
  async get(ctx: Context, id: string) {
    const { group, grant } = await this.load(ctx, id, 'group.read');
    const [members, sessions, others] = await Promise.all([
      this.repo.members(id),
      this.repo.sessions(id),
      this.repo.list(group.municipalityId),
    ]);
    await this.audit.record(
      ctx,
      members.map((m) => ({
        action: 'group.read',
        actorRole: grant.role,
        municipalityId: group.municipalityId,
        targetType: 'network_group',
        targetId: id,
        subjectUserId: m.userId,
      })),
    );
    return { group, members, sessions, otherGroups: others.filter((g) => g.id !== id), sizes: await this.sizes(group.municipalityId) };
  }

  /**
   * Young people who can be added to the group directly: the municipality's people in the network
   * without a group (the proposal's people; their names are audited as the proposal's are).
   */
  async candidates(ctx: Context, id: string) {
    const { group, grant } = await this.load(ctx, id, 'group.manage');
    if (group.archivedAt) return [];
    const people = await this.repo.unassigned(group.municipalityId);
    await this.audit.record(
      ctx,
      people.map((y) => ({
        action: 'group.propose',
        actorRole: grant.role,
        municipalityId: group.municipalityId,
        targetType: 'youth',
        targetId: y.id,
        subjectUserId: y.userId,
      })),
    );
    return people;
  }

  /**
   * Adds a young person to this group directly: one of the municipality's young people in the
   * network, in no group yet, and never past the municipality's maximum. Refused for an archived group.
   */
  async addMember(ctx: Context, groupId: string, input: unknown): Promise<void> {
    const { group, grant } = await this.load(ctx, groupId, 'group.manage');
    const { youthId } = parseInput(addMemberInput, input);
    const y = await this.repo.youthForGroup(youthId);
    if (!y || y.municipalityId !== group.municipalityId) throw invalid({ youthId: 'validation.group_youth' });
    if (!(groupableStatuses as readonly string[]).includes(y.status)) throw invalid({ youthId: 'validation.group_youth_status' });
    if (y.groupId) throw invalid({ youthId: 'validation.group_youth_taken' });
    const { max } = await this.sizes(group.municipalityId);
    const now = this.clock.now();
    try {
      await this.transactions.transaction(async () => {
        // The row lock makes the size check and the insert one step against a concurrent addition.
        const locked = await this.repo.lock(group.id);
        if (!locked || locked.archivedAt) throw conflict('errors.group_archived');
        if ((await this.repo.members(group.id)).length >= max)
          throw new AppError('invalid', 'errors.group_full', { youthId: 'errors.group_full' }, { max });
        await this.repo.addMembers(group.id, [youthId], now);
        await this.audit.record(ctx, {
          action: 'group.add',
          actorRole: grant.role,
          municipalityId: group.municipalityId,
          targetType: 'network_group',
          targetId: group.id,
          subjectUserId: y.userId,
          details: { youthId },
        });
      });
    } catch (err) {
      // Mapped after the rollback: the young person joined another group meanwhile.
      if (isUniqueViolation(err)) throw invalid({ youthId: 'validation.group_youth_taken' });
      throw err;
    }
  }

  /**
   * Archives an empty group: it leaves the lists and proposals' numbering keeps counting it; its
   * sessions and history stay. Refused while it has members.
   */
  async archive(ctx: Context, groupId: string): Promise<NetworkGroup> {
    const { group, grant } = await this.load(ctx, groupId, 'group.manage');
    const now = this.clock.now();
    await this.transactions.transaction(async () => {
      const locked = await this.repo.lock(group.id);
      if (!locked || locked.archivedAt) throw conflict('errors.group_archived');
      const members = (await this.repo.members(group.id)).length;
      if (members > 0) throw new AppError('conflict', 'errors.group_not_empty', undefined, { count: members });
      await this.repo.updateGroup(group.id, { archivedAt: now });
      await this.audit.record(ctx, {
        action: 'group.archive',
        actorRole: grant.role,
        municipalityId: group.municipalityId,
        targetType: 'network_group',
        targetId: group.id,
      });
    });
    return group;
  }

  /** The team members a group can be assigned to as its counsellor (for the settings form). */
  async counsellors(ctx: Context, id: string) {
    const { group } = await this.load(ctx, id, 'group.manage');
    return this.repo.counsellors(group.municipalityId);
  }

  /** When and where the group meets each week, and its youth counsellor (one of the municipality's). */
  async setSchedule(ctx: Context, id: string, input: unknown): Promise<void> {
    const { group, grant } = await this.load(ctx, id, 'group.manage');
    if (group.archivedAt) throw conflict('errors.group_archived');
    const data = parseInput(scheduleInput, input);
    if (data.counsellorUserId && !(await this.repo.counsellors(group.municipalityId)).some((c) => c.userId === data.counsellorUserId))
      throw invalid({ counsellorUserId: 'validation.counsellor' });
    await this.audit.atomically(async () => {
      await this.repo.updateGroup(id, {
        meetsWeekday: data.meetsWeekday,
        meetsAt: data.meetsAt,
        meetsPlace: data.meetsPlace,
        counsellorUserId: data.counsellorUserId || null,
      });
      await this.audit.record(ctx, {
        action: 'group.schedule',
        actorRole: grant.role,
        municipalityId: group.municipalityId,
        targetType: 'network_group',
        targetId: id,
      });
    });
  }

  /** Moves a young person to another group of the municipality, never past its maximum size. */
  async move(ctx: Context, groupId: string, youthId: string, input: unknown): Promise<void> {
    const { group, grant } = await this.load(ctx, groupId, 'group.manage');
    const { toGroupId } = parseInput(moveInput, input);
    const target = await this.repo.find(toGroupId);
    if (!target || target.municipalityId !== group.municipalityId || target.id === group.id || target.archivedAt)
      throw invalid({ toGroupId: 'validation.group' });
    const { max } = await this.sizes(group.municipalityId);
    const now = this.clock.now();
    await this.transactions.transaction(async () => {
      await this.repo.lock(target.id);
      if ((await this.repo.members(target.id)).length >= max)
        throw new AppError('invalid', 'errors.group_full', { toGroupId: 'errors.group_full' }, { max });
      if (!(await this.repo.leave(group.id, youthId, now))) throw notFound();
      await this.repo.addMembers(target.id, [youthId], now);
      await this.audit.record(ctx, {
        action: 'group.move',
        actorRole: grant.role,
        municipalityId: group.municipalityId,
        targetType: 'network_group',
        targetId: target.id,
        details: { youthId, from: group.id },
      });
    });
  }

  /**
   * A company of the municipality visits the group's meeting on a day the group meets (seed 001:
   * about every 6 weeks); the company's contacts see it on their home. One guest per meeting.
   */
  async inviteCompanyGuest(ctx: Context, groupId: string, input: unknown): Promise<void> {
    const { group, grant } = await this.load(ctx, groupId, 'group.session');
    const data = parseInput(companyGuestInput, input);
    const errors: Record<string, string> = {};
    if (data.heldOn < localDate(this.clock.now())) errors.heldOn = 'validation.guest_past';
    else if (group.meetsWeekday && isoWeekday(data.heldOn) !== group.meetsWeekday) errors.heldOn = 'validation.guest_weekday';
    if (!(await this.repo.companyInMunicipality(data.companyId, group.municipalityId))) errors.companyId = 'validation.guest_company';
    if (Object.keys(errors).length) throw invalid(errors);
    await this.audit.atomically(async () => {
      await this.repo.setGuest({
        groupId,
        heldOn: data.heldOn,
        companyId: data.companyId,
        note: data.note,
        createdByUserId: this.access.requireActor(ctx).userId,
        createdAt: this.clock.now(),
      });
      await this.audit.record(ctx, {
        action: 'group.company_guest',
        actorRole: grant.role,
        municipalityId: group.municipalityId,
        targetType: 'network_group',
        targetId: groupId,
        details: { heldOn: data.heldOn, companyId: data.companyId },
      });
    });
  }

  /** The group's upcoming company visits, and the companies to choose a guest among. */
  async companyGuests(ctx: Context, groupId: string) {
    const { group } = await this.load(ctx, groupId, 'group.session');
    const [visits, companies] = await Promise.all([
      this.repo.guests(groupId, localDate(this.clock.now())),
      this.repo.companyChoices(group.municipalityId),
    ]);
    return { visits, companies };
  }

  /** Records a session with the attendance of every member; one session per group per day. */
  async recordSession(ctx: Context, groupId: string, input: unknown) {
    const { group, grant } = await this.load(ctx, groupId, 'group.session');
    if (group.archivedAt) throw conflict('errors.group_archived');
    const data = parseInput(sessionInput, input);
    const members: GroupMember[] = await this.repo.members(groupId);
    const errors: Record<string, string> = {};
    if (data.heldOn > localDate(this.clock.now())) errors.heldOn = 'validation.date_future';
    for (const m of members) if (!data.attendance[m.youthId]) errors[`attendance.${m.youthId}`] = 'validation.group_attendance';
    if (Object.keys(data.attendance).some((y) => !members.some((m) => m.youthId === y))) errors.attendance = 'validation.group_attendance';
    if (Object.keys(errors).length) throw invalid(errors);
    const actor = this.access.requireActor(ctx);
    try {
      return await this.transactions.transaction(async () => {
        const session = await this.repo.insertSession(
          {
            groupId,
            heldOn: data.heldOn,
            place: data.place,
            theme: data.theme,
            note: data.note,
            createdByUserId: actor.userId,
            createdAt: this.clock.now(),
          },
          data.attendance,
        );
        await this.audit.record(ctx, {
          action: 'group.session',
          actorRole: grant.role,
          municipalityId: group.municipalityId,
          targetType: 'group_session',
          targetId: session.id,
        });
        return session;
      });
    } catch (err) {
      // Mapped after the rollback: a failed statement aborts a PostgreSQL transaction.
      if (isUniqueViolation(err)) throw conflict('errors.session_exists', { heldOn: 'errors.session_exists' });
      throw err;
    }
  }

  /** The signed-in young person's own record (for their group and check-ins). */
  private async own(ctx: Context) {
    const actor = this.access.requireActor(ctx);
    const y = await this.youth.findByUser(actor.userId);
    const grant = await this.access.requireOne(ctx, 'group.checkin', {
      type: 'youth',
      id: y?.id ?? '',
      municipalityId: y?.municipalityId ?? null,
      ownerUserId: y?.userId ?? null,
    });
    if (!y) throw notFound();
    return { y, grant: grant };
  }

  /** My group, its members' first names, and the recent sessions with my attendance and check-in. */
  async mine(ctx: Context) {
    const { y } = await this.own(ctx);
    const group = await this.repo.groupOf(y.id);
    if (!group) return null;
    const [members, sessions] = await Promise.all([this.repo.members(group.id), this.repo.sessionsFor(group.id, y.id)]);
    return { group, firstNames: members.map((m) => m.firstName), sessions, today: localDate(this.clock.now()) };
  }

  /** The check-in after a session I attended, within a week of it. */
  async checkIn(ctx: Context, sessionId: string, input: unknown): Promise<void> {
    const { y, grant } = await this.own(ctx);
    const session = isUuid(sessionId) ? await this.repo.findSession(sessionId) : undefined;
    if (!session || (await this.repo.attendanceOf(session.id, y.id)) !== 'present') throw notFound();
    const data = parseInput(sessionCheckinInput, input);
    if (daysBetween(session.heldOn, localDate(this.clock.now())) > CHECKIN_DAYS) throw new AppError('conflict', 'errors.checkin_closed');
    await this.audit.atomically(async () => {
      await this.repo.saveCheckin({
        sessionId: session.id,
        youthId: y.id,
        score: data.score,
        comment: data.comment,
        submittedAt: this.clock.now(),
      });
      await this.audit.record(ctx, {
        action: 'group.checkin',
        actorRole: grant.role,
        municipalityId: y.municipalityId,
        targetType: 'group_session',
        targetId: session.id,
        subjectUserId: y.userId,
      });
    });
  }
}
