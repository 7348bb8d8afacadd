// The vocabularies of conversations, without the tables (views and services import them; decision 0018).

/**
 * What a conversation is about. Each kind has one subject (the young person for the team, the
 * internship for an internship, the offer for a company's direct offer) and one function that resolves
 * it to its people (`MessagesRepository.subjectOf`).
 */
export const conversationKinds = ['team', 'internship', 'offer'] as const;
export type ConversationKind = (typeof conversationKinds)[number];

/** The youth team that takes part in every conversation of its municipality's young people. */
export const conversationTeamRoles = ['team_leader', 'network_consultant', 'youth_counsellor'] as const;

/** Which side of a conversation a message's author is on, as the thread shows it. */
export const messageSides = ['youth', 'company', 'team'] as const;
export type MessageSide = (typeof messageSides)[number];

/** The longest message, in characters. */
export const MESSAGE_MAX_LENGTH = 2000;
