// The values of a young person's record.
// Without the tables, so that views can import them too (a view imports no schema, decision 0018).

export const youthStatuses = ['referred', 'starting', 'in_network', 'in_internship', 'paused', 'ended'] as const;
export type YouthStatus = (typeof youthStatuses)[number];
export const endReasons = ['job', 'education', 'other', 'moved', 'not_eligible'] as const;
/** The field groups a young person shares with companies, each on or off. */
export const fieldGroups = ['fullName', 'interests', 'strengths', 'values', 'practical', 'contact', 'photo'] as const;
export type FieldGroup = (typeof fieldGroups)[number];
