import { and, asc, eq, inArray, notExists, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { addDays, localDate } from '../../platform/dates.ts';
import { users } from '../accounts/accounts.schema.ts';
import { companies, openings } from '../companies/companies.schema.ts';
import { internships } from '../internships/internships.schema.ts';
import { openStatuses } from '../internships/internships.values.ts';
import { defaultModelRules } from '../municipalities/model-rules.ts';
import { internshipOffers } from '../offers/offers.schema.ts';
import { youth } from '../youth/youth.schema.ts';

const messages = [
  'Hej! Vi talte sammen i telefonen i går. Vi vil rigtig gerne have dig hos os — du møder Lise første dag.',
  'Vi så din profil og tror, du vil passe godt ind. Sig til, hvis du vil komme forbi og se stedet først.',
  'Tak for en god snak til match-eventet. Pladsen er din, hvis du vil.',
];

/**
 * Open direct offers: three young people in the network have one from a company with a free seat
 * (one from the demo company, so its contact sees an offer awaiting an answer), and the first of
 * them signs in as the demo young person with an offer (`withOfferEmail`).
 */
export async function seedOffers(
  tx: Db,
  now: Date,
  input: { municipalityId: string; demoCompanyId: string; demoCompanyContactId: string; withOfferEmail: string },
): Promise<void> {
  const today = localDate(now);
  // The demo company's openings can start now, so its contact can make (and show) an offer.
  await tx
    .update(openings)
    .set({ startFrom: today })
    .where(
      and(
        eq(openings.companyId, input.demoCompanyId),
        sql`${openings.startFrom} > ${addDays(today, defaultModelRules.startWithinDays)}::date`,
      ),
    );
  const free = await tx
    .select({ id: youth.id, userId: youth.userId })
    .from(youth)
    .where(
      and(
        eq(youth.municipalityId, input.municipalityId),
        eq(youth.status, 'in_network'),
        sql`${youth.userId} is not null`,
        notExists(
          tx
            .select({ id: internships.id })
            .from(internships)
            .where(and(eq(internships.youthId, youth.id), inArray(internships.status, [...openStatuses]))),
        ),
      ),
    )
    .orderBy(asc(youth.lastName), asc(youth.firstName));
  const withSeats = await tx
    .select({ id: openings.id, companyId: openings.companyId, supervisorUserId: openings.supervisorUserId })
    .from(openings)
    .innerJoin(companies, eq(companies.id, openings.companyId))
    .where(
      and(
        eq(openings.municipalityId, input.municipalityId),
        eq(openings.published, true),
        sql`${openings.seats} > public.nw_seats_taken(${openings.id}, ${today}::date)`,
        // As the service requires: an offer must be able to start within the municipality's days (the demo's are the defaults).
        sql`${openings.startFrom} <= ${addDays(today, defaultModelRules.startWithinDays)}::date`,
      ),
    )
    .orderBy(asc(companies.nameSort), asc(openings.title));
  const fromDemo = withSeats.find((o) => o.companyId === input.demoCompanyId);
  const others = withSeats.filter((o) => o.companyId !== input.demoCompanyId);
  // The last of the free young people, so those who wished the demo company's opening keep waiting for its answer.
  const chosen = free.slice(-3);
  const picks = [others[0], fromDemo ?? others[1], others[2]];
  const rows = chosen.flatMap((y, n) => {
    const o = picks[n];
    if (!o) return [];
    return [
      {
        municipalityId: input.municipalityId,
        companyId: o.companyId,
        openingId: o.id,
        youthId: y.id,
        source: n === 0 ? ('call' as const) : ('directory' as const),
        message: messages[n]!,
        answerBy: addDays(today, 3 + n),
        madeByUserId: o.companyId === input.demoCompanyId ? input.demoCompanyContactId : o.supervisorUserId,
        madeAt: new Date(now.getTime() - (n + 1) * 3_600_000),
      },
    ];
  });
  if (rows.length) await tx.insert(internshipOffers).values(rows);
  const first = chosen[0];
  if (first?.userId) {
    await tx.update(users).set({ email: input.withOfferEmail }).where(eq(users.id, first.userId));
    await tx.update(youth).set({ email: input.withOfferEmail }).where(eq(youth.id, first.id));
  }
}
