import type { Access } from '../../platform/access/access.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { localDate } from '../../platform/dates.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { isUuid, parseInput } from '../../platform/validation.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import { internshipAudit } from './internship-access.ts';
import { jobcentreApprovalInput } from './jobcentre.inputs.ts';
import type { InternshipsRepository } from './internships.repository.ts';

/**
 * The jobcentre's approval of an internship (VITAS), recorded by the young person's own caseworker
 * in one step from their home: the usual blocker of the two-week start. The approval carries the
 * VITAS reference; when the team already noted a reference on sending, the two must agree.
 */
export class JobcentreService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: InternshipsRepository,
    /** The caseworker linked to a young person (modules/youth), handed in by the composition root. */
    private readonly caseworkerOf: (youthId: string) => Promise<string | null>,
    private readonly notifications: NotificationsService,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async approve(ctx: Context, id: string, input: unknown): Promise<void> {
    const i = isUuid(id) ? await this.repo.find(id) : undefined;
    const grant = await this.access.requireOne(ctx, 'internship.jobcentre', {
      type: 'internship',
      id,
      municipalityId: i?.municipalityId ?? null,
      caseworkerUserId: i ? await this.caseworkerOf(i.youthId) : null,
      subjectUserId: i?.youthUserId ?? null,
    });
    if (!i) throw notFound();
    const { reference } = parseInput(jobcentreApprovalInput, input);
    if (!['planned', 'awaiting_approval'].includes(i.status) || i.vitasStatus === 'approved') throw conflict('errors.internship_state');
    if (i.vitasReference && i.vitasReference.toUpperCase() !== reference.toUpperCase())
      throw invalid({ reference: 'validation.vitas_reference_mismatch' });
    const at = this.clock.now();
    const today = localDate(at);
    const byUserId = this.access.requireActor(ctx).userId;
    await this.transactions.transaction(async () => {
      const changed = await this.repo.update(
        i.id,
        i.status,
        {
          status: 'awaiting_approval',
          vitasStatus: 'approved',
          vitasReference: i.vitasReference || reference,
          vitasSentOn: i.vitasSentOn ?? today,
          vitasApprovedOn: today,
        },
        { kind: 'vitas_approved', fromStatus: i.status, toStatus: 'awaiting_approval', note: reference, at, byUserId },
      );
      if (!changed) throw conflict('errors.internship_changed');
      await this.audit.record(ctx, internshipAudit(i, grant, 'internship.jobcentre_approve', { reference }));
      if (i.consultantUserId)
        await this.notifications.notify([
          {
            userId: i.consultantUserId,
            key: `jobcentre-approved:${i.id}`,
            kind: 'jobcentre_approved',
            params: { youth: i.youthFirstName, company: i.companyName },
            link: `/internships/${i.id}`,
          },
        ]);
    });
  }
}
