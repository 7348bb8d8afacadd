import type { Faker } from '@faker-js/faker';
import { and, asc, eq, inArray, notExists } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { companies, openings } from '../companies/companies.schema.ts';
import { internships, openStatuses } from '../internships/internships.schema.ts';
import { companyAnswers, wishes } from '../matching/matching.schema.ts';
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
 * contact has someone to answer), and the companies have answered most of them.
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
    .orderBy(asc(youth.createdAt), asc(youth.id));
  const published = await tx
    .select({ id: openings.id, companyId: openings.companyId })
    .from(openings)
    .innerJoin(companies, eq(companies.id, openings.companyId))
    .where(and(eq(openings.municipalityId, municipalityId), eq(openings.published, true)))
    .orderBy(asc(openings.createdAt), asc(openings.id));
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
}
