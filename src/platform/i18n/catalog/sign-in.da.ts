/** Sign-in through OpenID Connect — MitID, NemLog-in or the municipality's own login (#18, decision 0028). */
export const signInDa = {
  'signin_oidc.heading': 'Log ind med {label}',
  'signin_oidc.intro':
    'Unge kan logge ind med {label} uden adgangskode. Medarbejdere skal først forbinde deres konto under Mine kontaktoplysninger.',
  'signin_oidc.button': 'Log ind med {label}',
  'signin_oidc.problem_title': 'Du blev ikke logget ind',
  'signin_oidc.back': 'Tilbage til log ind',
  'signin_oidc.unavailable': 'Login via din identitetsudbyder virker ikke lige nu. Prøv igen om lidt, eller log ind med e-mail.',
  'signin_oidc.expired': 'Login tog for lang tid eller blev startet i en anden browser. Prøv igen.',
  'signin_oidc.cancelled': 'Login blev afbrudt hos identitetsudbyderen. Prøv igen, hvis du vil logge ind.',
  'signin_oidc.failed': 'Svaret fra identitetsudbyderen kunne ikke godkendes. Prøv igen.',
  'signin_oidc.unknown':
    'Vi kunne ikke finde en konto til dig. Er du ung i NExTWORK, så spørg din kontaktperson om en invitation. Er du medarbejder, så log ind med e-mail og forbind din konto under Mine kontaktoplysninger.',
  'signin_oidc.link_expired': 'Forbindelsen blev ikke lavet, fordi du ikke længere er logget ind som den samme person. Prøv igen.',
  'signin_oidc.link_taken': 'Dette login er allerede forbundet med en anden konto.',
  'signin_oidc.link_exists': 'Din konto er allerede forbundet med et andet login. Fjern den forbindelse først.',
  'oidc_link.title': 'Log ind med {label}',
  'oidc_link.intro':
    'Forbind din konto med {label}, så kan du logge ind uden adgangskode. Vi gemmer kun det id, {label} giver dig — aldrig dit CPR-nummer.',
  'oidc_link.linked': 'Din konto er forbundet med {label} siden {date:date}.',
  'oidc_link.not_linked': 'Din konto er ikke forbundet med {label}.',
  'oidc_link.link': 'Forbind med {label}',
  'oidc_link.unlink': 'Fjern forbindelsen til {label}',
  'oidc_link.manage': 'Forbind din konto med {label} eller fjern forbindelsen',
  'oidc_link.done': 'Din konto er nu forbundet med {label}.',
  'oidc_link.removed': 'Forbindelsen til {label} er fjernet.',
  'sms.notifications': 'NExTWORK: Du har {count} {count|ny notifikation|nye notifikationer}. Se {count|den|dem} her: {url}',
  'notify.sms': 'Send mig også en sms',
  'notify.sms_hint': 'Sms’en siger kun, at der er nyt i NExTWORK — aldrig hvad. Den følger dine stille timer og din daglige samling.',
  'validation.sms_phone':
    'Vi har ikke et dansk eller svensk mobilnummer til dig. Skriv det under Mine kontaktoplysninger, eller bed dit team om at rette det.',
  'audit.action.account.oidc_link': 'Forbandt sin konto med et eksternt login (MitID/OpenID Connect)',
  'audit.action.account.oidc_unlink': 'Fjernede forbindelsen til et eksternt login (MitID/OpenID Connect)',
} as const;
