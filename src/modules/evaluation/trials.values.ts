// The values of a trial's design, baseline and outcomes.
// Without the tables, so that views and services can import them (they import no schema, decision 0018).

/** What a researcher may stratify by, besides the municipality (always a stratum of its own). */
export const strataFactors = ['ageBand', 'gender', 'targetGroup'] as const;
export type StrataFactor = (typeof strataFactors)[number];
export const genders = ['female', 'male', 'other'] as const;
export const educationLevels = ['none', 'some_upper_secondary', 'upper_secondary', 'vocational'] as const;
export const outcomeStatuses = ['job_ordinary', 'job_subsidised', 'education', 'internship', 'benefits', 'other', 'unknown'] as const;
export type OutcomeStatus = (typeof outcomeStatuses)[number];
export const horizons = [3, 6, 12, 24] as const;
