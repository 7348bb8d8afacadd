/** A partnership agreement's status (ViVirk'R). */
export const partnershipStatuses = ['planned', 'active', 'ended'] as const;
export type PartnershipStatus = (typeof partnershipStatuses)[number];

/** ViVirk'R's agreements: 10 young people per partnership (seed 004). */
export const DEFAULT_PARTNERSHIP_TARGET = 10;
