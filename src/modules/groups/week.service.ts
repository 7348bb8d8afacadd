import type { Access } from '../../platform/access/access.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { OverviewService } from '../internships/overview.service.ts';
import type { YouthRepository } from '../youth/youth.repository.ts';
import type { GroupsRepository } from './groups.repository.ts';

/** Without an internship for longer than this, a young person is on the counsellor's list. */
const LOOKING_DAYS = 14;

/**
 * The counsellor's week: who missed their group's last session, who is flagged by the internship
 * stability rules (with the reason), and who has been without an internship for over two weeks.
 */
export class CounsellorWeekService {
  constructor(
    private readonly groups: GroupsRepository,
    private readonly youth: YouthRepository,
    private readonly overview: OverviewService,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async week(ctx: Context, municipalityId: string) {
    const [grant] = await this.access.require(ctx, 'group.read', [{ type: 'counsellor_week', id: municipalityId, municipalityId }]);
    const since = new Date(this.clock.now().getTime() - LOOKING_DAYS * 86_400_000);
    const [missed, looking, overview] = await Promise.all([
      this.groups.missedLastSession(municipalityId),
      this.youth.list(municipalityId, ['in_network']),
      this.overview.team(ctx, municipalityId),
    ]);
    const longLooking = looking.filter((y) => y.statusSince < since);
    await this.audit.record(
      ctx,
      [...missed.map((m) => ({ id: m.youthId, userId: m.userId })), ...longLooking.map((y) => ({ id: y.id, userId: y.userId }))].map(
        (y) => ({
          action: 'youth.read',
          actorRole: grant!.role,
          municipalityId,
          targetType: 'youth',
          targetId: y.id,
          subjectUserId: y.userId,
          details: { via: 'counsellor_week' },
        }),
      ),
    );
    return {
      missed,
      flags: overview.flags,
      looking: longLooking.map((y) => ({ id: y.id, name: `${y.firstName} ${y.lastName}`, since: y.statusSince })),
    };
  }
}
