/**
 * Danish messages for the smaller things users hit (#14): the status move on an accepted invitation,
 * who cannot be invited to a match event and why, replies in the group space, forms kept over an
 * expired session and the warning before the idle timeout. English mirrors it key for key.
 */
export const usabilityDa = {
  'youth.reason.invitation_accepted': 'Har taget imod invitationen',
  'validation.event_youth_unavailable': 'Nogle af de valgte unge kan ikke inviteres. Fjern dem, og send igen.',
  'events.cannot_invite_chosen': 'Disse unge kan ikke inviteres lige nu: {names}. Under "Inviterede unge" står hvorfor.',
  'events.no_youth': 'Der er ingen unge i netværket, som kan inviteres endnu.',
  'events.cannot_invite_heading': 'Kan ikke inviteres endnu:',
  'events.cannot.not_accepted': 'kan ikke inviteres: henvist, har ikke taget imod invitationen endnu.',
  'events.cannot.referred': 'kan ikke inviteres: henvist. Skift status til Starter eller I netværket for at invitere.',
  'events.cannot.ended': 'kan ikke inviteres: forløbet er afsluttet.',
  'events.note.in_internship': 'I praktik: kan komme til eventet, men kommer ikke med i en matchrunde.',
  'events.note.paused': 'På pause: kan komme til eventet, men kommer ikke med i en matchrunde.',
} as const;
