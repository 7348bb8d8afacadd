// The values of a direct offer of an internship.
// Without the tables, so that views and services can import them (they import no schema, decision 0018).

/**
 * open → accepted (an internship is planned) | declined | withdrawn (by the company or team) |
 * expired (not answered by the answer-by date). Only an open offer not yet past its date holds a seat.
 */
export const offerStatuses = ['open', 'accepted', 'declined', 'withdrawn', 'expired'] as const;
export type OfferStatus = (typeof offerStatuses)[number];

/** Where the offer came from: the youth directory, the young person's wish, or a phone call or meeting. */
export const offerSources = ['directory', 'wish', 'call'] as const;
export type OfferSource = (typeof offerSources)[number];

/** Days the young person has to answer, unless the municipality says otherwise. */
export const defaultOfferAnswerDays = 5;
/** The longest an offer may stay open. */
export const maxOfferAnswerDays = 30;
