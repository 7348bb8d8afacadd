import type { Faker } from '@faker-js/faker';
import { and, asc, eq, inArray, notExists } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { companies, openings } from '../companies/companies.schema.ts';
import { internships } from '../internships/internships.schema.ts';
import { openStatuses } from '../internships/internships.values.ts';
import {
  companyAnswers,
  matchEventCompanies,
  matchEventOpenings,
  matchEventYouth,
  matchEvents,
  wishes,
} from '../matching/matching.schema.ts';
import { addDays, localDate, localInstant } from '../../platform/dates.ts';
import { youth } from '../youth/youth.schema.ts';

const reasons = [
  'Jeg kan godt lide at arbejde med hænderne.',
  'Jeg vil gerne prøve at møde kunder.',
  'Min onkel arbejder med det, og det lyder spændende.',
  'Jeg vil lære at lave mad til mange.',
  'Det ligger tæt på, hvor jeg bor.',
  '',
];

/**
 * Demo wishes and answers, so a matching round can be run from the first start: young people in
 * the network without an internship wish 2–4 published openings (the demo company's first, so its
 * contact has someone to answer), and the companies have answered most of them; and an upcoming
 * match event with some of them invited.
 */
export async function seedWishes(tx: Db, faker: Faker, now: Date, municipalityId: string, demoCompanyId: string): Promise<void> {
  const free = await tx
    .select({ id: youth.id })
    .from(youth)
    .where(
      and(
        eq(youth.municipalityId, municipalityId),
        inArray(youth.status, ['in_network', 'starting']),
        notExists(
          tx
            .select({ id: internships.id })
            .from(internships)
            .where(and(eq(internships.youthId, youth.id), inArray(internships.status, [...openStatuses]))),
        ),
      ),
    )
    .orderBy(asc(youth.firstName), asc(youth.lastName)); // by name, so the demo is the same every time
  const published = await tx
    .select({ id: openings.id, companyId: openings.companyId })
    .from(openings)
    .innerJoin(companies, eq(companies.id, openings.companyId))
    .where(and(eq(openings.municipalityId, municipalityId), eq(openings.published, true)))
    .orderBy(asc(companies.nameSort), asc(openings.title), asc(openings.weeklyHours));
  const demoOpenings = published.filter((o) => o.companyId === demoCompanyId);
  const others = published.filter((o) => o.companyId !== demoCompanyId);
  // Popular openings make the round interesting: a few get many wishes.
  const popular = others.slice(0, 6);
  const wishRows: (typeof wishes.$inferInsert)[] = [];
  const answerRows: (typeof companyAnswers.$inferInsert)[] = [];
  for (const [n, y] of free.entries()) {
    const count = faker.number.int({ min: 2, max: 4 });
    const picks = new Set<string>();
    if (n < 4 && demoOpenings[0]) picks.add(demoOpenings[0].id);
    while (picks.size < count) picks.add(faker.helpers.arrayElement(n % 2 ? popular : others).id);
    [...picks].forEach((openingId, i) => {
      wishRows.push({
        municipalityId,
        youthId: y.id,
        openingId,
        rank: i + 1,
        reason: faker.helpers.arrayElement(reasons),
        createdAt: now,
        updatedAt: now,
      });
      // The demo company has not answered yet (its contact does that in the demo); most others have.
      if (demoOpenings.some((o) => o.id === openingId) || faker.number.float() < 0.2) return;
      const notNow = faker.number.float() < 0.15;
      answerRows.push({
        municipalityId,
        openingId,
        youthId: y.id,
        answer: notNow ? 'not_now' : 'can_take',
        tier: notNow ? 1 : faker.helpers.arrayElement([1, 1, 2, 3]),
        answeredAt: now,
      });
    });
  }
  if (wishRows.length) await tx.insert(wishes).values(wishRows);
  if (answerRows.length) await tx.insert(companyAnswers).values(answerRows);

  // An upcoming match event with the demo company and some of the young people still looking.
  const eventDay = addDays(localDate(now), 10);
  const presented = [...demoOpenings.slice(0, 1), ...others.slice(0, 5)];
  const [event] = await tx
    .insert(matchEvents)
    .values({
      municipalityId,
      title: 'Match-event: mød virksomhederne',
      startsAt: localInstant(eventDay, '09:30'),
      endsAt: localInstant(eventDay, '12:00'),
      place: 'Jobcentret, mødelokale 2',
      programme:
        '09.30 Virksomhederne præsenterer sig (5 minutter hver).\n10.15 Korte 1:1-samtaler i tidsrum á 10 minutter.\n11.30 Snak i grupper: hvad var spændende?',
      createdAt: now,
    })
    .returning({ id: matchEvents.id });
  await tx.insert(matchEventOpenings).values(presented.map((o) => ({ eventId: event!.id, openingId: o.id })));
  await tx.insert(matchEventCompanies).values(
    [...new Set(presented.map((o) => o.companyId))].map((companyId, i) => ({
      eventId: event!.id,
      companyId,
      response: i % 3 === 1 ? ('pending' as const) : ('coming' as const),
      respondedAt: i % 3 === 1 ? null : now,
    })),
  );
  await tx.insert(matchEventYouth).values(
    free.slice(0, 10).map((y, i) => ({
      eventId: event!.id,
      youthId: y.id,
      response: i % 4 === 3 ? ('not_coming' as const) : i % 2 ? ('pending' as const) : ('coming' as const),
      respondedAt: i % 2 ? null : now,
    })),
  );
}
