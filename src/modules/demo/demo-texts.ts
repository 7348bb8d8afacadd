import type { Faker } from '@faker-js/faker';
import type { Sealer } from '../../platform/crypto/sealed.ts';
import type { TradeSection } from '../companies/trades.ts';
import { defaultVisibility } from '../youth/youth.values.ts';
import type { TargetGroup, YouthStatus } from '../youth/youth.values.ts';

/** Made-up but realistic Danish texts for the demo network. */
export const areas: Record<string, string[]> = {
  roskilde: ['Roskilde', 'Himmelev', 'Trekroner', 'Svogerslev', 'Jyllinge', 'Gundsømagle', 'Viby Sjælland'],
  vejle: ['Vejle', 'Jelling', 'Give', 'Børkop', 'Egtved', 'Bredsten', 'Gadbjerg'],
};

export const reasons = [
  'Vi har selv fået en chance engang, og nu vil vi give en videre.',
  'Vi mangler hænder, og vi tror på, at unge kan lære faget hos os.',
  'Vi vil gerne være med til at gøre en forskel i lokalsamfundet.',
  'Vores medarbejdere kan lide at lære fra sig.',
  'Vi har haft gode erfaringer med praktikanter før.',
];

type Idea = [title: string, tasks: string, learning: string];

export const genericOpenings: Idea[] = [
  [
    'Hjælper i hverdagen',
    'Du hjælper kollegerne med de daglige opgaver, rydder op og tager imod varer.',
    'At møde til tiden, arbejde i et team og tage ansvar for dine opgaver.',
  ],
];

export const openingIdeas: Partial<Record<TradeSection, Idea[]>> = {
  A: [
    [
      'Gartnerhjælper',
      'Du planter, vander og pakker planter til butikkerne. Arbejdet foregår både inde og ude.',
      'Planter, redskaber og at arbejde i alt slags vejr.',
    ],
  ],
  C: [
    [
      'Hjælper i produktionen',
      'Du pakker varer, fylder maskinerne op og holder styr på lageret sammen med en fast kollega.',
      'Sikkerhed, kvalitet og at følge en arbejdsgang.',
    ],
    ['Bagerhjælper', 'Du former brød, bager af og gør klar til morgenens kunder.', 'Bagning, hygiejne og at arbejde tidligt om morgenen.'],
  ],
  D: [
    [
      'Hjælper på kraftvarmeværket',
      'Du går runder med teknikerne, tjekker pumper og holder værkstedet ryddeligt.',
      'Sikkerhed, værktøj og hvordan fjernvarme virker.',
    ],
  ],
  E: [
    [
      'Medhjælper på genbrugspladsen',
      'Du hjælper borgerne med at sortere affald rigtigt og holder pladsen ryddelig.',
      'Sortering, kundeservice og maskiner.',
    ],
  ],
  F: [
    [
      'Tømrerhjælper',
      'Du bærer materialer, måler op og hjælper med at sætte vinduer og døre i.',
      'Håndværktøj, opmåling og sikkerhed på byggepladsen.',
    ],
    ['Malerhjælper', 'Du afdækker, spartler og maler sammen med en svend.', 'Forarbejde, farver og at gøre et ordentligt stykke arbejde.'],
  ],
  G: [
    ['Butiksmedhjælper', 'Du fylder varer op, hjælper kunder og holder butikken pæn.', 'Kundeservice, kasse og varekendskab.'],
    ['Lagermedarbejder', 'Du modtager varer, pakker ordrer og kører med palleløfter.', 'Lagerstyring, orden og samarbejde.'],
  ],
  H: [
    [
      'Chaufførmedhjælper',
      'Du kører med på ruten, læsser af og hjælper kunderne med varerne.',
      'Logistik, ruteplanlægning og kundekontakt.',
    ],
  ],
  I: [
    ['Køkkenhjælper', 'Du skræller, snitter og anretter, og du holder køkkenet rent.', 'Madlavning, hygiejne og tempo i et travlt køkken.'],
    ['Caféhjælper', 'Du laver kaffe, tager imod bestillinger og rydder borde.', 'Kaffe, service og at have styr på mange ting på én gang.'],
  ],
  J: [
    [
      'IT-hjælper',
      'Du sætter computere op, hjælper kolleger med små problemer og holder styr på udstyret.',
      'Hardware, fejlfinding og at forklare ting enkelt.',
    ],
  ],
  N: [
    ['Anlægsgartnerhjælper', 'Du slår græs, klipper hæk og lægger fliser sammen med holdet.', 'Maskiner, planter og at arbejde udendørs.'],
  ],
  Q: [
    [
      'Hjælper på plejecentret',
      'Du hjælper i dagligstuen, spiller spil med beboerne og går ture.',
      'Omsorg, samtale og hvordan et plejecenter fungerer.',
    ],
    [
      'Hjælper i børnehaven',
      'Du leger med børnene, hjælper ved frokosten og på legepladsen.',
      'Børns behov, samarbejde med pædagoger og at være en voksen børn kan regne med.',
    ],
  ],
  R: [
    ['Hjælper i idrætscentret', 'Du gør hallen klar, hjælper ved arrangementer og tager imod gæster.', 'Drift, service og arrangementer.'],
  ],
  S: [
    ['Hjælper på autoværkstedet', 'Du skifter dæk, vasker biler og rydder værkstedet op.', 'Biler, værktøj og sikkerhed.'],
    ['Frisørhjælper', 'Du vasker hår, fejer op og tager imod kunderne.', 'Kundeservice og salonens hverdag.'],
  ],
};

const wishes = [
  'Lager og logistik',
  'Køkken og café',
  'Byggeri',
  'Butik',
  'Børn',
  'Dyr',
  'Værksted og biler',
  'IT',
  'Gartneri',
  'Plejecenter',
];
const strengths = [
  'At holde orden',
  'At lave mad',
  'At hjælpe andre',
  'At arbejde med hænderne',
  'Computere',
  'At møde til tiden',
  'At lære nye ting',
];
const values = ['Rolige omgivelser', 'Faste opgaver', 'Søde kolleger', 'At blive set', 'At være udenfor', 'Klar besked'];
const statusPlan: YouthStatus[] = [
  'referred',
  'starting',
  'in_network',
  'in_network',
  'in_network',
  'in_internship',
  'in_internship',
  'paused',
];

/** A made-up young person with a made-up (but valid-format) CPR number aged 18–29. */
/**
 * A plausible target group at referral, derived (not drawn, so the demo's random stream is
 * unchanged): few hours possible suggests "aktivitetsparat", the youngest are mostly
 * "uddannelsesparat", full weeks "jobparat".
 */
function demoTargetGroup(hours: number, birth: Date, now: Date): TargetGroup {
  const age = (now.getTime() - birth.getTime()) / (365.25 * 86_400_000);
  if (hours === 15) return 'aktivitetsparat';
  if (hours === 30) return age < 21 ? 'uddannelsesparat' : 'jobparat';
  if (age < 23) return 'uddannelsesparat';
  return hours === 25 ? 'jobparat' : birth.getUTCDate() % 5 === 0 ? 'other' : 'aktivitetsparat';
}

export function demoYouth(
  faker: Faker,
  person: { email: string; name: string },
  userId: string,
  municipalityId: string,
  now: Date,
  sealer: Sealer,
) {
  const [firstName, ...rest] = person.name.split(' ');
  const birth = faker.date.birthdate({ mode: 'age', min: 18, max: 29, refDate: now });
  const yy = birth.getUTCFullYear() % 100;
  const first = birth.getUTCFullYear() >= 2000 ? 4 : faker.helpers.arrayElement([0, 1, 2, 3]);
  const digits = `${String(birth.getUTCDate()).padStart(2, '0')}${String(birth.getUTCMonth() + 1).padStart(2, '0')}${String(yy).padStart(2, '0')}${first}${faker.string.numeric(3)}`;
  const share = faker.number.int({ min: 0, max: 3 });
  const hoursPossible = faker.helpers.arrayElement([15, 20, 25, 30]);
  return {
    municipalityId,
    userId,
    firstName: firstName!,
    lastName: rest.join(' '),
    email: person.email,
    phone: `${faker.helpers.arrayElement(['2', '3', '4', '5', '6'])}${faker.string.numeric(7)}`,
    cprSealed: sealer.seal(digits),
    cprHash: sealer.lookupHash(digits),
    birthDate: birth.toISOString().slice(0, 10),
    referringCaseworker: faker.person.fullName(),
    referredOn: new Date(now.getTime() - faker.number.int({ min: 7, max: 300 }) * 86_400_000).toISOString().slice(0, 10),
    hoursPossible,
    eligibilityNote: '',
    targetGroup: demoTargetGroup(hoursPossible, birth, now),
    status: faker.helpers.arrayElement(statusPlan),
    statusSince: now,
    wishToTry: faker.helpers.arrayElements(wishes, { min: 1, max: 2 }).join(', '),
    goodAt: faker.helpers.arrayElements(strengths, { min: 1, max: 3 }).join(', '),
    mattersAtWork: faker.helpers.arrayElement(values),
    practicalHours: faker.helpers.arrayElement(['Formiddage', 'Hele dage', '20 timer om ugen', 'Ikke weekender']),
    practicalTransport: faker.helpers.arrayElement(['Cykel', 'Bus', 'Bil', 'Tog og cykel']),
    canStartOn: null,
    visibility: { ...defaultVisibility, values: share > 0, practical: share > 1, fullName: share > 2 },
    createdAt: now,
    updatedAt: now,
  };
}
