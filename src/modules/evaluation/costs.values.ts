// The activities staff time is logged against.
// Without the tables, so that views and services can import them (they import no schema, decision 0018).

export const activities = ['group', 'one_to_one', 'company_network', 'matching', 'internship_follow_up', 'admin', 'other'] as const;
export type Activity = (typeof activities)[number];
