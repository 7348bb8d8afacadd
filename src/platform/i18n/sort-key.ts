/**
 * A key whose byte order is Danish alphabetical order (… x y z æ ø å, "aa" as å, ä as æ, ö as ø,
 * ü as y), so PGlite — which sorts in byte order — and PostgreSQL sort names the same way as
 * Intl.Collator('da') and can paginate in the database.
 */
export function danishSortKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/aa/g, '}')
    .replace(/[æä]/g, '{')
    .replace(/[øö]/g, '|')
    .replace(/å/g, '}')
    .replace(/ü/g, 'y')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9{|} ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
