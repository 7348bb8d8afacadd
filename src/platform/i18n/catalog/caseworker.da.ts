/**
 * Danish: the jobcentre caseworker (#15) — the young person's linked caseworker, the caseworker's
 * home with the approvals that block a start, the per-report hold-back, and the report as PDF.
 */
export const caseworkerDa = {
  // The team links the young person's caseworker.
  'caseworker.title': 'Sagsbehandler i jobcentret',
  'caseworker.linked': 'Knyttet sagsbehandler',
  'caseworker.none_linked': 'Ingen sagsbehandler er knyttet endnu.',
  'caseworker.from_referral': 'Skrevet ved henvisningen: {name}',
  'caseworker.choose': 'Vælg sagsbehandler',
  'caseworker.choose_hint': 'Rapporterne sendes kun til denne sagsbehandler, og kun hvis den unge siger ja.',
  'caseworker.nobody': 'Ingen',
  'caseworker.save': 'Gem sagsbehandler',
  'caseworker.saved': 'Sagsbehandleren er gemt.',
  'caseworker.invite': 'Invitér en sagsbehandler, der ikke er i nextwork endnu',
  'caseworker.none_in_municipality': 'Kommunen har ingen sagsbehandlere i nextwork endnu.',
  'validation.caseworker_user': 'Vælg en af kommunens sagsbehandlere.',

  // The caseworker's home.
  'casework.intro':
    'Her er de unge, du er sagsbehandler for i NExTWORK, de praktikker, der venter på din godkendelse, og de rapporter, du har fået.',
  'casework.approvals_title': 'Praktikker, der venter på jobcentrets godkendelse',
  'casework.approvals_lead':
    'Den unge skal starte kort efter sit valg. Jobcentrets godkendelse er ofte det, der mangler: skriv VITAS-referencen, og registrér godkendelsen her.',
  'casework.approvals_none': 'Ingen praktikker venter på din godkendelse.',
  'casework.approval_heading': '{youth}: {title} hos {company}',
  'casework.agreed_start': 'Aftalt start',
  'casework.clock': 'Start inden for {days} {days|dag|dage}',
  'casework.days_left.one': '1 dag tilbage',
  'casework.days_left.other': '{count} {count|dag|dage} tilbage',
  'casework.overdue.one': 'Fristen er overskredet med 1 dag',
  'casework.overdue.other': 'Fristen er overskredet med {count} {count|dag|dage}',
  'casework.clock_not_started': 'Uret kører ikke endnu: den unge har ikke bekræftet valget',
  'casework.reference': 'VITAS-reference',
  'casework.reference_hint': 'Sagens reference i VITAS, fx VIT-2026/0042: bogstaver, tal og - / .',
  'casework.approve': 'Registrér godkendelsen',
  'casework.approved': 'Godkendelsen er registreret. Teamet kan nu aftale den første dag.',
  'casework.approve_title': 'Godkend praktik for {youth}',
  'casework.back': 'Tilbage til forsiden',
  'casework.youth_title': 'Dine unge',
  'casework.youth_none': 'Ingen unge er knyttet til dig endnu. Teamet knytter dig til de unge, du er sagsbehandler for.',
  'casework.name': 'Navn',
  'casework.status': 'Status',
  'casework.reports_title': 'Modtagne rapporter',
  'casework.reports_none': 'Du har ikke fået nogen rapporter endnu.',
  'casework.report_line': '{youth}: perioden til {end}, sendt {sent}',
  'home.item.approval_waiting.one': '{youth} venter på jobcentrets godkendelse af praktikken hos {company}: 1 dag tilbage',
  'home.item.approval_waiting.other':
    '{youth} venter på jobcentrets godkendelse af praktikken hos {company}: {count} {count|dag|dage} tilbage',
  'home.item.approval_overdue.one': '{youth}s start hos {company} er 1 dag over fristen: godkend praktikken',
  'home.item.approval_overdue.other': '{youth}s start hos {company} er {count} {count|dag|dage} over fristen: godkend praktikken',
  'home.item.approval_unconfirmed': '{youth}s praktik hos {company} venter på jobcentrets godkendelse',
  'home.item.report_received': 'Ny rapport om {youth} for perioden til {date}',

  // The jobcentre's approval.
  'validation.vitas_reference_format': 'VITAS-referencen må kun have bogstaver, tal og - / . (fx VIT-2026/0042).',
  'validation.vitas_reference_mismatch': 'Referencen passer ikke med den, teamet sendte til jobcentret. Tjek sagen i VITAS.',
  'notify.title.jobcentre_approved': 'Jobcentret har godkendt {youth}s praktik hos {company}',
  'notify.text.jobcentre_approved': 'Aftal den første dag, og registrér den, når den unge er startet.',

  // The young person holds one report back.
  'my_reports.hold_back_heading': 'Skal denne rapport sendes?',
  'my_reports.hold_back': 'Send ikke denne rapport til min sagsbehandler',
  'my_reports.hold_back_hint': 'Den bliver kun hos NExTWORK. Du kan ændre det, indtil den er sendt.',
  'my_reports.save_hold_back': 'Gem mit valg for rapporten',
  'my_reports.held_back_saved': 'Rapporten bliver ikke sendt.',
  'my_reports.released_saved': 'Dit valg er gemt. Rapporten må sendes.',
  'my_reports.held_back_note': 'Du har valgt, at denne rapport ikke sendes.',
  'errors.report_already_sent': 'Rapporten er allerede sendt.',

  // The report as PDF.
  'report.pdf_sent_on': 'Sendt til sagsbehandleren {date}, fordi den unge har sagt ja til det.',
  'report.pdf_not_sent': 'Rapporten er ikke sendt til sagsbehandleren.',
  'report.pdf_approved_on': 'Godkendt af ungevejlederen {date}.',
  'report.pdf_not_approved': 'Rapporten er ikke godkendt endnu.',
  'report.pdf_no_score': 'ingen',

  // The audit trail.
  'audit.action.report.held_back': 'Holdt en rapport tilbage fra sagsbehandleren',
  'audit.action.report.released': 'Lod en rapport sende til sagsbehandleren',
  'audit.action.youth.link_caseworker': 'Knyttede en sagsbehandler til den unge',
  'audit.action.youth.unlink_caseworker': 'Fjernede den unges sagsbehandler',
  'audit.action.internship.jobcentre_approve': 'Registrerede jobcentrets godkendelse af en praktik',
  'audit.action.internship.jobcentre': 'Behandlede jobcentrets godkendelse af en praktik',
  'audit.action.youth.casework': 'Så en ung som sagsbehandler',
  'audit.mine.youth.casework': 'Så dine oplysninger som din sagsbehandler',
  'audit.mine.youth.link_caseworker': 'Knyttede en sagsbehandler til dig',
  'audit.mine.internship.jobcentre_approve': 'Godkendte din praktik for jobcentret',
} as const;
