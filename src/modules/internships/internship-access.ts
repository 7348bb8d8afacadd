import type { Access } from '../../platform/access/access.ts';
import { isUuid } from '../../platform/validation.ts';
import type { Action, Membership } from '../../platform/access/policy.ts';
import type { Context } from '../../platform/audit/audit.service.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { addDays, addMonths } from '../../platform/dates.ts';
import { type ModelRules, modelRules } from '../municipalities/model-rules.ts';
import type { Opening } from '../companies/openings.repository.ts';
import type { MunicipalitiesRepository } from '../municipalities/municipalities.repository.ts';
import type { InternshipView, InternshipsRepository } from './internships.repository.ts';

/**
 * The one check for an internship: the municipality, the company (for its contacts) and the young
 * person (for themselves) are all on the target, so the policy decides who reaches it.
 */
export async function loadInternship(
  repo: InternshipsRepository,
  access: Access,
  ctx: Context,
  id: string,
  action: Action,
): Promise<{ i: InternshipView; grant: Membership }> {
  const i = isUuid(id) ? await repo.find(id) : undefined;
  const grant = await access.requireOne(ctx, action, {
    type: 'internship',
    id,
    municipalityId: i?.municipalityId ?? null,
    companyId: i?.companyId,
    ownerUserId: i?.youthUserId ?? null,
    subjectUserId: i?.youthUserId ?? null,
  });
  if (!i) throw notFound();
  return { i, grant };
}

/** The audit entry for anything done to an internship (the young person is its subject). */
export function internshipAudit(i: InternshipView, grant: Membership, action: string, details?: Record<string, unknown>) {
  return {
    action,
    actorRole: grant.role,
    municipalityId: i.municipalityId,
    targetType: 'internship',
    targetId: i.id,
    subjectUserId: i.youthUserId,
    details,
  };
}

/** Refuses an end date past the municipality's longest internship, naming the latest allowed date. */
export async function checkLength(
  municipalities: MunicipalitiesRepository,
  municipalityId: string,
  from: string,
  end: string,
  field: string,
): Promise<void> {
  const months = (await rulesOf(municipalities, municipalityId)).internshipMaxMonths;
  const latest = addMonths(from, months);
  if (end > latest)
    throw new AppError('invalid', 'errors.internship_too_long', { [field]: 'validation.internship_too_long' }, { months, latest });
}

/** The municipality's model rules (its settings, or the seeds' defaults). */
export async function rulesOf(municipalities: MunicipalitiesRepository, municipalityId: string): Promise<ModelRules> {
  return modelRules(await municipalities.find(municipalityId));
}

/** An opening's typical duration, kept within the municipality's shortest and longest internship. */
export function plannedMonths(rules: ModelRules, durationMonths: number): number {
  return Math.min(rules.internshipMaxMonths, Math.max(rules.internshipMinMonths, durationMonths));
}

/**
 * The team's start: never before the opening's first day, and no later than the municipality's
 * start-within days after the choice unless the team writes why. Returns the reason to store ('' when on time).
 */
export function checkStart(
  rules: ModelRules,
  opening: Pick<Opening, 'startFrom'>,
  chosenOn: string,
  agreedStart: string,
  reason: string,
): string {
  if (agreedStart < opening.startFrom)
    throw new AppError(
      'invalid',
      'rules.errors.start_before_opening',
      { agreedStart: 'rules.validation.start_before_opening' },
      { first: opening.startFrom },
    );
  const latest = addDays(chosenOn, rules.startWithinDays);
  if (agreedStart <= latest) return '';
  if (!reason)
    throw new AppError(
      'invalid',
      'rules.errors.start_late',
      { startLateReason: 'rules.validation.start_late_reason' },
      { days: rules.startWithinDays, latest },
    );
  return reason;
}
