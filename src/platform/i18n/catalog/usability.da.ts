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
  'my_movement.hint.direction': 'Ved du, hvad du gerne vil prøve, og tager du skridt hen imod det?',
  'my_movement.hint.persistence': 'Holder du fast, også når noget er svært?',
  'my_movement.hint.curiosity': 'Er du åben for nye opgaver, steder og mennesker?',
  'my_movement.hint.resilience': 'Kommer du igen, når noget er gået skævt?',
  'my_movement.hint.selfEsteem': 'Tror du på, at du kan noget, som andre har brug for?',
  'my_movement.legend_youth': 'Din egen score (stiplet linje, firkanter)',
  'my_movement.source_youth': 'Dig',
  'my_reports.your_comment': 'Din kommentar',
  'internship.side.you': 'dig',
  'audit.mine.youth.list': 'Så dig i en liste',
  'audit.mine.youth.read': 'Så dine oplysninger',
  'audit.mine.youth.status': 'Ændrede din status',
  'audit.mine.youth.read_shared': 'Så det, du deler med virksomheder',
  'audit.mine.youth.photo_read': 'Så dit billede',
} as const;
