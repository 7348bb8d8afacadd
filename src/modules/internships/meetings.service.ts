import { z } from 'zod';
import type { Access } from '../../platform/access/access.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { isIsoDate, localInstant } from '../../platform/dates.ts';
import type { CalendarEvent } from '../../platform/calendar/ics.ts';
import type { Translate } from '../../platform/i18n/i18n.ts';
import { invalid } from '../../platform/errors.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import { fields, parseInput } from '../../platform/validation.ts';
import { internshipAudit, loadInternship } from './internship-access.ts';
import type { InternshipsRepository, Meeting } from './internships.repository.ts';
import { openStatuses } from './internships.values.ts';

export const meetingInput = z.object({
  date: z.string({ error: 'validation.date' }).trim().refine(isIsoDate, { error: 'validation.date' }),
  time: fields.time,
  minutes: z.coerce
    .number({ error: 'validation.minutes' })
    .int({ error: 'validation.minutes' })
    .min(15, { error: 'validation.minutes' })
    .max(480, { error: 'validation.minutes' })
    .default(60),
  place: z
    .string({ error: 'validation.required' })
    .trim()
    .min(2, { error: 'validation.required' })
    .max(200, { error: 'validation.text_long' }),
  note: z.string().trim().max(1000, { error: 'validation.text_long' }).default(''),
});

/**
 * Follow-up meetings with the supervisor during an internship: planned by the team or the company,
 * told to the young person, the supervisor and the consultant, and in each one's calendar feed.
 */
export class MeetingsService {
  constructor(
    private readonly repo: InternshipsRepository,
    private readonly notifications: NotificationsService,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** For the calendar feed: the follow-up meetings the person takes part in. */
  async calendarFor(userId: string, t: Translate): Promise<CalendarEvent[]> {
    return (await this.repo.meetingsForPerson(userId)).map((m) => ({
      uid: `internship-meeting-${m.id}@nextwork`,
      title: t('calendar.internship_meeting', { who: `${m.youthFirstName} · ${m.companyName}` }),
      start: m.startsAt,
      end: new Date(m.startsAt.getTime() + m.minutes * 60_000),
      location: m.place,
      description: m.note,
    }));
  }

  async list(ctx: Context, internshipId: string): Promise<Meeting[]> {
    await loadInternship(this.repo, this.access, ctx, internshipId, 'internship.read');
    return this.repo.meetings(internshipId);
  }

  async schedule(ctx: Context, internshipId: string, input: unknown): Promise<Meeting> {
    const { i, grant } = await loadInternship(this.repo, this.access, ctx, internshipId, 'internship.meeting');
    const data = parseInput(meetingInput, input);
    if (!openStatuses.includes(i.status)) throw invalid({ date: 'validation.meeting_closed' });
    const startsAt = localInstant(data.date, data.time);
    if (startsAt < this.clock.now()) throw invalid({ date: 'validation.meeting_past' });
    const actor = this.access.requireActor(ctx);
    return this.audit.atomically(async () => {
      const meeting = await this.repo.insertMeeting({
        internshipId,
        startsAt,
        minutes: data.minutes,
        place: data.place,
        note: data.note,
        createdByUserId: actor.userId,
        createdAt: this.clock.now(),
      });
      await this.audit.record(ctx, internshipAudit(i, grant, 'internship.meeting', { meetingId: meeting.id }));
      const params = { company: i.companyName, youth: i.youthFirstName, when: `${data.date} ${data.time}`, place: data.place };
      await this.notifications.notify(
        [i.youthUserId, i.supervisorUserId, i.consultantUserId]
          .filter((u): u is string => !!u && u !== actor.userId)
          .map((userId) => ({
            userId,
            key: `meeting:${meeting.id}:${userId}`,
            kind: 'internship_meeting',
            params,
            link: userId === i.youthUserId ? '/me/internships' : `/internships/${i.id}`,
          })),
      );
      return meeting;
    });
  }
}
