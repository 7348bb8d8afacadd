/**
 * A phone number for text messages in E.164: Danish numbers as +45 and 8 digits (written with or
 * without +45/0045, spaces or dashes), Swedish as +46 and 7–9 digits (written with +46 or 0046, the
 * national 0 dropped). Anything else is undefined: no message is sent to a number we cannot read.
 */
export function normalisePhone(input: string): string | undefined {
  const s = input.trim().replace(/[\s\-().]/g, '');
  const dk = /^(?:\+45|0045)?([2-9]\d{7})$/.exec(s);
  if (dk) return `+45${dk[1]}`;
  const se = /^(?:\+46|0046)0?([1-9]\d{6,8})$/.exec(s);
  if (se) return `+46${se[1]}`;
  return undefined;
}
