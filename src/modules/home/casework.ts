import type { Access } from '../../platform/access/access.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import { daysBetween, localDate } from '../../platform/dates.ts';
import type { CaseworkFacts, HomeRepository } from './home.repository.ts';
import type { HomeItem } from './home.service.ts';

/** Days left on the start clock at which an approval is marked urgent on the caseworker's home. */
const APPROVAL_URGENT_DAYS = 5;

export type CaseworkYoung = CaseworkFacts['youth'][number];
export type CaseworkApproval = CaseworkFacts['approvals'][number] & {
  youthName: string;
  /** Days left of the municipality's start promise; null while the young person has not confirmed. */
  daysLeft: number | null;
};
export type CaseworkReport = CaseworkFacts['reports'][number] & { youthName: string };

/** The jobcentre caseworker's home: their young people, the approvals that block a start, the reports received. */
export interface CaseworkHome {
  items: HomeItem[];
  youth: CaseworkYoung[];
  approvals: CaseworkApproval[];
  reports: CaseworkReport[];
}

/**
 * The caseworker's branch of the homes. Only the young people linked to this caseworker are read
 * (the policy checks each, by its caseworker), and each one named is audited.
 */
export async function caseworkHome(
  repo: HomeRepository,
  access: Access,
  audit: AuditService,
  ctx: Context,
  now: Date,
): Promise<CaseworkHome> {
  const actor = access.requireActor(ctx);
  const municipalityIds = [...new Set(actor.memberships.filter((m) => m.role === 'caseworker').map((m) => m.municipalityId ?? ''))];
  await access.requireAction(ctx, 'youth.casework', {
    type: 'casework',
    municipalityId: municipalityIds[0] ?? null,
    caseworkerUserId: actor.userId,
  });
  const f = await repo.casework(actor.userId, municipalityIds);
  const grants = await access.require(
    ctx,
    'youth.casework',
    f.youth.map((y) => ({
      type: 'youth',
      id: y.id,
      municipalityId: y.municipalityId,
      caseworkerUserId: actor.userId,
      subjectUserId: y.userId,
    })),
  );
  const names = new Map(f.youth.map((y) => [y.id, `${y.firstName} ${y.lastName}`]));
  const today = localDate(now);
  const approvals = f.approvals
    .filter((a) => names.has(a.youthId))
    .map((a) => ({
      ...a,
      youthName: names.get(a.youthId)!,
      daysLeft: a.confirmedOn === null ? null : a.startWithinDays - daysBetween(a.confirmedOn, today),
    }));
  const reports = f.reports.filter((r) => names.has(r.youthId)).map((r) => ({ ...r, youthName: names.get(r.youthId)! }));
  const items: HomeItem[] = [
    ...approvals.map((a): HomeItem => ({
      kind: a.daysLeft === null ? 'approval_unconfirmed' : a.daysLeft < 0 ? 'approval_overdue' : 'approval_waiting',
      href: `#approve-${a.id}`,
      params: { youth: a.youthName, company: a.company, count: Math.abs(a.daysLeft ?? 0) },
      urgent: a.daysLeft !== null && a.daysLeft <= APPROVAL_URGENT_DAYS,
    })),
    ...reports.map((r): HomeItem => ({
      kind: 'report_received',
      href: `/reports/${r.id}`,
      params: { youth: r.youthName },
      due: r.periodEnd,
    })),
  ];
  if (f.youth.length)
    await audit.record(
      ctx,
      f.youth.map((y, i) => ({
        action: 'home.read',
        actorRole: grants[i]!.role,
        municipalityId: y.municipalityId,
        targetType: 'youth',
        targetId: y.id,
        subjectUserId: y.userId,
      })),
    );
  return { items, youth: f.youth, approvals, reports };
}
