/** Dansk Branchekode 2007 (DB07), main sections. */
export const tradeSections = {
  A: { da: 'Landbrug, skovbrug og fiskeri', en: 'Agriculture, forestry and fishing' },
  B: { da: 'Råstofindvinding', en: 'Mining and quarrying' },
  C: { da: 'Fremstillingsvirksomhed', en: 'Manufacturing' },
  D: { da: 'Energiforsyning', en: 'Energy supply' },
  E: { da: 'Vandforsyning og renovation', en: 'Water supply and waste management' },
  F: { da: 'Bygge og anlæg', en: 'Construction' },
  G: { da: 'Handel', en: 'Wholesale and retail trade' },
  H: { da: 'Transport', en: 'Transport' },
  I: { da: 'Hoteller og restauranter', en: 'Hotels and restaurants' },
  J: { da: 'Information og kommunikation', en: 'Information and communication' },
  K: { da: 'Finansiering og forsikring', en: 'Finance and insurance' },
  L: { da: 'Ejendomshandel og udlejning', en: 'Real estate' },
  M: { da: 'Videnservice', en: 'Knowledge-based services' },
  N: { da: 'Rejsebureauer, rengøring og anden operationel service', en: 'Travel agencies, cleaning and other operational services' },
  O: { da: 'Offentlig administration, forsvar og politi', en: 'Public administration, defence and police' },
  P: { da: 'Undervisning', en: 'Education' },
  Q: { da: 'Sundhed og socialvæsen', en: 'Health and social work' },
  R: { da: 'Kultur, fritid og sport', en: 'Arts, entertainment and recreation' },
  S: { da: 'Andre serviceydelser', en: 'Other service activities' },
} as const;

export type TradeSection = keyof typeof tradeSections;
export const tradeSectionCodes = Object.keys(tradeSections) as TradeSection[];
