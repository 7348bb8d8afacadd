// How often a person is emailed.
// Without the tables, so that views can import them too (a view imports no schema, decision 0018).

export const emailModes = ['immediate', 'daily', 'off'] as const;
export type EmailMode = (typeof emailModes)[number];
