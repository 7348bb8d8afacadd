const weights = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** A CVR number is 8 digits, not starting with 0, whose weighted digit sum is divisible by 11. */
export function isValidCvr(cvr: string): boolean {
  if (!/^[1-9]\d{7}$/.test(cvr)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(cvr[i]) * weights[i]!;
  return sum % 11 === 0;
}

/** Completes 7 leading digits with the check digit, or returns undefined when none fits (10). */
export function withCvrCheckDigit(first7: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(first7[i]) * weights[i]!;
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? undefined : `${first7}${check}`;
}
