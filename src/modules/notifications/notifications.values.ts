// How often a person is emailed.
// Without the tables, so that views and services can import them (they import no schema, decision 0018).

export const emailModes = ['immediate', 'daily', 'off'] as const;
export type EmailMode = (typeof emailModes)[number];
