/** Danish texts for #15: the accessibility statement (Digitaliseringsstyrelsen's format) and the referral's age check. */
export const textDa = {
  'a11y.intro':
    'NExTWORK er forpligtet til at gøre platformen tilgængelig i overensstemmelse med lov om tilgængelighed af offentlige organers websteder og mobilapplikationer. Denne tilgængelighedserklæring gælder for nextwork.',
  'a11y.status_title': 'Overholdelsesstatus',
  'a11y.status':
    'Platformen er delvist i overensstemmelse med WCAG 2.1 niveau AA (standarden EN 301 549), på grund af den manglende overholdelse, der står nedenfor.',
  'a11y.issues_title': 'Ikke-tilgængeligt indhold',
  'a11y.issues_intro': 'Indholdet herunder er ikke tilgængeligt af følgende grunde:',
  'a11y.issues_law_title': 'Manglende overholdelse af lovgivningen',
  'a11y.issue.pdf':
    'Den 6-ugentlige rapport som PDF har ikke fuld struktur (overskrifter og læserækkefølge er ikke markeret). Det samme indhold står på rapportens side, som er tilgængelig. Vi arbejder på en PDF med struktur.',
  'a11y.issue.charts':
    'Diagrammerne i evalueringen og i bevægelsesmålingen er billeder med en kort tekst. Ikke alle tal i dem står også i en tabel. Kontakt os, så sender vi tallene.',
  'a11y.issue.screen_readers':
    'Ikke alle sider er gennemgået manuelt med skærmlæser. Finder du en side, der ikke virker med din skærmlæser, så skriv til os.',
  'a11y.issues_scope_title': 'Indhold, der ikke er omfattet af lovgivningen',
  'a11y.issue.files':
    'Filer til andre programmer (regneark som CSV og kalenderfiler som ICS) er data, ikke sider. Indholdet står også på de sider, de hentes fra.',
  'a11y.prepared_title': 'Udarbejdelse af denne tilgængelighedserklæring',
  'a11y.prepared':
    'Erklæringen blev udarbejdet {date}. Den bygger på en selvevaluering: automatiske test med axe på alle sider i browsertestene, og manuel test med tastatur, 200 % zoom og en 360 px bred skærm.',
  'a11y.reviewed': 'Erklæringen blev senest gennemgået {date}.',
  'a11y.feedback_title': 'Feedback og kontaktoplysninger',
  'a11y.feedback':
    'Oplever du problemer med tilgængeligheden, eller har du brug for indholdet i en anden form, så skriv til os. Vi svarer inden for 10 arbejdsdage.',
  'a11y.feedback_email': 'E-mail:',
  'a11y.enforcement_title': 'Håndhævelsesprocedure',
  'a11y.enforcement':
    'Får du ikke et tilfredsstillende svar inden for 10 arbejdsdage, kan du klage til Digitaliseringsstyrelsen, som fører tilsyn med tilgængeligheden af offentlige websteder.',
  'a11y.enforcement_link': 'Klag over utilgængelighed til Digitaliseringsstyrelsen',
  'errors.youth_age_born': 'Personen er født {born:date} og er {age} år. NExTWORK er for unge på {min}–{max} år.',
  'trial.stratum.pooled': 'Små blokke lagt sammen',
} as const;
