import type { estimatorsDa } from './estimators.da.ts';

/** English for the estimators' notes (#22), key for key with the Danish. */
export const estimatorsEn: Record<keyof typeof estimatorsDa, string> = {
  'estimators.notes_title': 'Notes on the calculation',
  'estimators.horizon': 'After {h} {h|month|months}',
  'estimators.adjusted': 'the adjusted effect',
  'estimators.dim': 'the difference in means',
  'estimators.undefined_short': 'cannot be computed',
  'estimators.stratum': 'the block {label}',
  'estimators.dropped_covariate':
    '{what}: {covariate} is left out because it is the same for everyone or can be computed from the covariates before it. The effect is estimated without it, as the R package estimatr does.',
  'estimators.dropped_interaction':
    '{what}: the interaction of NExTWORK with {covariate} is left out because {covariate} is the same for everyone in the NExTWORK group (or can be computed from the others). The effect is estimated without it, as the R package estimatr does.',
  'estimators.se_undefined.leverage_one':
    '{what}: the uncertainty (standard error, 95 % interval and p-value) cannot be computed because at least one person is described exactly by the model — typically a group has no more people than there are covariates. The effect is estimated, but there is no basis for saying how certain it is.',
  'estimators.se_undefined.no_residual_df':
    '{what}: the uncertainty (standard error, 95 % interval and p-value) cannot be computed because there are no more answers than numbers to estimate.',
  'estimators.mixed_blocks':
    '{what}: some blocks have only two people, others more. Within a block of two no uncertainty can be computed, so it is computed as for matched pairs (degrees of freedom = number of blocks − 1), as the R package estimatr does.',
  'estimators.adjusted_failed':
    '{what}: the adjusted effect could not be computed, so the table shows the difference in means within the blocks.',
};
