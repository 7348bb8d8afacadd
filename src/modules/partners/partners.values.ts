/** A partnership agreement's status (ViVirk'R). */
export const partnershipStatuses = ['planned', 'active', 'ended'] as const;
export type PartnershipStatus = (typeof partnershipStatuses)[number];

/** ViVirk'R's agreements: 10 young people per partnership (seed 004). */
export const DEFAULT_PARTNERSHIP_TARGET = 10;

/** A hand-over from the education institution: waiting for the team, or referred (accepted). */
export const handoverStatuses = ['pending', 'accepted'] as const;
export type HandoverStatus = (typeof handoverStatuses)[number];
