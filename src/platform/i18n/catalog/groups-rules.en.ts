import type { groupsRulesDa } from './groups-rules.da.ts';

/** English, key for key with the Danish catalog. */
export const groupsRulesEn: Record<keyof typeof groupsRulesDa, string> = {
  'groups_rules.lead': 'The young people meet every week in groups of {min}–{max} with the group’s counsellor.',
  'groups_rules.proposal_lead':
    '{count} young people are not in a group. The proposal mixes young people in an internship with those still looking, and keeps the groups at {min}–{max} (the municipality’s setting).',
  'groups_rules.add_heading': 'Add a young person',
  'groups_rules.add_youth': 'Young person without a group',
  'groups_rules.add_hint': 'Young people in the network who are not in a group. A group has at most {max} young people.',
  'groups_rules.add': 'Add to the group',
  'groups_rules.added': 'The young person has been added to the group.',
  'groups_rules.full': 'The group is full: it has {max} young people, the municipality’s maximum.',
  'groups_rules.no_candidates': 'There are no young people without a group to add.',
  'groups_rules.archive_heading': 'Archive the group',
  'groups_rules.archive_lead': 'The group is empty. Archived groups leave the lists, but their sessions and history are kept.',
  'groups_rules.archive_not_empty': 'The group can be archived only when it is empty. It has {count} young people now.',
  'groups_rules.archive': 'Archive the group',
  'groups_rules.archived': 'The group has been archived.',
  'groups_rules.archived_notice': 'The group is archived. It is not shown in the lists, but its sessions and history are kept.',
  'groups_rules.counsellor_hint': 'A member of the team: a youth counsellor, network consultant, team leader or someone else on the team.',
  'validation.group_youth': 'Choose a young person from the municipality.',
  'validation.group_youth_status': 'The young person is not in the network right now and cannot join a group.',
  'validation.group_youth_taken': 'The young person is already in a group. Move them from that group’s page.',
  'errors.group_not_empty': 'The group still has {count} young people. Move them first, then the group can be archived.',
  'errors.group_archived': 'The group is archived and cannot be changed.',
  'audit.action.group.add': 'Added a young person to a network group',
  'audit.action.group.archive': 'Archived a network group',

  'target_group.label': 'Target group at referral',
  'target_group.hint': 'The young person’s target group when they were referred.',
  'target_group.aktivitetsparat': 'Ready for activities (aktivitetsparat)',
  'target_group.uddannelsesparat': 'Ready for education (uddannelsesparat)',
  'target_group.jobparat': 'Ready for a job (jobparat)',
  'target_group.other': 'Other',
  'target_group.none': 'Not given',
  'validation.target_group': 'Choose the young person’s target group.',
  'strata.target_group': 'Target group',
} as const;
