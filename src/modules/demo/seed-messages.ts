import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { companyContacts } from '../companies/companies.schema.ts';
import { internships } from '../internships/internships.schema.ts';
import { conversationMessages, conversationReads, conversations } from '../messages/messages.schema.ts';
import type { MessageSide } from '../messages/messages.values.ts';
import { youth } from '../youth/youth.schema.ts';

interface SeedInput {
  municipalityId: string;
  demoYouthId: string;
  counsellorUserId: string;
  consultantUserId: string;
}

type Line = { by: 'youth' | 'counsellor' | 'consultant' | 'company'; text: string; minutesAgo: number };

const team: Line[] = [
  {
    by: 'counsellor',
    text: 'Hej {name}! Hvordan går det i praktikken? Sig til, hvis du vil have en snak i denne uge.',
    minutesAgo: 2 * 1440 + 300,
  },
  { by: 'youth', text: 'Det går godt. Jeg vil gerne snakke om, hvad jeg skal bagefter.', minutesAgo: 2 * 1440 + 240 },
  {
    by: 'counsellor',
    text: 'Godt! Vi tager en snak torsdag efter gruppen. Tænk over, hvad du har været gladest for.',
    minutesAgo: 2 * 1440 + 200,
  },
];
const internship: Line[] = [
  { by: 'youth', text: 'Hej. Jeg kommer et kvarter senere i morgen, fordi jeg skal til tandlæge.', minutesAgo: 1440 + 120 },
  { by: 'company', text: 'Det er helt i orden. Tak, fordi du siger til.', minutesAgo: 1440 + 60 },
  { by: 'youth', text: 'Må jeg prøve at stå i kassen igen på fredag?', minutesAgo: 90 },
  { by: 'consultant', text: 'Hej begge. Jeg kommer forbi til en kort opfølgning onsdag kl. 10.', minutesAgo: 30 },
];

/**
 * The demo young person's conversations: with the team (all read) and in their internship with the
 * company's contact and the consultant, where the last two messages are still unread for the company.
 */
export async function seedMessages(tx: Db, now: Date, input: SeedInput): Promise<void> {
  const [y] = await tx.select().from(youth).where(eq(youth.id, input.demoYouthId)).limit(1);
  const [i] = await tx.select().from(internships).where(eq(internships.youthId, input.demoYouthId)).limit(1);
  if (!y?.userId || !i) return;
  const [contact] = await tx
    .select({ userId: companyContacts.userId })
    .from(companyContacts)
    .where(and(eq(companyContacts.companyId, i.companyId)))
    .orderBy(asc(companyContacts.userId))
    .limit(1);
  const companyUserId = i.supervisorUserId ?? contact?.userId;
  if (!companyUserId) return;
  const people: Record<Line['by'], { userId: string; side: MessageSide }> = {
    youth: { userId: y.userId, side: 'youth' },
    counsellor: { userId: input.counsellorUserId, side: 'team' },
    consultant: { userId: i.consultantUserId ?? input.consultantUserId, side: 'team' },
    company: { userId: companyUserId, side: 'company' },
  };
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

  const seed = async (
    kind: 'team' | 'internship',
    subjectId: string,
    companyId: string | null,
    lines: Line[],
    readBy: Record<string, number>,
  ) => {
    const [c] = await tx
      .insert(conversations)
      .values({
        municipalityId: input.municipalityId,
        youthId: y.id,
        kind,
        subjectId,
        companyId,
        createdAt: ago(lines[0]!.minutesAgo),
        lastMessageAt: ago(lines.at(-1)!.minutesAgo),
      })
      .returning({ id: conversations.id });
    const rows = await tx
      .insert(conversationMessages)
      .values(
        lines.map((l) => ({
          conversationId: c!.id,
          authorUserId: people[l.by].userId,
          side: people[l.by].side,
          body: l.text.replace('{name}', y.firstName),
          createdAt: ago(l.minutesAgo),
        })),
      )
      .returning({ seq: conversationMessages.seq });
    // Each reader has read up to the n-th message.
    await tx.insert(conversationReads).values(
      Object.entries(readBy).map(([userId, n]) => ({
        conversationId: c!.id,
        userId,
        lastReadSeq: rows[n - 1]!.seq,
        readAt: ago(lines[n - 1]!.minutesAgo),
      })),
    );
  };
  await seed('team', y.id, null, team, { [people.youth.userId]: 3, [people.counsellor.userId]: 2 });
  // The company's contact has read up to their own answer: two new messages wait for them.
  await seed('internship', i.id, i.companyId, internship, {
    [people.youth.userId]: 2,
    [people.company.userId]: 2,
    [people.consultant.userId]: 3,
  });
}
