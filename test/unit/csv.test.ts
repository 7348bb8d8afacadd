import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv, toCsv } from '../../src/platform/csv.ts';

describe('CSV', () => {
  it('round-trips any text, including separators, quotes and line breaks', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'æ', 'ø', ';', ',', '"', '\n', ' ', 'x', '1', '=', '-', "'", '@', '+', '\t') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 6 }), (rows) => {
        const parsed = parseCsv(toCsv(['a', 'b', 'c'], rows)).map((r) => r.fields);
        expect(parsed).toEqual([['a', 'b', 'c'], ...rows]);
      }),
    );
  });

  it('neutralises texts a spreadsheet would run as formulas, in every cell (#19)', () => {
    const csv = toCsv(
      ['titel', 'n'],
      [
        ['=HYPERLINK("https://evil.example","klik")', -3],
        ['+1', '@SUM(A1)'],
        ['-2', '\tx'],
        ["'=x", 'ok'],
      ],
    );
    const cells = parseCsv(csv.replace(/'(?=['=+\-@\t\r])/g, '\u0000')).flatMap((r) => r.fields); // read as a spreadsheet would: no guard removed
    for (const c of cells) if (!/^-?\d+$/.test(c)) expect(c).not.toMatch(/^[=+\-@\t\r]/);
    expect(csv).toContain(';-3\r\n'); // numbers stay numbers
    expect(parseCsv(csv).map((r) => r.fields)).toEqual([
      ['titel', 'n'],
      ['=HYPERLINK("https://evil.example","klik")', '-3'],
      ['+1', '@SUM(A1)'],
      ['-2', '\tx'],
      ["'=x", 'ok'],
    ]);
  });

  it('reads comma-separated files and counts lines across quoted line breaks', () => {
    expect(parseCsv('navn,cvr\n"Bager, Hansen",12345674\n"To\nlinjer",1\nsidst,2')).toEqual([
      { line: 1, fields: ['navn', 'cvr'] },
      { line: 2, fields: ['Bager, Hansen', '12345674'] },
      { line: 3, fields: ['To\nlinjer', '1'] },
      { line: 5, fields: ['sidst', '2'] },
    ]);
  });

  it('reports an unterminated quote with its line', () => {
    expect(() => parseCsv('a;b\n"x;y\n')).toThrow(CsvSyntaxError);
  });
});
