import { invalid } from './errors.ts';

/**
 * A text that a spreadsheet would run as a formula (OWASP: a cell beginning with =, +, -, @, tab or
 * CR) is written with a leading apostrophe; so is one that already begins with apostrophes before
 * such a character, so the reader can take exactly one away again and every text round-trips.
 */
const FORMULA = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/**
 * CSV as Danish spreadsheets write it: semicolon-separated (comma also read), fields quoted with
 * double quotes when needed, UTF-8 with a byte-order mark so Excel reads æøå right. Texts that
 * would run as formulas are neutralised (numbers are written as numbers).
 */
export function toCsv(header: string[], rows: (string | number | boolean | null)[][]): string {
  const cell = (v: string | number | boolean | null) => {
    const s = v === null ? '' : typeof v === 'string' && FORMULA.test(v) ? `'${v}` : String(v);
    return /[";\r\n,]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`CSV syntax error on line ${line}`);
  }
}

/** Parses CSV text into rows of fields, with the line number each row starts on (formula guards taken off). */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const input = text.replace(/^\uFEFF/, '');
  const firstLine = input.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let fieldStarted = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (fieldStarted && field !== '') throw new CsvSyntaxError(line);
      quoted = true;
      fieldStarted = true;
    } else if (c === sep) {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.length > 1 || fields[0] !== '') rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      fieldStarted = false;
      line++;
      rowLine = line;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (quoted) throw new CsvSyntaxError(rowLine);
  if (field !== '' || fields.length) {
    fields.push(field);
    rows.push({ line: rowLine, fields });
  }
  // Undo the writer's formula neutralising (one apostrophe), so an exported file imports as it was.
  for (const row of rows) row.fields = row.fields.map((f) => (NEUTRALISED.test(f) ? f.slice(1) : f));
  return rows;
}

/**
 * A CSV file for an all-or-nothing import: parsed, with a header and at least one row, at most
 * `maxRows`, and the required columns present. Otherwise refused with errors keyed
 * `line.<n>.<field>` (message-catalog keys). Headings come back trimmed and lower-cased.
 */
export function readCsvTable(text: string, o: { required: readonly string[]; maxRows: number }) {
  let table: { line: number; fields: string[] }[];
  try {
    table = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw invalid({ [`line.${err.line}._`]: 'validation.csv_syntax' }, 'errors.import');
    throw err;
  }
  const [header, ...rows] = table;
  if (!header || !rows.length) throw invalid({ 'line.1._': 'validation.csv_empty' }, 'errors.import');
  if (rows.length > o.maxRows) throw invalid({ 'line.1._': 'validation.csv_too_many' }, 'errors.import');
  const headings = header.fields.map((h) => h.trim().toLowerCase());
  const missing = o.required.filter((h) => !headings.includes(h));
  if (missing.length)
    throw invalid(Object.fromEntries(missing.map((h) => [`line.1.${h}`, 'validation.csv_missing_column'])), 'errors.import');
  return { headings, rows };
}
