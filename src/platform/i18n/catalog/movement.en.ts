import type { movementDa } from './movement.da.ts';

/** English messages for movement tracking and the 6-weekly report. */
export const movementEn: Record<keyof typeof movementDa, string> = {
  'validation.movement_score': 'Choose a score from 1 to 10.',
  'validation.movement_reason': 'Write a short reason (at least 2 characters).',

  'movement.title': 'Movement: {name}',
  'movement.link': 'Movement over time',
  'movement.lead':
    "Every 4–6 weeks the youth counsellor scores the young person's movement in five areas from 1 to 10 with a short reason. The young person can add their own score beside it.",
  'movement.none': 'There are no scores yet.',
  'movement.dim.direction': 'Direction',
  'movement.dim.persistence': 'Persistence',
  'movement.dim.curiosity': 'Curiosity',
  'movement.dim.resilience': 'Resilience',
  'movement.dim.selfEsteem': 'Self-esteem',
  'movement.hint.direction': 'Does the young person know what they want to try, and take steps towards it?',
  'movement.hint.persistence': 'Does the young person keep going, also when something is hard?',
  'movement.hint.curiosity': 'Is the young person open to new tasks, places and people?',
  'movement.hint.resilience': 'Does the young person come back after a setback?',
  'movement.hint.selfEsteem': 'Does the young person believe they can do something others need?',
  'movement.legend_counsellor': "The youth counsellor's score (solid line, dots)",
  'movement.legend_youth': "The young person's own score (dashed line, squares)",
  'movement.chart_counsellor': "The youth counsellor's score from {from} to {to} ({n} scorings)",
  'movement.chart_youth': 'Own score latest {to}',
  'movement.table': 'All scores',
  'movement.date': 'Date',
  'movement.by': 'Who',
  'movement.source.counsellor': 'Youth counsellor',
  'movement.source.youth': 'The young person',
  'movement.reasons': 'Reasons at the latest scoring ({date})',
  'movement.new': 'New scoring',
  'movement.score': 'Score (1–10)',
  'movement.reason_for': 'Reason for {dim}',
  'movement.save': 'Save scoring',
  'movement.saved': 'The scoring is saved.',

  'my_movement.title': 'Your movement',
  'my_movement.lead': 'This is how your youth counsellor sees your progress. You can add your own score beside it.',
  'my_movement.own': 'Your own score at the scoring of {date}',
  'my_movement.own_lead': 'Where do you think you are? You can change your answers again.',
  'my_movement.saved': "Thank you. Your score is now beside the youth counsellor's.",
};
