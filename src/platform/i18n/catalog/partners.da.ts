/**
 * Danish: ViVirk'R (#17) — the competence passport, written with the young person and shared per
 * named recipient with their consent.
 */
export const partnersDa = {
  // Audit labels.
  'audit.action.passport.edit': 'Skrev i den unges kompetencepas',
  'audit.action.passport.list': 'Så den unges navn blandt de kompetencepas, der er delt med dem',
  'audit.action.passport.own': 'Åbnede sit eget kompetencepas',
  'audit.action.passport.pdf': 'Hentede kompetencepasset som PDF',
  'audit.action.passport.read': 'Læste den unges kompetencepas',
  'audit.action.passport.share': 'Delte kompetencepasset med en person',
  'audit.action.passport.update': 'Skrev i kompetencepasset',
  'audit.action.passport.withdraw': 'Trak samtykket til kompetencepasset tilbage',
  'audit.mine.passport.read': 'Læste dit kompetencepas',
  'audit.mine.passport.edit': 'Skrev i dit kompetencepas',
  'audit.mine.passport.list': 'Så, at du har delt dit kompetencepas med dem',

  // Validation.
  'validation.passport_what': 'Skriv, hvad du kan — eller tøm rækken.',
  'validation.passport_strengths': 'Du kan skrive højst 10 styrker.',
  'validation.passport_recipient': 'Vælg en af personerne på listen.',

  // The young person's passport.
  'nav.passports': 'Kompetencepas',
  'nav.my_passport': 'Mit kompetencepas',
  'passport.title': 'Mit kompetencepas',
  'passport.intro':
    'Dit kompetencepas fortæller, hvad du kan, og hvad der hjælper dig. Du skriver det selv — gerne sammen med din vejleder. Kun de personer, du vælger, kan læse det.',
  'passport.strengths': 'Det kan jeg — vist i praksis',
  'passport.strengths_hint': 'Skriv en styrke eller kompetence, og hvor og hvornår du har vist den. Tomme rækker gemmes ikke.',
  'passport.strength_n': 'Styrke {n}',
  'passport.what': 'Hvad kan du?',
  'passport.where': 'Hvor?',
  'passport.when': 'Hvornår?',
  'passport.support': 'Den støtte, der hjælper mig',
  'passport.accommodations': 'Det skal der tages hensyn til',
  'passport.notWorking': 'Det virker ikke for mig',
  'passport.ownWords': 'Med mine egne ord',
  'passport.save': 'Gem kompetencepas',
  'passport.saved': 'Dit kompetencepas er gemt.',
  'passport.empty': 'Ikke skrevet endnu.',
  'passport.pdf': 'Hent som PDF',
  'passport.updated': 'Senest ændret {date:date}',

  // Sharing.
  'passport.sharing': 'Hvem kan læse det?',
  'passport.sharing_lead':
    'Du bestemmer, hvem der må læse dit kompetencepas. Du kan trække dit samtykke tilbage når som helst — så kan personen ikke læse det længere. Du kan se hver gang, nogen har læst det, under Mine data.',
  'passport.save_first': 'Gem dit kompetencepas først. Så kan du vælge, hvem der må læse det.',
  'passport.nobody': 'Ingen kan læse dit kompetencepas endnu.',
  'passport.consent_since': 'Må læse det siden {date:date}',
  'passport.withdraw': 'Træk samtykke tilbage fra {name}',
  'passport.withdraw_short': 'Træk samtykke tilbage',
  'passport.withdrawn': '{name} kan ikke længere læse dit kompetencepas.',
  'passport.share_with': 'Del med',
  'passport.share_hint': 'Personer fra din praktik, dine ønskede virksomheder, dit team, din sagsbehandler og dit uddannelsessted.',
  'passport.choose': 'Vælg en person',
  'passport.share': 'Giv adgang',
  'passport.shared': '{name} kan nu læse dit kompetencepas.',
  'passport.no_candidates': 'Der er ingen flere personer, du kan dele med lige nu.',
  'passport.kind.company': '{role} hos {company}',
  'passport.kind.team': '{role}',
  'passport.kind.caseworker': 'Din sagsbehandler',
  'passport.kind.education': 'Dit uddannelsessted',

  // The reader's side.
  'passport.shared_title': 'Kompetencepas, der er delt med dig',
  'passport.shared_lead':
    'De unge, der har givet dig lov til at læse deres kompetencepas. Den unge kan trække sin tilladelse tilbage når som helst.',
  'passport.shared_none': 'Ingen har delt et kompetencepas med dig.',
  'passport.shared_since': 'Delt med dig {date:date}',
  'passport.of': 'Kompetencepas: {name}',
  'passport.read_note': 'Den unge har givet dig lov til at læse det. Din læsning bliver vist i den unges log.',
  'passport.edit_title': 'Skriv sammen med den unge',
  'passport.edited': 'Kompetencepasset er gemt.',
  'passport.pdf_title': 'Kompetencepas for {name}',
  'passport.pdf_made': 'Hentet {date}',
} as const;
