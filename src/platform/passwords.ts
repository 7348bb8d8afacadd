import { dictionary } from '@zxcvbn-ts/language-common';

/** Danish words people build passwords from, besides the international list. */
const DANISH = [
  'adgangskode',
  'kodeord',
  'hemmelig',
  'sommer',
  'vinter',
  'foraar',
  'efteraar',
  'danmark',
  'kobenhavn',
  'roskilde',
  'nextwork',
  'praktik',
];

let common: Set<string> | undefined;

/**
 * Whether a new password is one people commonly choose (#19.9): blank or one repeated character,
 * one of the ~49,000 most common passwords (zxcvbn-ts' list), or such a word (or a Danish one) with
 * only digits and symbols around it, as in "Password2024!" or "sommer123456".
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'aa');
  if (!lower.trim() || /^(.)\1*$/su.test(lower)) return true;
  common ??= new Set([...dictionary['passwords-common'], ...DANISH]);
  if (common.has(lower)) return true;
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  return core.length >= 3 && core !== lower && common.has(core);
}
