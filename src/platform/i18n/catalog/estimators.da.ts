/** Danish for the estimators' notes on the evaluation page (#22): dropped columns, undefined standard errors, mixed blocks. */
export const estimatorsDa = {
  'estimators.notes_title': 'Bemærkninger til beregningen',
  'estimators.horizon': 'Efter {h} {h|måned|måneder}',
  'estimators.adjusted': 'den justerede effekt',
  'estimators.dim': 'forskellen i gennemsnit',
  'estimators.undefined_short': 'kan ikke beregnes',
  'estimators.stratum': 'blokken {label}',
  'estimators.dropped_covariate':
    '{what}: {covariate} er udeladt, fordi den er ens for alle eller kan udregnes af de baggrundsvariable, der kommer før den. Effekten er beregnet uden den, som R-pakken estimatr gør.',
  'estimators.dropped_interaction':
    '{what}: samspillet mellem NExTWORK og {covariate} er udeladt, fordi {covariate} er ens for alle i NExTWORK-gruppen (eller kan udregnes af de andre). Effekten er beregnet uden det, som R-pakken estimatr gør.',
  'estimators.se_undefined.leverage_one':
    '{what}: usikkerheden (standardfejl, 95 %-interval og p-værdi) kan ikke beregnes, fordi mindst én person beskrives helt præcist af modellen — typisk er der ikke flere i en gruppe end der er baggrundsvariable. Tallet er skønnet, men der er intet grundlag for at sige, hvor sikkert det er.',
  'estimators.se_undefined.no_residual_df':
    '{what}: usikkerheden (standardfejl, 95 %-interval og p-værdi) kan ikke beregnes, fordi der ikke er flere svar end der er tal at skønne over.',
  'estimators.mixed_blocks':
    '{what}: nogle blokke har kun to personer, andre flere. Inden for en blok med to kan usikkerheden ikke beregnes, så den er beregnet som for matchede par (frihedsgrader = antal blokke − 1), som R-pakken estimatr gør.',
  'estimators.adjusted_failed':
    '{what}: den justerede effekt kunne ikke beregnes, så tabellen viser forskellen i gennemsnit inden for blokkene.',
};
