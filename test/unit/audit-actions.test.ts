import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActions, isAuditAction } from '../../src/platform/audit/actions.ts';
import { da } from '../../src/platform/i18n/da.ts';
import { en } from '../../src/platform/i18n/en.ts';

// Every audit action has a label in both languages. The compiler checks the codes `audit.record`
// is given as literals (platform/audit/audit.service.ts) and that every listed action has a label
// (platform/audit/labels.ts); this scans the sources for the codes that reach it as plain strings
// (a helper's parameter), so an action added on another branch is caught too.
const root = path.resolve(import.meta.dirname, '../..');
const files = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
const sources = files(path.join(root, 'src')).filter((f) => !f.includes(`${path.sep}i18n${path.sep}`));

/** `action: 'x.y'` in an entry, and a code as the argument of the helpers that build entries. */
const patterns = [
  /\baction: '([a-z_]+\.[a-z_]+)'/g,
  /\b(?:internshipAudit|auditRows|auditReads|recordOwnEdit|saveAudited|this\.record|this\.entry)\([^;]*?'([a-z_]+\.[a-z_]+)'/g,
  /\baction: [^,;\n]*\? '([a-z_]+\.[a-z_]+)' : '([a-z_]+\.[a-z_]+)'/g,
];

function codesInSources(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sources) {
    const text = fs.readFileSync(file, 'utf8');
    for (const pattern of patterns)
      for (const m of text.matchAll(pattern))
        for (const code of m.slice(1).filter(Boolean)) {
          const where = `${path.relative(root, file)}:${text.slice(0, m.index).split('\n').length}`;
          found.set(code, [...(found.get(code) ?? []), where]);
        }
  }
  return found;
}

const missingLabel = (catalog: Record<string, string>, code: string) => !catalog[`audit.action.${code}`]?.trim();
const report = (codes: [string, string[]][]) => codes.map(([code, where]) => `  ${code}  (${where.join(', ')})`).join('\n');

describe('audit actions', () => {
  const found = codesInSources();

  it('finds the codes in the sources (the scan works)', () => {
    for (const code of ['account.sign_in', 'internship.flag_read', 'internship.read', 'report.consent_given', 'conversation.read'])
      expect(found.has(code), code).toBe(true);
  });

  it('every action code in the sources is a listed action', () => {
    const unknown = [...found].filter(([code]) => !isAuditAction(code));
    expect(
      unknown,
      `Audit actions not in auditActions (src/platform/audit/actions.ts): add each with its kind ('read' | 'change' | 'sign_in'):\n${report(unknown)}`,
    ).toEqual([]);
  });

  it('every action in the sources and the list has a label in Danish and English', () => {
    const codes = new Set([...found.keys(), ...Object.keys(auditActions)]);
    const missing = [...codes].filter((code) => missingLabel(da, code) || missingLabel(en, code));
    const lines = missing.map((code) => {
      const langs = [missingLabel(da, code) && 'da', missingLabel(en, code) && 'en'].filter(Boolean).join(' and ');
      return `  'audit.action.${code}' (${langs})  ${found.get(code)?.join(', ') ?? '(listed in actions.ts)'}`;
    });
    expect(
      missing,
      `Audit actions without a label: add these keys to src/platform/i18n/catalog/audit-labels.da.ts and audit-labels.en.ts ` +
        `(plain words, past tense: 'Så din praktik' as audit.mine.<code> for the young person's own log is optional):\n${lines.join('\n')}`,
    ).toEqual([]);
  });

  it('a "you" wording exists only for a known action, in both languages', () => {
    const mine = Object.keys(da).filter((k) => k.startsWith('audit.mine.'));
    expect(mine.filter((k) => !isAuditAction(k.slice('audit.mine.'.length)))).toEqual([]);
    expect(mine.filter((k) => !(en as Record<string, string>)[k]?.trim())).toEqual([]);
  });
});
