import { Faker, da, base } from '@faker-js/faker';
import { count, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { localDate } from '../../platform/dates.ts';
import type { Role } from '../../platform/access/roles.ts';
import { memberships, oneTimeTokens, users } from '../accounts/accounts.schema.ts';
import { newToken } from '../../platform/crypto/tokens.ts';
import { hashPassword } from '../accounts/accounts.service.ts';
import { companies, companyContacts, companyStatusHistory, openings } from '../companies/companies.schema.ts';
import { type CompanyStatus, companySizes } from '../companies/companies.values.ts';
import { danishSortKey } from '../../platform/i18n/sort-key.ts';
import { areas, demoYouth, genericOpenings, openingIdeas, reasons } from './demo-texts.ts';
import type { Sealer } from '../../platform/crypto/sealed.ts';
import { youth, youthStatusHistory } from '../youth/youth.schema.ts';
import { INVITATION_ACCEPTED } from '../youth/youth.values.ts';
import { withCvrCheckDigit } from '../companies/cvr.ts';
import { type TradeSection, tradeSectionCodes } from '../companies/trades.ts';
import { municipalities } from '../municipalities/municipalities.schema.ts';
import { modelRules } from '../municipalities/model-rules.ts';
import { DEMO_PASSWORD, demoEmail, demoMunicipalities, demoWithOfferEmail } from './demo-accounts.ts';
import { seedInternships } from './seed-internships.ts';
import { seedWishes } from './seed-matching.ts';
import { seedNetworkMeetings } from './seed-network-meetings.ts';
import { seedGroups } from './seed-groups.ts';
import { seedPassports } from './seed-passports.ts';
import { seedMessages } from './seed-messages.ts';
import { seedLibrary } from './seed-library.ts';
import { seedOffers } from './seed-offers.ts';
import { seedTrial, seedTrialCosts } from './seed-trial.ts';
import { seedExits } from './seed-exits.ts';

const YOUTH_PER_MUNICIPALITY = 42;

/** Who leads the demo groups, in order: the demo youth counsellor, the demo network consultant, the other counsellors. */
function groupLeaders(people: { role: Role }[], rows: { id: string }[]): string[] {
  const of = (role: Role) => people.flatMap((p, i) => (p.role === role ? [rows[i]!.id] : []));
  const [first, ...others] = of('youth_counsellor');
  return [first!, of('network_consultant')[0]!, ...others];
}
const COMPANIES_PER_MUNICIPALITY = 60;
/** A team as the model describes it: a leader, three network consultants, an entrepreneur, a psychologist, counsellors. */
const teamShape: [Role, number][] = [
  ['team_leader', 1],
  ['network_consultant', 3],
  ['entrepreneur', 1],
  ['psychologist', 1],
  ['youth_counsellor', 3],
  ['municipality_admin', 1],
  ['caseworker', 2],
  ['education_contact', 1],
  ['ngo_coordinator', 1],
  // A leader from the labour-market administration: the programme overview (#16).
  ['labour_market_leader', 1],
];

const companyWords: Record<TradeSection, string[]> = {
  A: ['Gartneri', 'Landbrug', 'Planteskole'],
  B: ['Grusgrav'],
  C: ['Smedje', 'Bageri', 'Møbelsnedkeri', 'Trykkeri'],
  D: ['Kraftvarmeværk', 'Solcellepark'],
  E: ['Genbrugsplads', 'Renovation'],
  F: ['Tømrer', 'Murer', 'VVS', 'Maler'],
  G: ['Supermarked', 'Byggemarked', 'Cykelhandel', 'Tøjbutik'],
  H: ['Vognmand', 'Flyttefirma', 'Lager og logistik'],
  I: ['Café', 'Restaurant', 'Kantine', 'Hotel'],
  J: ['Webbureau', 'IT-support'],
  K: ['Sparekasse'],
  L: ['Boligforening'],
  M: ['Arkitekter', 'Revisorhus'],
  N: ['Rengøring', 'Vinduespudser', 'Anlægsgartner'],
  O: ['Materielgård'],
  P: ['Produktionsskole'],
  Q: ['Plejecenter', 'Børnehave', 'Dyreklinik'],
  R: ['Idrætscenter', 'Spillested', 'Museum'],
  S: ['Frisør', 'Autoværksted'],
};

/** Seeds a demo network when the database is empty: idempotent, deterministic. */
export async function seedDemo(db: Db, now: Date, sealer: Sealer): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(municipalities);
  if (Number(row?.n ?? 0) > 0) return false;
  const faker = new Faker({ locale: [da, base], seed: 2026 });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const insertUsers = async (list: { email: string; name: string }[]) =>
      tx
        .insert(users)
        .values(list.map((u) => ({ ...u, passwordHash, createdAt: now })))
        .returning({ id: users.id });
    const cross = await insertUsers(
      (['system_admin', 'programme_lead', 'researcher'] as const).map((role) => ({
        email: demoEmail(role, null),
        name: faker.person.fullName(),
      })),
    );
    await tx.insert(memberships).values(
      (['system_admin', 'programme_lead', 'researcher'] as const).map((role, i) => ({
        userId: cross[i]!.id,
        role,
        municipalityId: null,
        createdAt: now,
      })),
    );
    let cvrSerial = 3_100_000;
    const libraryAuthors: { municipalityId: string; userId: string }[] = [];
    let trialMunicipality: { id: string; code: string; teamUserIds: string[]; youthIds: string[] } | undefined;
    const former: { id: string; slug: string; former: number }[] = [];
    for (const dm of demoMunicipalities) {
      const [m] = await tx.insert(municipalities).values({ name: dm.name, code: dm.code, createdAt: now }).returning();
      const municipalityId = m!.id;
      former.push({ id: municipalityId, slug: dm.slug, former: former.length === 0 ? 14 : 10 });
      const rules = modelRules(m);
      const people: { email: string; name: string; role: Role }[] = [];
      const add = (role: Role, n: number) => {
        for (let i = 0; i < n; i++) {
          const first = faker.person.firstName();
          const last = faker.person.lastName();
          const email =
            i === 0
              ? demoEmail(role, dm)
              : `${first}.${last}.${people.length}@${dm.slug}.nextwork.test`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
          people.push({ email, name: `${first} ${last}`, role });
        }
      };
      for (const [role, n] of teamShape) add(role, n);
      add('youth', YOUTH_PER_MUNICIPALITY);
      const rows = await insertUsers(people);
      await tx.insert(memberships).values(people.map((p, i) => ({ userId: rows[i]!.id, role: p.role, municipalityId, createdAt: now })));
      const youthRows = people.flatMap((p, i) =>
        p.role === 'youth'
          ? [{ ...demoYouth(faker, p, rows[i]!.id, municipalityId, now, sealer), caseworkerUserId: null as string | null }]
          : [],
      );
      // Each young person has a jobcentre caseworker, linked as a user (the demo caseworker has every
      // other one, the demo young person among them), so the caseworker's home is not empty.
      const caseworkers = people.flatMap((p, i) => (p.role === 'caseworker' ? [{ id: rows[i]!.id, name: p.name }] : []));
      youthRows.forEach((y, i) => {
        const cw = caseworkers[i % caseworkers.length]!;
        y.caseworkerUserId = cw.id;
        y.referringCaseworker = cw.name;
      });
      // The demo young person's account is in an internship, so its pages show the work trail.
      youthRows[0]!.status = 'in_internship';
      // Referred 100 days ago, so two 6-week report periods have ended.
      youthRows[0]!.referredOn = localDate(new Date(now.getTime() - 100 * 86_400_000));
      const insertedYouth = await tx
        .insert(youth)
        .values(youthRows)
        .returning({ id: youth.id, status: youth.status, referredOn: youth.referredOn, userId: youth.userId });
      // Consistent with decision 0021: a young person still referred has not accepted the invitation,
      // so has no account yet, only an open invitation; one who is starting accepted it themselves.
      const referred = insertedYouth.filter((y) => y.status === 'referred');
      if (referred.length) {
        const accounts = referred.map((y) => y.userId!);
        await tx
          .update(youth)
          .set({ userId: null })
          .where(
            inArray(
              youth.id,
              referred.map((y) => y.id),
            ),
          );
        await tx.delete(memberships).where(inArray(memberships.userId, accounts));
        await tx.delete(users).where(inArray(users.id, accounts));
        const consultant = rows[people.findIndex((p) => p.role === 'network_consultant')]!.id;
        await tx.insert(oneTimeTokens).values(
          referred.map((y) => {
            const row = youthRows[insertedYouth.indexOf(y)]!;
            return {
              id: newToken().id,
              purpose: 'invitation',
              email: row.email,
              name: `${row.firstName} ${row.lastName}`,
              role: 'youth',
              municipalityId,
              invitedBy: consultant,
              youthId: y.id,
              createdAt: now,
              expiresAt: new Date(now.getTime() + 7 * 86_400_000),
            };
          }),
        );
        for (const y of referred) y.userId = null;
      }
      await tx.insert(youthStatusHistory).values(
        insertedYouth.flatMap((y) =>
          y.status === 'starting'
            ? [
                { youthId: y.id, fromStatus: null, toStatus: 'referred', at: new Date(`${y.referredOn}T09:00:00Z`) },
                { youthId: y.id, fromStatus: 'referred', toStatus: 'starting', reason: INVITATION_ACCEPTED, at: now, byUserId: y.userId },
              ]
            : [{ youthId: y.id, fromStatus: null, toStatus: y.status, at: now }],
        ),
      );

      const companyRows = Array.from({ length: COMPANIES_PER_MUNICIPALITY }, (_, i) => {
        const trade = faker.helpers.arrayElement(tradeSectionCodes.filter((c) => c !== 'O' || i % 10 === 0));
        let cvr: string | undefined;
        while (!cvr) cvr = withCvrCheckDigit(String(cvrSerial++));
        const status: CompanyStatus = i < 48 ? 'active' : i < 52 ? 'onboarding' : i < 56 ? 'prospect' : 'resting';
        const name = `${faker.person.lastName()}s ${faker.helpers.arrayElement(companyWords[trade])}`;
        return {
          municipalityId,
          name,
          nameSort: danishSortKey(name),
          cvr,
          tradeSection: trade,
          address: faker.location.streetAddress(),
          postalCode: faker.location.zipCode('####'),
          area: faker.helpers.arrayElement(areas[dm.slug] ?? [dm.name]),
          size: faker.helpers.arrayElement(companySizes),
          whyJoined: faker.helpers.arrayElement(reasons),
          networkStatus: status,
          createdAt: now,
          updatedAt: now,
        };
      });
      const inserted = await tx.insert(companies).values(companyRows).returning({ id: companies.id });
      await tx
        .insert(companyStatusHistory)
        .values(inserted.map((c, i) => ({ companyId: c.id, fromStatus: null, toStatus: companyRows[i]!.networkStatus, at: now })));
      const contacts = inserted.map((c, i) => {
        const first = faker.person.firstName();
        const last = faker.person.lastName();
        return {
          companyId: c.id,
          email:
            i === 0
              ? demoEmail('company_contact', dm)
              : `${first}.${last}.k${i}@${dm.slug}.nextwork.test`.toLowerCase().replace(/[^a-z0-9.@]/g, ''),
          name: `${first} ${last}`,
        };
      });
      const contactUsers = await insertUsers(contacts);
      await tx
        .insert(memberships)
        .values(contactUsers.map((u) => ({ userId: u.id, role: 'company_contact', municipalityId, createdAt: now })));
      await tx.insert(companyContacts).values(contactUsers.map((u, i) => ({ userId: u.id, companyId: contacts[i]!.companyId })));
      // One or two openings per company in the network; most are shown to the young people.
      const openingRows = inserted.flatMap((c, i) => {
        const row = companyRows[i]!;
        if (row.networkStatus !== 'active' && row.networkStatus !== 'onboarding') return [];
        return Array.from({ length: 1 + (i % 2) }, (_, k) => {
          const [title, tasks, learning] = faker.helpers.arrayElement(openingIdeas[row.tradeSection] ?? genericOpenings);
          return {
            municipalityId,
            companyId: c.id,
            title,
            tasks,
            place: `${row.address}, ${row.area}`,
            weeklyHours: faker.helpers.arrayElement([15, 20, 25, 30, 37]),
            durationMonths: faker.helpers.arrayElement([3, 3, 4, 6]),
            seats: faker.helpers.arrayElement([1, 1, 2, 3]),
            startFrom: new Date(now.getTime() + faker.number.int({ min: 0, max: 60 }) * 86_400_000).toISOString().slice(0, 10),
            learning,
            supervisorUserId: contactUsers[i]!.id,
            published: (i + k) % 5 !== 4,
            createdAt: now,
            updatedAt: now,
          };
        });
      });
      const insertedOpenings = await tx.insert(openings).values(openingRows).returning({
        id: openings.id,
        companyId: openings.companyId,
        title: openings.title,
        supervisorUserId: openings.supervisorUserId,
        weeklyHours: openings.weeklyHours,
      });
      await seedInternships(tx, faker, now, {
        municipalityId,
        consultantUserId: rows[people.findIndex((p) => p.role === 'network_consultant')]!.id,
        youth: insertedYouth,
        openings: insertedOpenings,
      });
      await seedWishes(tx, faker, now, municipalityId, inserted[0]!.id);
      await seedOffers(tx, now, {
        municipalityId,
        demoCompanyId: inserted[0]!.id,
        demoCompanyContactId: contactUsers[0]!.id,
        withOfferEmail: demoWithOfferEmail(dm),
      });
      trialMunicipality ??= {
        id: municipalityId,
        code: dm.code,
        teamUserIds: people.flatMap((p, i) =>
          ['network_consultant', 'youth_counsellor', 'team_leader'].includes(p.role) ? [rows[i]!.id] : [],
        ),
        youthIds: insertedYouth.filter((y) => y.status !== 'referred').map((y) => y.id),
      };
      await seedGroups(tx, faker, now, {
        municipalityId,
        area: dm.name,
        // Seed 001's team: the groups are led by the youth counsellors and, the second one, by a
        // network consultant (the demo one) — being a group's counsellor is an assignment.
        counsellorUserIds: groupLeaders(people, rows),
        sizes: { min: rules.groupSizeMin, max: rules.groupSizeMax },
        youth: insertedYouth,
        demoYouthId: insertedYouth[0]!.id,
      });
      await seedNetworkMeetings(tx, now, {
        municipalityId,
        area: dm.name,
        entrepreneurUserId: rows[people.findIndex((p) => p.role === 'entrepreneur')]!.id,
        companies: inserted.map((c, i) => ({
          id: c.id,
          active: companyRows[i]!.networkStatus === 'active',
          contactUserId: contactUsers[i]!.id,
        })),
      });
      await seedPassports(tx, now, {
        municipalityId,
        demoYouthId: insertedYouth[0]!.id,
        educationContactUserId: rows[people.findIndex((p) => p.role === 'education_contact')]!.id,
        teamLeaderUserId: rows[people.findIndex((p) => p.role === 'team_leader')]!.id,
      });
      await seedMessages(tx, now, {
        municipalityId,
        demoYouthId: insertedYouth[0]!.id,
        counsellorUserId: rows[people.findIndex((p) => p.role === 'youth_counsellor')]!.id,
        consultantUserId: rows[people.findIndex((p) => p.role === 'network_consultant')]!.id,
      });
      libraryAuthors.push({ municipalityId, userId: rows[people.findIndex((p) => p.role === 'network_consultant')]!.id });
    }
    await seedLibrary(tx, now, { programmeLeadUserId: cross[1]!.id, authors: libraryAuthors });
    // A finished demo trial in the first municipality, from its own random stream.
    const trialFaker = new Faker({ locale: [da, base], seed: 2024 });
    await seedTrial(tx, trialFaker, now, sealer, trialMunicipality!);
    await seedTrialCosts(tx, trialFaker, now, trialMunicipality!);
    // Former young people with their exits and follow-ups (#16), from their own random stream.
    await seedExits(tx, now, sealer, former);
  });
  return true;
}
