// The values of a company's status and size.
// Without the tables, so that views and services can import them (they import no schema, decision 0018).

export const companyStatuses = ['prospect', 'onboarding', 'active', 'resting', 'left'] as const;
export type CompanyStatus = (typeof companyStatuses)[number];
export const companySizes = ['1-9', '10-49', '50-249', '250+'] as const;

/** A company contact's answer to a network meeting invitation. */
export const networkMeetingResponses = ['coming', 'not_coming'] as const;
export type NetworkMeetingResponse = (typeof networkMeetingResponses)[number];
