import type { Access } from '../../platform/access/access.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { conflict, invalid, isUniqueViolation } from '../../platform/errors.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import { parseInput } from '../../platform/validation.ts';
import type { MunicipalitiesRepository } from '../municipalities/municipalities.repository.ts';
import { checkLength, internshipAudit, loadInternship } from './internship-access.ts';
import { extensionInput } from './internships.inputs.ts';
import type { Extension, InternshipsRepository } from './internships.repository.ts';
import type { InternshipStatus } from './internships.values.ts';

const running: readonly InternshipStatus[] = ['active', 'extended'];

/**
 * Extensions: asked for by the company or the young person, agreed by both (or recorded by the team
 * on a side's behalf), within the municipality's longest internship; then noted for the jobcentre.
 */
export class ExtensionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: InternshipsRepository,
    private readonly municipalities: MunicipalitiesRepository,
    private readonly notifications: NotificationsService,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Which side an actor speaks for on this internship. */
  private side(role: string): 'company' | 'youth' | 'team' {
    return role === 'company_contact' ? 'company' : role === 'youth' ? 'youth' : 'team';
  }

  /** An extension is asked for by one side; the asking side agrees by asking. */
  async requestExtension(ctx: Context, id: string, input: unknown): Promise<Extension> {
    const { i, grant } = await loadInternship(this.repo, this.access, ctx, id, 'internship.extend');
    const data = parseInput(extensionInput, input);
    if (!running.includes(i.status)) throw conflict('errors.internship_not_running');
    if (data.newEnd <= i.plannedEnd) throw invalid({ newEnd: 'validation.extension_after_end' });
    await checkLength(this.municipalities, i.municipalityId, i.firstDay ?? i.agreedStart, data.newEnd, 'newEnd');
    const side = this.side(grant.role);
    const now = this.clock.now();
    const actor = this.access.requireActor(ctx);
    // One open request per internship, kept by a unique index; mapped once the transaction has ended.
    try {
      return await this.audit.atomically(async () => {
        const ext = await this.repo.insertExtension({
          internshipId: id,
          newEnd: data.newEnd,
          reason: data.reason,
          requestedBy: side,
          requestedByUserId: actor.userId,
          companyAgreedAt: side === 'company' ? now : null,
          youthAgreedAt: side === 'youth' ? now : null,
          createdAt: now,
        });
        await this.audit.record(ctx, internshipAudit(i, grant, 'internship.extension_request', { newEnd: data.newEnd }));
        const params = { company: i.companyName, youth: i.youthFirstName, end: data.newEnd };
        await this.notifications.notify(
          [
            side !== 'youth' &&
              i.youthUserId && {
                userId: i.youthUserId,
                key: `extension:${ext.id}:youth`,
                kind: 'extension_requested',
                params,
                link: '/me/internships',
              },
            side !== 'company' &&
              i.supervisorUserId && {
                userId: i.supervisorUserId,
                key: `extension:${ext.id}:company`,
                kind: 'extension_requested',
                params,
                link: `/internships/${id}`,
              },
          ].filter((n) => !!n),
        );
        return ext;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('errors.extension_open');
      throw err;
    }
  }

  /**
   * A side agrees. The team may record a side's agreement given by phone (`onBehalfOf`). When both
   * have agreed, the new end date applies and the extension is noted for the jobcentre's approval.
   */
  async agreeExtension(ctx: Context, id: string, input: { onBehalfOf?: string } = {}): Promise<Extension> {
    const { i, grant } = await loadInternship(this.repo, this.access, ctx, id, 'internship.extend');
    const open = await this.repo.openExtension(id);
    if (!open) throw conflict('errors.extension_none');
    let side = this.side(grant.role);
    if (side === 'team') {
      if (input.onBehalfOf !== 'company' && input.onBehalfOf !== 'youth') throw invalid({ onBehalfOf: 'validation.extension_side' });
      side = input.onBehalfOf;
    }
    // The rules may have changed since the request: the whole stays within the longest internship.
    await checkLength(this.municipalities, i.municipalityId, i.firstDay ?? i.agreedStart, open.newEnd, 'newEnd');
    const now = this.clock.now();
    const byUserId = this.access.requireActor(ctx).userId;
    return this.transactions.transaction(async () => {
      let ext = await this.repo.updateExtension(open.id, side === 'company' ? { companyAgreedAt: now } : { youthAgreedAt: now });
      if (ext.companyAgreedAt && ext.youthAgreedAt) {
        const changed = await this.repo.update(
          id,
          i.status,
          { status: 'extended', plannedEnd: ext.newEnd, vitasStatus: 'awaiting' },
          { kind: 'extended', fromStatus: i.status, toStatus: 'extended', note: `${i.plannedEnd} → ${ext.newEnd}`, at: now, byUserId },
        );
        if (!changed) throw conflict('errors.internship_changed');
        ext = await this.repo.updateExtension(open.id, { status: 'agreed' });
      }
      await this.audit.record(ctx, internshipAudit(i, grant, 'internship.extension_agree', { side, agreed: ext.status === 'agreed' }));
      return ext;
    });
  }

  async withdrawExtension(ctx: Context, id: string): Promise<void> {
    const { i, grant } = await loadInternship(this.repo, this.access, ctx, id, 'internship.extend');
    const open = await this.repo.openExtension(id);
    if (!open) throw conflict('errors.extension_none');
    await this.audit.atomically(async () => {
      await this.repo.updateExtension(open.id, { status: 'withdrawn' });
      await this.audit.record(ctx, internshipAudit(i, grant, 'internship.extension_withdraw'));
    });
  }
}
