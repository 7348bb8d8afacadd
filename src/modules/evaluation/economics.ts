import { discountFactor } from './planning.ts';

/** The prices and the effect the cost-effectiveness rests on. */
export interface EconomicsInput {
  staffMinutes: number;
  hourlyCost: number;
  otherCosts: number;
  /** NExTWORK participants in the trial (the cost is spread over them). */
  participants: number;
  /** The intention-to-treat effect on the share in a job or education (0–1) at the chosen horizon. */
  itt: number | null;
  takeup: number;
  benefitsPerYear: number;
  taxesPerYear: number;
  effectYears: number;
}

export interface Economics {
  totalCost: number;
  costPerParticipant: number;
  /** Cost per additional young person in a job or education: cost per participant ÷ ITT. */
  costPerAdditional: number | null;
  /** Present value of one more person in work: benefits saved and taxes gained, years 1…n, discounted. */
  valuePerPersonInWork: number;
  /** Expected public-finance gain per participant assigned: ITT × the value above. */
  gainPerParticipant: number | null;
  net: number | null;
  benefitCostRatio: number | null;
}

/**
 * Cost-effectiveness and the public-finance view, pure. Yearly gains are discounted with the
 * Danish Ministry of Finance rates (3.5 % years 1–35, 2.5 % 36–70, 1.5 % after); year 1 is the
 * first year after the effect is measured.
 */
export function economics(i: EconomicsInput): Economics {
  const totalCost = (i.staffMinutes / 60) * i.hourlyCost + i.otherCosts;
  const costPerParticipant = i.participants > 0 ? totalCost / i.participants : 0;
  const yearly = i.benefitsPerYear + i.taxesPerYear;
  let valuePerPersonInWork = 0;
  for (let year = 1; year <= i.effectYears; year++) valuePerPersonInWork += yearly * discountFactor(year);
  const effective = i.itt !== null && i.itt > 0 ? i.itt : null;
  const gainPerParticipant = i.itt === null ? null : i.itt * valuePerPersonInWork;
  return {
    totalCost,
    costPerParticipant,
    costPerAdditional: effective !== null ? costPerParticipant / effective : null,
    valuePerPersonInWork,
    gainPerParticipant,
    net: gainPerParticipant === null ? null : gainPerParticipant - costPerParticipant,
    benefitCostRatio: gainPerParticipant === null || costPerParticipant === 0 ? null : gainPerParticipant / costPerParticipant,
  };
}
