import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A known device: after a successful sign-in the browser keeps a signed note of the account, so a
 * per-account lock caused by someone else's guessing does not shut out the owner on a device they
 * have used before (#19.4). It grants nothing by itself; the password is still checked.
 */
const DEVICE_DAYS = 180;

const mac = (secret: string, email: string, issued: number) =>
  createHmac('sha256', secret).update(`known device\u0000${email.toLowerCase()}\u0000${issued}`).digest('base64url');

export function deviceCookieValue(secret: string, email: string, now: Date): string {
  const issued = Math.floor(now.getTime() / 1000);
  return `${Buffer.from(email.toLowerCase()).toString('base64url')}.${issued}.${mac(secret, email, issued)}`;
}

/** The account a device cookie vouches for, or undefined when it is missing, forged or too old. */
export function knownDeviceEmail(secret: string, value: string | undefined, now: Date): string | undefined {
  const [encoded, issuedText, signature] = (value ?? '').split('.');
  if (!encoded || !issuedText || !signature || !/^\d{1,12}$/.test(issuedText)) return undefined;
  const email = Buffer.from(encoded, 'base64url').toString();
  const issued = Number(issuedText);
  const expected = Buffer.from(mac(secret, email, issued));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const age = now.getTime() / 1000 - issued;
  return age >= 0 && age <= DEVICE_DAYS * 86_400 ? email : undefined;
}

export const DEVICE_MAX_AGE_SECONDS = DEVICE_DAYS * 86_400;
