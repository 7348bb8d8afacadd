import type { Db } from '../../platform/db/client.ts';
import { libraryEntries } from '../library/library.schema.ts';
import type { LibraryKind } from '../library/library.values.ts';

interface Author {
  municipalityId: string;
  userId: string;
}

const day = 86_400_000;

/** The shared library's first shelf: methods and a case story from the demo municipalities, one pinned by the programme lead. */
export async function seedLibrary(tx: Db, now: Date, input: { programmeLeadUserId: string; authors: Author[] }): Promise<void> {
  const [first, second] = input.authors;
  const entries: {
    kind: LibraryKind;
    title: string;
    body: string;
    tags: string[];
    by: Author | null;
    daysAgo: number;
    pinned?: boolean;
  }[] = [
    {
      kind: 'method',
      title: 'Matchdagen: virksomheder og unge mødes uden CV',
      body: 'Matchdagen er netværkets vigtigste dag. De unge møder virksomhederne ved små borde, 10 minutter ad gangen, og vælger selv.\n\n- Inviter 3 uger før, og ring til virksomhederne ugen før\n- Ingen CV: den unge fortæller, hvad de gerne vil prøve\n- Den unge skriver bagefter 3 ønsker; virksomhederne svarer inden for en uge\n\nVores erfaring: de unge, der har været med i en gruppe i nogle uger, får mest ud af dagen.',
      tags: ['matchdag', 'virksomheder', 'ønsker'],
      by: null,
      daysAgo: 40,
      pinned: true,
    },
    {
      kind: 'tool',
      title: 'Tjekliste til første dag i praktik',
      body: 'En side, som konsulenten gennemgår med virksomheden og den unge før første dag.\n\n- Hvem tager imod, og hvor?\n- Hvad skal den unge have med?\n- Hvem ringer den unge til, hvis noget går galt?\n- Hvornår er første opfølgning?',
      tags: ['praktik', 'første dag', 'virksomheder'],
      by: first ?? null,
      daysAgo: 21,
    },
    {
      kind: 'case_story',
      title: 'Fra aflyste møder til fast praktik (anonymiseret)',
      body: 'En ung mand på 24 aflyste de første tre møder. Gruppen blev vendepunktet: han kom, fordi de andre spurgte efter ham.\n\nHan valgte en praktik på et lager, fik en fast kontaktperson og startede 9 dage efter sit valg. Efter 4 måneder fik han løntilskud.\n\nDet, der virkede: korte beskeder i stedet for breve, og at virksomheden ringede selv før første dag.',
      tags: ['netværksgruppe', 'fastholdelse', 'forløb'],
      by: second ?? first ?? null,
      daysAgo: 12,
    },
    {
      kind: 'method',
      title: 'Check-in-runden på netværksholdet',
      body: 'Hver gruppemøde starter med en runde: "Hvordan har ugen været, 0 til 10, og hvorfor?"\n\nRunden tager højst 15 minutter. Den, der vil, kan sige pas.',
      tags: ['netværksgruppe', 'check-in'],
      by: first ?? null,
      daysAgo: 5,
    },
  ];
  await tx.insert(libraryEntries).values(
    entries.map((e) => {
      const at = new Date(now.getTime() - e.daysAgo * day);
      return {
        kind: e.kind,
        title: e.title,
        body: e.body,
        tags: e.tags,
        municipalityId: e.by?.municipalityId ?? null,
        authorUserId: e.by?.userId ?? input.programmeLeadUserId,
        pinnedAt: e.pinned ? at : null,
        createdAt: at,
        updatedAt: at,
      };
    }),
  );
}
