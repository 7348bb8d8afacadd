import type { usabilityDa } from './usability.da.ts';

/** English messages for the smaller things users hit (#14), key for key with the Danish. */
export const usabilityEn: Record<keyof typeof usabilityDa, string> = {
  'youth.reason.invitation_accepted': 'Accepted the invitation',
  'validation.event_youth_unavailable': 'Some of the young people chosen cannot be invited. Remove them and send again.',
  'events.cannot_invite_chosen': 'These young people cannot be invited now: {names}. "Invited young people" says why.',
  'events.no_youth': 'There is no young person in the network who can be invited yet.',
  'events.cannot_invite_heading': 'Cannot be invited yet:',
  'events.cannot.not_accepted': 'cannot be invited: referred, has not accepted the invitation yet.',
  'events.cannot.referred': 'cannot be invited: referred. Change the status to Starting or In the network to invite them.',
  'events.cannot.ended': 'cannot be invited: their course has ended.',
  'events.note.in_internship': 'In an internship: can come to the event, but will not be in a matching round.',
  'events.note.paused': 'Paused: can come to the event, but will not be in a matching round.',
};
