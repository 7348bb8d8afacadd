/**
 * Danish: NExTWORK United (#16) — exits and follow-ups after exit, and the programme's overview
 * across municipalities with small counts protected.
 */
export const unitedDa = {
  // Exits and follow-ups.
  'youth.end.job_subsidy': 'Job med løntilskud',
  'youth.end.other_programme': 'Andet tilbud',
  'youth.end.dropped_out': 'Faldet fra',
  'exit.title': 'Afslutning og opfølgning',
  'exit.kind': 'Afsluttet til',
  'exit.exited_on': 'Dato for afslutning',
  'exit.exited_on_hint': 'Ved status Afsluttet. Tom betyder i dag.',
  'exit.followup_after': 'Efter {months} {months|måned|måneder}',
  'exit.followup_title': 'Registrér opfølgning',
  'exit.followup_months': 'Opfølgning',
  'exit.followup_due': 'Efter {months} {months|måned|måneder} ({date})',
  'exit.followup_outcome': 'Hvor er den unge nu?',
  'exit.followup_save': 'Gem opfølgning',
  'exit.followup_saved': 'Opfølgningen er gemt.',
  'exit.outcome.job': 'Stadig i job',
  'exit.outcome.education': 'Stadig i uddannelse',
  'exit.outcome.benefits': 'Tilbage på ydelse',
  'exit.outcome.other': 'Andet',
  'validation.exit_before_referral': 'Datoen kan ikke ligge før henvisningen.',
  'validation.followup_months': 'Vælg opfølgning efter 3, 6 eller 12 måneder.',
  'validation.followup_outcome': 'Vælg, hvor den unge er nu.',
  'validation.followup_not_due': 'Opfølgningen er ikke nået endnu.',
  'errors.followup_no_exit': 'Den unge har ingen afslutning at følge op på.',
  'audit.action.youth.followup': 'Registrerede en opfølgning efter afslutning',
  'home.item.followup_due': 'Opfølgning efter {months} {months|måned|måneder}: {youth}',
  'dashboard.exits': 'Afsluttet til job eller uddannelse',
  'dashboard.exits_of': '{share} af {count} {count|afslutning|afslutninger}',
  'dashboard.retention': 'Stadig i job eller uddannelse efter 6 måneder',
  'dashboard.retention_of': '{share} af {count} {count|opfølgning|opfølgninger}',
  'dashboard.none_yet': 'Ingen endnu',
};
