import type { matchingDa } from './matching.da.ts';

/** English messages for wishes, company answers and matching rounds, key for key with the Danish. */
export const matchingEn: Record<keyof typeof matchingDa, string> = {
  'validation.wish_opening': 'Choose an opening that is published in your municipality.',
  'validation.wish_reason': 'Write at most 300 characters.',
  'validation.wish_order': 'The order must hold exactly your wishes, each once.',
  'validation.answer': 'Choose whether you can take the young person, or not now.',
  'validation.answer_no_wish': 'The young person has not wished this opening.',
  'validation.tier': 'Choose priority 1, 2 or 3.',
  'validation.channel': 'Choose how you invited the young person.',
  'validation.invite_youth': "Choose a young person in the municipality's network.",
  'validation.seed': 'The seed must be a whole number from 0 to 2147483647.',
  'validation.decision': 'Choose yes please or no thanks.',
  'errors.wish_exists': 'The opening is already on your list.',
  'errors.wish_limit': 'You can have at most {limit} wishes. Remove one before adding another.',
  'errors.round_empty': 'There are no young people with wishes who can take part in a matching round right now.',
  'errors.round_waiting': 'A proposal is already waiting. Publish it or discard it first.',
  'errors.round_state': 'The proposal has already been published or discarded.',
  'errors.placement_decided': 'You have already answered this placement.',

  'notify.title.placement_offered': 'You have been offered an internship at {company}',
  'notify.text.placement_offered': 'Say yes please or no thanks under My wishes.',
  'notify.title.placement_none': 'No internship in this matching round',
  'notify.text.placement_none': 'Under My wishes you can see why, and what you can do now.',
  'notify.title.direct_invitation': '{company} would like you as an intern',
  'notify.text.direct_invitation': 'It is your choice. See the invitation under My wishes.',
};
