// The movements the counsellor follows.
// Without the tables, so that views and services can import them (they import no schema, decision 0018).

/** The five movements the counsellor follows (and the young person scores beside them). */
export const dimensions = ['direction', 'persistence', 'curiosity', 'resilience', 'selfEsteem'] as const;
export type Dimension = (typeof dimensions)[number];
