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
  'my_movement.hint.direction': 'Do you know what you would like to try, and are you taking steps towards it?',
  'my_movement.hint.persistence': 'Do you keep going, also when something is hard?',
  'my_movement.hint.curiosity': 'Are you open to new tasks, places and people?',
  'my_movement.hint.resilience': 'Do you bounce back when something has gone wrong?',
  'my_movement.hint.selfEsteem': 'Do you believe you can do something others need?',
  'my_movement.legend_youth': 'Your own score (dashed line, squares)',
  'my_movement.source_youth': 'You',
  'my_reports.your_comment': 'Your comment',
  'internship.side.you': 'you',
  'audit.mine.youth.list': 'Saw you in a list',
  'audit.mine.youth.read': 'Saw your details',
  'audit.mine.youth.status': 'Changed your status',
  'audit.mine.youth.read_shared': 'Saw what you share with companies',
  'audit.mine.youth.photo_read': 'Saw your photo',
};
