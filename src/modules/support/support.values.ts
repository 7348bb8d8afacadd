// The kinds of support notes and conversations, and the answers to a request to read.
// Without the tables, so that views and services can import them (they import no schema, decision 0018).

export const conversationKinds = ['meeting', 'phone', 'walk', 'message'] as const;
/**
 * 1:1 support notes. `team` notes (counsellors, consultants) are read by the municipal team;
 * `psychologist` notes are a separate kind that only psychologists in the municipality can read.
 * `youth` notes are the young person's own words to the team — or, marked "only for my counsellor",
 * to their group's counsellor alone (`onlyForUserId`).
 */
export const noteKinds = ['team', 'psychologist', 'youth'] as const;
/** The kinds staff write; `youth` notes are written by the young person themselves. */
export const staffNoteKinds = ['team', 'psychologist'] as const;
export type NoteKind = (typeof noteKinds)[number];
export const readRequestAnswers = ['granted', 'declined'] as const;
