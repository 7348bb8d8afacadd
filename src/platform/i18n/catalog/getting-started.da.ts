/** Danish for a new municipality's getting-started list (#16). English mirrors it key for key. */
export const gettingStartedDa = {
  'start.title': 'Kom godt i gang med NExTWORK',
  'start.progress': '{n} af {of} trin er klaret. Listen krydser selv af, efterhånden som I kommer i gang.',
  'start.step.team': 'Inviter teamet: en netværkskonsulent, en ungerådgiver og en entreprenør ({n} af {of} på plads)',
  'start.step.companies': 'Registrér virksomheder til netværket ({n} af {of})',
  'start.step.youth': 'Henvis unge ({n} af {of} {of|plads|pladser}; med {first} kan det første netværkshold starte)',
  'start.step.match_event': 'Planlæg den første matchdag',
  'start.step.group': 'Opret det første netværkshold',
  'start.done': 'Klaret',
  'start.not_done': 'Mangler',
} as const;
