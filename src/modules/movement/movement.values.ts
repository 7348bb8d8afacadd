// The movements the counsellor follows.
// Without the tables, so that views can import them too (a view imports no schema, decision 0018).

/** The five movements the counsellor follows (and the young person scores beside them). */
export const dimensions = ['direction', 'persistence', 'curiosity', 'resilience', 'selfEsteem'] as const;
export type Dimension = (typeof dimensions)[number];
