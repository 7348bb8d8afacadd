// The states of a 6-weekly report.
// Without the tables, so that views and services can import them (they import no schema, decision 0018).

/**
 * A report's life: the platform drafts it when a 6-week period ends; the counsellor edits and
 * approves it; the young person reads it and may comment; it is then sent to the caseworker —
 * or held, when the young person has not agreed that reports go to the caseworker.
 */
export const reportStatuses = ['draft', 'approved', 'held', 'sent'] as const;
export type ReportStatus = (typeof reportStatuses)[number];
