// The values of a young person's record.
// Without the tables, so that views and services can import them (they import no schema, decision 0018).

export const youthStatuses = ['referred', 'starting', 'in_network', 'in_internship', 'paused', 'ended'] as const;
export type YouthStatus = (typeof youthStatuses)[number];
/**
 * The young person's target group at referral (the jobcentre's category): ready for activities,
 * for education, for a job, or another. Recorded by the team; a stratum the trial may use.
 */
export const targetGroups = ['aktivitetsparat', 'uddannelsesparat', 'jobparat', 'other'] as const;
export type TargetGroup = (typeof targetGroups)[number];
/**
 * How a young person leaves the programme (#16): recorded with the date when the status becomes
 * `ended`. The first three count as exits to job or education; `not_eligible` and `other` are kept
 * from before exits were recorded.
 */
export const exitKinds = ['job', 'job_subsidy', 'education', 'other_programme', 'moved', 'dropped_out', 'not_eligible', 'other'] as const;
export type ExitKind = (typeof exitKinds)[number];
/** Exits that count as "to job or education". */
export const jobOrEducationExits: readonly ExitKind[] = ['job', 'job_subsidy', 'education'];
/** The reasons the status form offers when the status becomes `ended`: the exit kinds. */
export const endReasons = exitKinds;
/** Follow-ups after exit, in months: still in job or education, or back on benefits. */
export const followupMonths = [3, 6, 12] as const;
export type FollowupMonths = (typeof followupMonths)[number];
export const followupOutcomes = ['job', 'education', 'benefits', 'other'] as const;
export type FollowupOutcome = (typeof followupOutcomes)[number];
/** Outcomes that count as retained (still in job or education). */
export const retainedOutcomes: readonly FollowupOutcome[] = ['job', 'education'];
/** A young person who moved away is followed up by their new municipality, not here. */
export const notFollowedUp: readonly ExitKind[] = ['moved'];
/** The history's reason when the status moved because the young person accepted their invitation. */
export const INVITATION_ACCEPTED = 'invitation_accepted';
/** Reasons kept as codes in the status history (shown by their label in each language). */
export const statusReasons = [...endReasons, INVITATION_ACCEPTED] as const;
/** The field groups a young person shares with companies, each on or off. */
export const fieldGroups = ['fullName', 'interests', 'strengths', 'values', 'practical', 'contact', 'photo'] as const;
export type FieldGroup = (typeof fieldGroups)[number];
export type Visibility = Record<FieldGroup, boolean>;
/** Companies see only first name, interests and strengths until the young person shares more. */
export const defaultVisibility: Visibility = {
  fullName: false,
  interests: true,
  strengths: true,
  values: false,
  practical: false,
  contact: false,
  photo: false,
};
