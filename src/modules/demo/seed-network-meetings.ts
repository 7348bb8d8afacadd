import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { addDays, localDate, localInstant } from '../../platform/dates.ts';
import { networkMeetingAnswers, networkMeetingCompanies, networkMeetings } from '../companies/companies.schema.ts';
import { groupSessionGuests, networkGroups } from '../groups/groups.schema.ts';
import { isoWeekday } from '../groups/schedule.ts';

interface Input {
  municipalityId: string;
  area: string;
  entrepreneurUserId: string;
  /** The municipality's companies in order, the demo company first, with their one contact each. */
  companies: { id: string; active: boolean; contactUserId: string }[];
}

/**
 * The company network's meetings (seed 000, decision 0031): one ahead, to which every active company
 * is invited and some contacts have answered (not the demo company's contact: theirs is the
 * invitation to answer), and one held five weeks ago with its attendance; and a company (the demo
 * company) visiting the first network group's meeting next week (seed 001).
 */
export async function seedNetworkMeetings(tx: Db, now: Date, input: Input): Promise<void> {
  const today = localDate(now);
  const active = input.companies.filter((c) => c.active);
  const [ahead] = await tx
    .insert(networkMeetings)
    .values({
      municipalityId: input.municipalityId,
      theme: 'Den gode første dag i praktik',
      startsAt: localInstant(addDays(today, 9), '09:30'),
      minutes: 120,
      place: `Rådhuset, ${input.area}, mødelokale 2`,
      agenda:
        'Kaffe og rundstykker\nTo virksomheder fortæller om deres første dag med en praktikant\nHvad har de unge brug for?\nNæste møde',
      createdByUserId: input.entrepreneurUserId,
      createdAt: now,
    })
    .returning({ id: networkMeetings.id });
  await tx.insert(networkMeetingCompanies).values(active.map((c) => ({ meetingId: ahead!.id, companyId: c.id })));
  await tx.insert(networkMeetingAnswers).values(
    active.slice(1, 13).map((c, i) => ({
      meetingId: ahead!.id,
      userId: c.contactUserId,
      companyId: c.id,
      response: i % 4 === 3 ? ('not_coming' as const) : ('coming' as const),
      answeredAt: now,
    })),
  );

  const heldAt = localInstant(addDays(today, -35), '09:30');
  const [held] = await tx
    .insert(networkMeetings)
    .values({
      municipalityId: input.municipalityId,
      theme: 'Fejl som læring',
      startsAt: heldAt,
      minutes: 120,
      place: `Rådhuset, ${input.area}, mødelokale 2`,
      agenda: 'Hvad gør vi, når noget går galt i en praktik?',
      createdByUserId: input.entrepreneurUserId,
      createdAt: new Date(heldAt.getTime() - 14 * 86_400_000),
      attendanceAt: new Date(heldAt.getTime() + 4 * 3_600_000),
    })
    .returning({ id: networkMeetings.id });
  await tx
    .insert(networkMeetingCompanies)
    .values(active.slice(0, 20).map((c, i) => ({ meetingId: held!.id, companyId: c.id, attended: i % 3 !== 2 })));

  // The demo company visits the first group's meeting next week.
  const [group] = await tx
    .select()
    .from(networkGroups)
    .where(and(eq(networkGroups.municipalityId, input.municipalityId)))
    .orderBy(asc(networkGroups.name))
    .limit(1);
  if (group?.meetsWeekday && input.companies[0])
    await tx.insert(groupSessionGuests).values({
      groupId: group.id,
      heldOn: addDays(today, ((group.meetsWeekday - isoWeekday(today) + 7) % 7) + 7),
      companyId: input.companies[0].id,
      note: 'Fortæller om at arbejde i virksomheden og svarer på spørgsmål.',
      createdByUserId: input.entrepreneurUserId,
      createdAt: now,
    });
}
