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
export const endReasons = ['job', 'education', 'other', 'moved', 'not_eligible'] as const;
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
