/** The competence passport's limits, shared by the inputs, the views and the PDF. */
export const passportLimits = {
  /** Strengths and competences shown in practice, each with where and when. */
  strengths: 10,
  what: 200,
  where: 200,
  when: 100,
  /** Each of the free texts (support, accommodations, what does not work, own words). */
  text: 1500,
} as const;

/** The free texts of the passport, in the order the page and the PDF show them. */
export const passportTexts = ['support', 'accommodations', 'notWorking', 'ownWords'] as const;
export type PassportText = (typeof passportTexts)[number];

/** One strength or competence, shown in practice: what, where and when. */
export interface Strength {
  what: string;
  where: string;
  when: string;
}

/** Who a recipient is to the young person, for the list they choose from. */
export const recipientKinds = ['company', 'team', 'caseworker', 'education'] as const;
export type RecipientKind = (typeof recipientKinds)[number];
