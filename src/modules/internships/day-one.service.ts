import { z } from 'zod';
import type { Access } from '../../platform/access/access.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict } from '../../platform/errors.ts';
import { parseInput, timeOfDay } from '../../platform/validation.ts';
import { internshipAudit, loadInternship } from './internship-access.ts';
import type { InternshipsRepository } from './internships.repository.ts';
import { openStatuses } from './internships.values.ts';

/** "9.00", "9:00", "0930" or "9" (as Danes write it, or as a browser's time field sends it) → "09:00". */
const meetingTime = timeOfDay('validation.day_one_time');

export const dayOneInput = z.object({
  /** The time to meet on the first day; empty when not agreed yet. */
  firstDayTime: z.preprocess((v) => (v === '' || v === undefined ? null : v), meetingTime.nullable()),
  /** Where to meet, when it is not the opening's place. */
  meetAt: z.string({ error: 'validation.required' }).trim().max(200, { error: 'validation.text_long' }).default(''),
  whatToBring: z.string({ error: 'validation.required' }).trim().max(1000, { error: 'validation.text_long' }).default(''),
});

/**
 * The practical facts of the first day — when and where to meet, and what to bring — filled in by
 * the team or the company's own contact, for the young person's internship page.
 */
export class DayOneService {
  constructor(
    private readonly repo: InternshipsRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async save(ctx: Context, id: string, input: unknown): Promise<void> {
    const { i, grant } = await loadInternship(this.repo, this.access, ctx, id, 'internship.day_one');
    const data = parseInput(dayOneInput, input);
    if (!openStatuses.includes(i.status)) throw conflict('errors.internship_state');
    const byUserId = this.access.requireActor(ctx).userId;
    await this.audit.atomically(async () => {
      const changed = await this.repo.update(id, i.status, data, { kind: 'day_one', at: this.clock.now(), byUserId });
      if (!changed) throw conflict('errors.internship_changed');
      await this.audit.record(ctx, internshipAudit(i, grant, 'internship.day_one'));
    });
  }
}
