import type { Access } from '../../platform/access/access.ts';
import { can } from '../../platform/access/policy.ts';
import { localDate } from '../../platform/dates.ts';
import type { ReportsRepository } from '../reports/reports.repository.ts';
import { isoWeekday } from './schedule.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { OverviewService } from '../internships/overview.service.ts';
import type { YouthRepository } from '../youth/youth.repository.ts';
import type { GroupsRepository } from './groups.repository.ts';

/** Without an internship for longer than this, a young person is on the counsellor's list. */
const LOOKING_DAYS = 14;

/**
 * The counsellor's week: who missed their group's last session, who is flagged by the internship
 * stability rules (with the reason), who has been without an internship for over two weeks, the
 * groups meeting today, and the 6-weekly reports waiting to be written (for those who write them).
 */
export class CounsellorWeekService {
  constructor(
    private readonly groups: GroupsRepository,
    private readonly youth: YouthRepository,
    private readonly overview: OverviewService,
    private readonly reports: ReportsRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async week(ctx: Context, municipalityId: string) {
    const grant = await this.access.requireOne(ctx, 'group.read', { type: 'counsellor_week', id: municipalityId, municipalityId });
    const since = new Date(this.clock.now().getTime() - LOOKING_DAYS * 86_400_000);
    const writesReports = can(this.access.requireActor(ctx), 'report.write', [{ municipalityId }]);
    const [missed, looking, overview, groups, due] = await Promise.all([
      this.groups.missedLastSession(municipalityId),
      this.youth.list(municipalityId, ['in_network']),
      this.overview.team(ctx, municipalityId),
      this.groups.list(municipalityId),
      writesReports ? this.reports.list({ municipalityId, statuses: ['draft'] }) : Promise.resolve([]),
    ]);
    const weekday = isoWeekday(localDate(this.clock.now()));
    const longLooking = looking.filter((y) => y.statusSince < since);
    await this.audit.record(
      ctx,
      [
        ...missed.map((m) => ({ id: m.youthId, userId: m.userId })),
        ...longLooking.map((y) => ({ id: y.id, userId: y.userId })),
        ...due.map((r) => ({ id: r.youthId, userId: r.youthUserId })),
      ].map((y) => ({
        action: 'youth.read',
        actorRole: grant.role,
        municipalityId,
        targetType: 'youth',
        targetId: y.id,
        subjectUserId: y.userId,
        details: { via: 'counsellor_week' },
      })),
    );
    return {
      missed,
      flags: overview.flags,
      looking: longLooking.map((y) => ({ id: y.id, name: `${y.firstName} ${y.lastName}`, since: y.statusSince })),
      today: groups.filter((g) => g.meetsWeekday === weekday).sort((a, b) => (a.meetsAt ?? '').localeCompare(b.meetsAt ?? '')),
      reportsDue: writesReports ? due.map((r) => ({ id: r.id, name: `${r.firstName} ${r.lastName}`, periodEnd: r.periodEnd })) : null,
    };
  }
}
