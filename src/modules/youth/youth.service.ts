import type { Access } from '../../platform/access/access.ts';
import { can } from '../../platform/access/policy.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Sealer } from '../../platform/crypto/sealed.ts';
import { conflict, invalid, isUniqueViolation, notFound } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { fieldErrors, isUuid, parseInput } from '../../platform/validation.ts';
import { readCsvTable } from '../../platform/csv.ts';
import type { OneTimeToken } from '../accounts/accounts.repository.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import type { MunicipalitiesRepository } from '../municipalities/municipalities.repository.ts';
import { type CompanyViewOfYouth, companyView } from './company-view.ts';
import { maskCpr, parseCpr, requireAgeInRange } from './cpr.ts';
import { MAX_PHOTO_BYTES, photoType } from './photo.ts';
import { followupInput, profileInput, referralInput, targetGroupInput, youthStatusInput } from './youth.inputs.ts';
import type { ExitFollowup, Youth, YouthExit, YouthRepository, YouthStatusChange } from './youth.repository.ts';
import {
  type ExitKind,
  type FollowupMonths,
  followupMonths,
  notFollowedUp,
  INVITATION_ACCEPTED,
  type Visibility,
  type YouthStatus,
  defaultVisibility,
} from './youth.values.ts';
import { addMonths, localDate } from '../../platform/dates.ts';
import { type FollowupOutcome, fieldGroups } from './youth.values.ts';

type ExitByCpr = Awaited<ReturnType<YouthRepository['exitsByCprHash']>>[number];

/** The most rows a follow-ups file may have. */
export const MAX_FOLLOWUP_ROWS = 5_000;

/** Where a referred young person goes when they accept their invitation (decision 0021). */
export const ACCEPTED_STATUS = 'starting' satisfies YouthStatus;

/** The team's view: every non-confidential field, the CPR number masked. */
export type TeamViewOfYouth = Omit<Youth, 'cprSealed' | 'cprHash'> & {
  cprMasked: string;
  history: YouthStatusChange[];
  /** How and when they left, with the follow-ups after it (#16); null while in the programme. */
  exit: YouthExitView | null;
};

/** An exit with its follow-ups, and the follow-ups that are due (3, 6 and 12 months after). */
export type YouthExitView = YouthExit & { followups: ExitFollowup[]; due: { months: FollowupMonths; on: string }[] };

export interface Capacity {
  used: number;
  capacity: number;
  full: boolean;
}

/** The youth network: referral and intake, status lifecycle, and the profile in the young person's own words. */
export class YouthService {
  constructor(
    private readonly repo: YouthRepository,
    private readonly municipalities: MunicipalitiesRepository,
    private readonly accounts: AccountsService,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    /** True while the municipality takes in young people in a trial: then referral goes through the trial's intake. */
    private readonly inTrial: (municipalityId: string) => Promise<boolean> = async () => false,
  ) {}

  /**
   * An accepted invitation for a young person: their record is linked to the new account, and a
   * referred young person moves to `starting` by themselves (decision 0021) — in the history, by
   * them, with the reason `invitation_accepted`. Runs inside the acceptance's transaction; a second
   * acceptance (a new invitation) changes nothing, nor does one for a young person past `referred`.
   */
  async acceptedInvitation(invitation: OneTimeToken, userId: string, ctx: Context): Promise<void> {
    if (!invitation.youthId) return;
    await this.repo.linkUser(invitation.youthId, userId);
    const y = await this.repo.find(invitation.youthId);
    if (!y || y.userId !== userId || y.status !== 'referred') return;
    await this.repo.setStatus(y.id, 'referred', ACCEPTED_STATUS, INVITATION_ACCEPTED, this.clock.now(), userId);
    await this.audit.record(ctx, {
      action: 'youth.status',
      actorRole: 'youth',
      municipalityId: y.municipalityId,
      targetType: 'youth',
      targetId: y.id,
      subjectUserId: userId,
      details: { from: 'referred', to: ACCEPTED_STATUS, reason: INVITATION_ACCEPTED },
    });
  }

  async capacity(ctx: Context, municipalityId: string): Promise<Capacity> {
    await this.access.require(ctx, 'youth.read', [{ type: 'youth_list', id: municipalityId, municipalityId }]);
    return this.capacityOf(municipalityId);
  }

  private async capacityOf(municipalityId: string): Promise<Capacity> {
    const [used, m] = await Promise.all([this.repo.countActive(municipalityId), this.municipalities.find(municipalityId)]);
    const capacity = m?.youthCapacity ?? 45;
    return { used, capacity, full: used >= capacity };
  }

  /** Referral by the team: the record, then an invitation by email (and a link to send by SMS). */
  async refer(
    ctx: Context,
    municipalityId: string,
    input: unknown,
    locale: Locale,
    options: { randomised?: boolean } = {},
  ): Promise<{ youth: Youth; link: string; capacity: Capacity }> {
    const grant = await this.access.requireOne(ctx, 'youth.refer', { type: 'youth', id: '', municipalityId });
    if (!options.randomised && (await this.inTrial(municipalityId))) throw conflict('errors.trial_intake');
    const data = parseInput(referralInput, input);
    const cpr = parseCpr(data.cpr)!;
    requireAgeInRange(cpr, data.referredOn);
    const actor = this.access.requireActor(ctx);
    const now = this.clock.now();
    // The record, its invitation and both audit entries commit together: no young person without
    // their youth.refer entry, nor one left behind when the invitation is refused (#19.10). The
    // invitation email is an outbox row in the same transaction; with SMTP, accounts.invite sends it
    // before the commit.
    let referred: { youth: Youth; link: string };
    try {
      referred = await this.audit.atomically(async () => {
        const created = await this.repo.insert(
          {
            municipalityId,
            firstName: data.firstName,
            lastName: data.lastName,
            email: data.email,
            phone: data.phone,
            cprSealed: this.sealer.seal(cpr.digits),
            cprHash: this.sealer.lookupHash(cpr.digits),
            birthDate: cpr.birthDate.toISOString().slice(0, 10),
            referringCaseworker: data.referringCaseworker,
            referredOn: data.referredOn,
            hoursPossible: data.hoursPossible,
            eligibilityNote: data.eligibilityNote,
            targetGroup: data.targetGroup,
            status: 'referred',
            statusSince: now,
            visibility: defaultVisibility,
            createdAt: now,
            updatedAt: now,
          },
          actor.userId,
        );
        const { link } = await this.accounts.invite(
          ctx,
          { name: `${data.firstName} ${data.lastName}`, email: data.email, role: 'youth', municipalityId },
          locale,
          { youthId: created.id },
        );
        await this.audit.record(ctx, {
          action: 'youth.refer',
          actorRole: grant.role,
          municipalityId,
          targetType: 'youth',
          targetId: created.id,
        });
        return { youth: created, link };
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('errors.cpr_taken', { cpr: 'errors.cpr_taken' });
      throw err;
    }
    return { ...referred, capacity: await this.capacityOf(municipalityId) };
  }

  async list(ctx: Context, municipalityId: string): Promise<{ youth: Youth[]; capacity: Capacity }> {
    const grant = await this.access.requireOne(ctx, 'youth.read', { type: 'youth_list', id: municipalityId, municipalityId });
    const rows = await this.repo.list(municipalityId, null);
    await this.audit.record(
      ctx,
      rows.map((y) => ({
        action: 'youth.list',
        actorRole: grant.role,
        municipalityId,
        targetType: 'youth',
        targetId: y.id,
        subjectUserId: y.userId,
      })),
    );
    return { youth: rows, capacity: await this.capacityOf(municipalityId) };
  }

  private async load(ctx: Context, id: string, action: 'youth.read' | 'youth.update_status') {
    const y = isUuid(id) ? await this.repo.find(id) : undefined;
    const grant = await this.access.requireOne(ctx, action, {
      type: 'youth',
      id,
      municipalityId: y?.municipalityId ?? null,
      subjectUserId: y?.userId ?? null,
    });
    if (!y) throw notFound();
    return { y, grant };
  }

  async get(ctx: Context, id: string): Promise<TeamViewOfYouth> {
    const { y, grant } = await this.load(ctx, id, 'youth.read');
    const { cprSealed, cprHash: _hash, ...rest } = y;
    await this.audit.record(ctx, {
      action: 'youth.read',
      actorRole: grant.role,
      municipalityId: y.municipalityId,
      targetType: 'youth',
      targetId: id,
      subjectUserId: y.userId,
    });
    const [history, exit] = await Promise.all([this.repo.history(id), this.repo.exit(id)]);
    return { ...rest, cprMasked: maskCpr(this.sealer.open(cprSealed)), history, exit: exit ? this.exitView(exit) : null };
  }

  /** Follow-ups are due 3, 6 and 12 months after the exit (not for someone who moved away). */
  private exitView(exit: YouthExit & { followups: ExitFollowup[] }): YouthExitView {
    const today = localDate(this.clock.now());
    const due = notFollowedUp.includes(exit.kind)
      ? []
      : followupMonths
          .map((months) => ({ months, on: addMonths(exit.exitedOn, months) }))
          .filter((d) => d.on <= today && !exit.followups.some((f) => f.months === d.months));
    return { ...exit, due };
  }

  /**
   * The team records a follow-up after exit: at 3, 6 or 12 months, still in job or education, or
   * back on benefits. Only once it is due; a second record for the same month corrects the first.
   */
  async recordFollowup(ctx: Context, id: string, input: unknown): Promise<void> {
    const { y, grant } = await this.load(ctx, id, 'youth.update_status');
    const data = parseInput(followupInput, input);
    const exit = await this.repo.exit(id);
    if (!exit || notFollowedUp.includes(exit.kind)) throw conflict('errors.followup_no_exit');
    if (addMonths(exit.exitedOn, data.months) > localDate(this.clock.now())) throw invalid({ months: 'validation.followup_not_due' });
    const now = this.clock.now();
    await this.audit.atomically(async () => {
      await this.repo.recordFollowup(id, data.months, data.outcome, now, this.access.requireActor(ctx).userId);
      await this.audit.record(ctx, {
        action: 'youth.followup',
        actorRole: grant.role,
        municipalityId: y.municipalityId,
        targetType: 'youth',
        targetId: id,
        subjectUserId: y.userId,
        details: { months: data.months, outcome: data.outcome },
      });
    });
  }

  async setStatus(ctx: Context, id: string, input: unknown): Promise<void> {
    const { y, grant } = await this.load(ctx, id, 'youth.update_status');
    const data = parseInput(youthStatusInput, input);
    if (data.status === y.status) throw invalid({ status: 'validation.status_same' });
    const reason = [data.reason, data.note].filter(Boolean).join(': ');
    const now = this.clock.now();
    const today = localDate(now);
    // The exit (#16): how and when they left, recorded with the status; never in the future nor before the referral.
    const exit = data.status === 'ended' ? { kind: data.reason as ExitKind, exitedOn: data.exitedOn || today } : null;
    if (exit && exit.exitedOn > today) throw invalid({ exitedOn: 'validation.date_future' });
    if (exit && exit.exitedOn < y.referredOn) throw invalid({ exitedOn: 'validation.exit_before_referral' });
    const userId = this.access.requireActor(ctx).userId;
    await this.audit.atomically(async () => {
      await this.repo.setStatus(id, y.status, data.status, reason, now, userId);
      if (exit) await this.repo.recordExit({ youthId: id, municipalityId: y.municipalityId, ...exit, at: now, byUserId: userId });
      else if (y.status === 'ended') await this.repo.removeExit(id);
      await this.audit.record(ctx, {
        action: 'youth.status',
        actorRole: grant.role,
        municipalityId: y.municipalityId,
        targetType: 'youth',
        targetId: id,
        subjectUserId: y.userId,
        details: { from: y.status, to: data.status, ...exit },
      });
    });
  }

  /** The team records or corrects the young person's target group at referral (audited with both values). */
  async setTargetGroup(ctx: Context, id: string, input: unknown): Promise<void> {
    const { y, grant } = await this.load(ctx, id, 'youth.update_status');
    const { targetGroup } = parseInput(targetGroupInput, input);
    await this.audit.atomically(async () => {
      await this.repo.updateProfile(id, { targetGroup }, this.clock.now());
      await this.audit.record(ctx, {
        action: 'youth.target_group',
        actorRole: grant.role,
        municipalityId: y.municipalityId,
        targetType: 'youth',
        targetId: id,
        subjectUserId: y.userId,
        details: { from: y.targetGroup, to: targetGroup },
      });
    });
  }

  /** The young person's own record (they may always read it). */
  async myProfile(ctx: Context): Promise<Youth> {
    const actor = this.access.requireActor(ctx);
    const y = await this.repo.findByUser(actor.userId);
    if (!y) throw notFound();
    return y;
  }

  async updateMyProfile(ctx: Context, input: unknown): Promise<void> {
    const y = await this.ownForEdit(ctx);
    const data = parseInput(profileInput, input);
    const visibility = Object.fromEntries(fieldGroups.map((g) => [g, data[`share_${g}`] === true])) as Visibility;
    const profile = {
      wishToTry: data.wishToTry,
      goodAt: data.goodAt,
      mattersAtWork: data.mattersAtWork,
      practicalHours: data.practicalHours,
      practicalTransport: data.practicalTransport,
      canStartOn: data.canStartOn,
      visibility,
    };
    await this.audit.atomically(async () => {
      await this.repo.updateProfile(y.id, profile, this.clock.now());
      await this.recordOwnEdit(ctx, y, 'youth.profile_update');
    });
  }

  /**
   * Follow-ups from the jobcentre as CSV (cpr;months;outcome), with the rules of the trial outcomes
   * import: every row checked — a young person of this municipality with an exit, by the keyed CPR
   * hash; 3, 6 or 12 months, and due; a known outcome; not twice in the file — and the whole file
   * refused, with every error by line, if any row is wrong. A later value corrects an earlier one.
   */
  async importFollowups(ctx: Context, municipalityId: string, text: string): Promise<{ imported: number }> {
    const grant = await this.access.requireOne(ctx, 'youth.update_status', { type: 'youth_list', id: municipalityId, municipalityId });
    const { headings, rows } = readCsvTable(text, { required: ['cpr', 'months', 'outcome'], maxRows: MAX_FOLLOWUP_ROWS });
    const exits = new Map((await this.repo.exitsByCprHash(municipalityId)).map((e) => [e.cprHash, e]));
    const today = localDate(this.clock.now());
    const errors: Record<string, string> = {};
    const seen = new Set<string>();
    const valid: { exit: ExitByCpr; months: FollowupMonths; outcome: FollowupOutcome }[] = [];
    for (const row of rows) {
      const get = (h: string) => (row.fields[headings.indexOf(h)] ?? '').trim();
      const fail = (field: string, key: string) => (errors[`line.${row.line}.${field}`] = key);
      const digits = get('cpr').replace('-', '');
      const exit = /^\d{10}$/.test(digits) ? exits.get(this.sealer.lookupHash(digits)) : undefined;
      if (!exit || notFollowedUp.includes(exit.kind)) fail('cpr', 'validation.followup_cpr_unknown');
      const parsed = followupInput.safeParse({ months: get('months'), outcome: get('outcome') });
      if (!parsed.success) for (const [field, key] of Object.entries(fieldErrors(parsed.error))) fail(field, key);
      if (!exit || !parsed.success) continue;
      const months = parsed.data.months as FollowupMonths;
      if (addMonths(exit.exitedOn, months) > today) fail('months', 'validation.followup_not_due');
      else if (seen.has(`${exit.youthId}/${months}`)) fail('months', 'validation.followup_duplicate');
      else valid.push({ exit, months, outcome: parsed.data.outcome });
      seen.add(`${exit.youthId}/${months}`);
    }
    if (Object.keys(errors).length) throw invalid(errors, 'errors.import');
    const now = this.clock.now();
    const userId = this.access.requireActor(ctx).userId;
    await this.audit.atomically(async () => {
      for (const v of valid) await this.repo.recordFollowup(v.exit.youthId, v.months, v.outcome, now, userId);
      await this.audit.record(
        ctx,
        valid.map((v) => ({
          action: 'youth.followup',
          actorRole: grant.role,
          municipalityId,
          targetType: 'youth',
          targetId: v.exit.youthId,
          subjectUserId: v.exit.userId,
          details: { months: v.months, outcome: v.outcome, source: 'import' },
        })),
      );
    });
    return { imported: valid.length };
  }

  /** Uploads or replaces my photo; only JPEG, PNG or WebP, recognised by content, at most 1 MB. */
  async setMyPhoto(ctx: Context, bytes: Buffer | undefined): Promise<void> {
    const y = await this.ownForEdit(ctx);
    const type = bytes && bytes.length <= MAX_PHOTO_BYTES ? photoType(bytes) : undefined;
    if (!bytes || !type)
      throw invalid({ photo: bytes && bytes.length > MAX_PHOTO_BYTES ? 'validation.file_too_large' : 'validation.photo_type' });
    await this.audit.atomically(async () => {
      await this.repo.savePhoto(y.id, type, bytes, this.clock.now());
      await this.recordOwnEdit(ctx, y, 'youth.photo_update');
    });
  }

  async deleteMyPhoto(ctx: Context): Promise<void> {
    const y = await this.ownForEdit(ctx);
    await this.audit.atomically(async () => {
      await this.repo.deletePhoto(y.id, this.clock.now());
      await this.recordOwnEdit(ctx, y, 'youth.photo_delete');
    });
  }

  /** The audit entry of a young person's edit of their own record. */
  private recordOwnEdit(ctx: Context, y: Youth, action: string): Promise<void> {
    return this.audit.record(ctx, {
      action,
      municipalityId: y.municipalityId,
      targetType: 'youth',
      targetId: y.id,
      subjectUserId: y.userId,
    });
  }

  /** A photo: the young person themselves, the team, and companies only when the young person shares it. */
  async photo(ctx: Context, id: string): Promise<{ contentType: string; bytes: Buffer }> {
    const actor = this.access.requireActor(ctx);
    const y = isUuid(id) ? await this.repo.find(id) : undefined;
    const own = !!y?.userId && y.userId === actor.userId;
    if (!own) {
      const shared = !!y?.visibility.photo;
      const target = { type: 'youth_photo', id, municipalityId: y?.municipalityId ?? null, subjectUserId: y?.userId ?? null };
      const action = y && can(actor, 'youth.read', [target]) ? 'youth.read' : 'youth.read_shared';
      if (action === 'youth.read_shared' && !shared) await this.access.require(ctx, 'youth.read', [target]);
      const grant = await this.access.requireOne(ctx, action, target);
      await this.audit.record(ctx, {
        action: 'youth.photo_read',
        actorRole: grant.role,
        municipalityId: y!.municipalityId,
        targetType: 'youth',
        targetId: id,
        subjectUserId: y!.userId,
      });
    }
    const photo = y ? await this.repo.photo(y.id) : undefined;
    if (!photo) throw notFound();
    return photo;
  }

  private async ownForEdit(ctx: Context): Promise<Youth> {
    const actor = this.access.requireActor(ctx);
    const y = await this.repo.findByUser(actor.userId);
    await this.access.require(ctx, 'youth.edit_profile', [
      {
        type: 'youth',
        id: y?.id ?? '',
        municipalityId: y?.municipalityId ?? null,
        ownerUserId: y?.userId ?? null,
        subjectUserId: actor.userId,
      },
    ]);
    if (!y) throw notFound();
    return y;
  }

  /** Exactly what a company sees of me: the preview uses the same function as the directory. */
  async previewAsCompany(ctx: Context): Promise<CompanyViewOfYouth> {
    return companyView(await this.myProfile(ctx));
  }

  /** The directory of young people for companies and the team: only what each one shares. */
  async directory(ctx: Context, municipalityId: string): Promise<CompanyViewOfYouth[]> {
    const grant = await this.access.requireOne(ctx, 'youth.read_shared', { type: 'youth_directory', id: municipalityId, municipalityId });
    const rows = await this.repo.list(municipalityId, ['starting', 'in_network']);
    await this.audit.record(
      ctx,
      rows.map((y) => ({
        action: 'youth.read_shared',
        actorRole: grant.role,
        municipalityId,
        targetType: 'youth',
        targetId: y.id,
        subjectUserId: y.userId,
      })),
    );
    return rows.map(companyView);
  }

  /** For pages: may this actor see the team view of young people in this municipality? */
  canRead(ctx: Context, municipalityId: string): boolean {
    return !!ctx.actor && can(ctx.actor, 'youth.read', [{ municipalityId }]);
  }
}
