import { z } from 'zod';
import type { Access } from '../../platform/access/access.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { isIsoDate, localDate, weekStart } from '../../platform/dates.ts';
import { invalid } from '../../platform/errors.ts';
import { decimal, parseInput } from '../../platform/validation.ts';
import type { YouthRepository } from '../youth/youth.repository.ts';
import type { CostsRepository, StaffTimeEntry } from './costs.repository.ts';
import { activities } from './costs.values.ts';

export const staffTimeInput = z.object({
  kind: z.enum(['entry', 'week'], { error: 'validation.time_kind' }),
  on: z.string({ error: 'validation.date' }).trim().refine(isIsoDate, { error: 'validation.date' }),
  activity: z.enum(activities, { error: 'validation.activity' }),
  // Hours as people write them: "1,5" or "1.5"; a week holds at most 60.
  hours: decimal(
    z
      .number({ error: 'validation.hours_spent' })
      .min(0.25, { error: 'validation.hours_spent' })
      .max(60, { error: 'validation.hours_spent' }),
  ),
  youthId: z.union([z.literal(''), z.uuid({ error: 'validation.invalid' })]).default(''),
  note: z.string().trim().max(500, { error: 'validation.text_long' }).default(''),
});

/**
 * Staff time for the cost of the programme: team members log time per activity (and per young
 * person if they like) or give a weekly estimate. Only totals leave this service.
 */
export class StaffTimeService {
  constructor(
    private readonly repo: CostsRepository,
    private readonly youth: YouthRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async log(ctx: Context, municipalityId: string, input: unknown): Promise<StaffTimeEntry> {
    const grant = await this.access.requireOne(ctx, 'time.log', { type: 'staff_time', id: municipalityId, municipalityId });
    const data = parseInput(staffTimeInput, input);
    const errors: Record<string, string> = {};
    if (data.on > localDate(this.clock.now())) errors.on = 'validation.date_future';
    if (data.kind === 'entry' && data.hours > 16) errors.hours = 'validation.hours_day';
    const y = data.youthId ? await this.youth.find(data.youthId) : undefined;
    if (data.youthId && y?.municipalityId !== municipalityId) errors.youthId = 'validation.invalid';
    if (Object.keys(errors).length) throw invalid(errors);
    return this.audit.atomically(async () => {
      const row = await this.repo.insertStaffTime({
        municipalityId,
        userId: this.access.requireActor(ctx).userId,
        kind: data.kind,
        on: data.kind === 'week' ? weekStart(data.on) : data.on,
        activity: data.activity,
        minutes: Math.round(data.hours * 60),
        youthId: data.youthId || null,
        note: data.note,
        createdAt: this.clock.now(),
      });
      await this.audit.record(ctx, {
        action: 'time.log',
        actorRole: grant.role,
        municipalityId,
        targetType: 'staff_time',
        targetId: row.id,
        subjectUserId: y?.userId ?? null,
      });
      return row;
    });
  }

  /** My latest entries in the municipality, and my total this month. */
  async mine(ctx: Context, municipalityId: string) {
    await this.access.require(ctx, 'time.log', [{ type: 'staff_time', id: municipalityId, municipalityId }]);
    const userId = this.access.requireActor(ctx).userId;
    const monthStart = `${localDate(this.clock.now()).slice(0, 7)}-01`;
    const [entries, monthMinutes] = await Promise.all([
      this.repo.latestStaffTime(municipalityId, userId),
      this.repo.staffMinutesOf(municipalityId, userId, monthStart),
    ]);
    return { entries, monthMinutes };
  }
}
