import type { gettingStartedDa } from './getting-started.da.ts';

/** English for a new municipality's getting-started list (#16). */
export const gettingStartedEn: Record<keyof typeof gettingStartedDa, string> = {
  'start.title': 'Getting started with NExTWORK',
  'start.progress': '{n} of {of} steps done. The list ticks itself as you get going.',
  'start.step.team': 'Invite the team: a network consultant, a youth counsellor and an entrepreneur ({n} of {of} in place)',
  'start.step.companies': 'Register companies for the network ({n} of {of})',
  'start.step.youth': 'Refer young people ({n} of {of} {of|place|places}; with {first} the first network group can start)',
  'start.step.match_event': 'Plan the first match event',
  'start.step.group': 'Create the first network group',
  'start.done': 'Done',
  'start.not_done': 'To do',
};
