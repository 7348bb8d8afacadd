import type { signInDa } from './sign-in.da.ts';

/** English for sign-in through OpenID Connect, key for key with the Danish. */
export const signInEn: Record<keyof typeof signInDa, string> = {
  'signin_oidc.heading': 'Sign in with {label}',
  'signin_oidc.intro': 'Young people can sign in with {label} without a password. Staff first link their account under My contact details.',
  'signin_oidc.button': 'Sign in with {label}',
  'signin_oidc.problem_title': 'You were not signed in',
  'signin_oidc.back': 'Back to sign-in',
  'signin_oidc.unavailable': 'Signing in through your identity provider does not work right now. Try again shortly, or sign in with email.',
  'signin_oidc.expired': 'Signing in took too long or was started in another browser. Try again.',
  'signin_oidc.cancelled': 'Signing in was cancelled at the identity provider. Try again if you want to sign in.',
  'signin_oidc.failed': "The identity provider's answer could not be verified. Try again.",
  'signin_oidc.unknown':
    'We could not find an account for you. If you are a young person in NExTWORK, ask your contact person for an invitation. If you are staff, sign in with email and link your account under My contact details.',
  'signin_oidc.link_expired': 'The link was not made, because you are no longer signed in as the same person. Try again.',
  'signin_oidc.link_taken': 'This login is already linked to another account.',
  'signin_oidc.link_exists': 'Your account is already linked to another login. Remove that link first.',
  'oidc_link.title': 'Sign in with {label}',
  'oidc_link.intro':
    'Link your account with {label} to sign in without a password. We keep only the id {label} gives you — never your CPR number.',
  'oidc_link.linked': 'Your account has been linked with {label} since {date:date}.',
  'oidc_link.not_linked': 'Your account is not linked with {label}.',
  'oidc_link.link': 'Link with {label}',
  'oidc_link.unlink': 'Remove the link to {label}',
  'oidc_link.manage': 'Link your account with {label} or remove the link',
  'oidc_link.done': 'Your account is now linked with {label}.',
  'oidc_link.removed': 'The link to {label} is removed.',
  'sms.notifications': 'NExTWORK: You have {count} new {count|notification|notifications}. See {count|it|them} here: {url}',
  'notify.sms': 'Also send me a text message',
  'notify.sms_hint': 'The text only says there is something new in NExTWORK — never what. It keeps your quiet hours and your daily digest.',
  'validation.sms_phone':
    'We have no Danish or Swedish mobile number for you. Add it under My contact details, or ask your team to correct it.',
  'audit.action.account.oidc_link': 'Linked their account with an external login (MitID/OpenID Connect)',
  'audit.action.account.oidc_unlink': 'Removed the link to an external login (MitID/OpenID Connect)',
};
