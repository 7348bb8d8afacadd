// The kinds of conversation a support note records.
// Without the tables, so that views can import them too (a view imports no schema, decision 0018).

export const conversationKinds = ['meeting', 'phone', 'walk', 'message'] as const;
