/**
 * A Danish phone number: 8 digits, optionally after +45 or 0045, with spaces or dashes between.
 * Kept as the 8 digits; shown in pairs ("12 34 56 78") and dialled as +45.
 */
export function danishPhone(raw: string): string | undefined {
  const compact = raw.replace(/[\s-]/g, '');
  const m = /^(?:\+45|0045)?(\d{8})$/.exec(compact);
  return m?.[1];
}

/** "12345678" → "12 34 56 78". */
export function formatPhone(digits: string): string {
  return digits.replace(/(\d{2})(?=\d)/g, '$1 ');
}

/** The number to dial from a phone: "tel:+4512345678". */
export function phoneHref(digits: string): string {
  return `tel:+45${digits}`;
}
