import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { reportPdf } from '../../src/modules/reports/report.pdf.ts';
import type { ReportRow } from '../../src/modules/reports/reports.repository.ts';
import { translator } from '../../src/platform/i18n/i18n.ts';

/**
 * The report's PDF is tagged and accessible, checked in the bytes (no poppler, no pdf.js): the
 * catalog, the structure tree, and the marked content of the page in reading order.
 */
const five = (from: number, to: number, own: number | null) =>
  (['direction', 'persistence', 'curiosity', 'resilience', 'selfEsteem'] as const).map((dimension) => ({
    dimension,
    from,
    to,
    youthTo: own,
    reason: `Ord om ${dimension}.`,
  }));

const report = (over: Partial<ReportRow> = {}): ReportRow => ({
  id: '6f1c2e0a-0000-4000-8000-000000000001',
  municipalityId: '6f1c2e0a-0000-4000-8000-000000000002',
  youthId: '6f1c2e0a-0000-4000-8000-000000000003',
  periodStart: '2026-03-02',
  periodEnd: '2026-04-12',
  status: 'sent',
  facts: {
    group: { sessions: 2, present: 1, absentNotice: 1, absent: 0 },
    internships: [],
    recognitions: [],
    movements: five(4, 7, 8),
    assessments: 2,
  },
  summary: 'Amina er kommet godt i gang – æøå.',
  nextSteps: 'Forlænge praktikken.',
  youthComment: '',
  youthConfirmedAt: new Date('2026-04-14T10:00:00Z'),
  approvedAt: new Date('2026-04-13T10:00:00Z'),
  approvedByUserId: null,
  sentAt: new Date('2026-04-14T10:00:00Z'),
  heldBackAt: null,
  createdAt: new Date('2026-04-13T05:00:00Z'),
  updatedAt: new Date('2026-04-14T10:00:00Z'),
  firstName: 'Amina',
  lastName: 'Hansen',
  youthUserId: null,
  caseworkerUserId: null,
  ...over,
});

/** The PDF's objects as text, and its content streams inflated. */
function read(pdf: Buffer) {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  const re = />>\s*stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const dict = raw.slice(raw.lastIndexOf('<<', m.index), m.index);
    const bytes = pdf.subarray(start, end);
    if (dict.includes('/FlateDecode')) {
      try {
        streams.push(inflateSync(bytes).toString('latin1'));
      } catch {
        // a font or image stream: not page content
      }
    } else streams.push(bytes.toString('latin1'));
    re.lastIndex = end;
  }
  return { raw, content: streams.join('\n') };
}

/** The marked-content sequences of the page content, in the order drawn: tag and text (hex strings decoded). */
function marked(content: string): { tag: string; text: string }[] {
  const out: { tag: string; text: string }[] = [];
  const re = /\/(\w+) <<[^>]*\/MCID \d+[^>]*>> BDC([\s\S]*?)EMC/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(content))) {
    const text = [...m[2]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join('');
    out.push({ tag: m[1]!, text });
  }
  return out;
}

describe('the report as a tagged PDF', () => {
  it('has the language, the title, the structure tree and marked content (Danish)', async () => {
    const pdf = await reportPdf(report(), translator('da'), 'da');
    const { raw, content } = read(pdf);
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R|\/MarkInfo <<\s*\/Marked true/);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(raw).toContain('/Lang (da-DK)');
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toMatch(/\/Title (\(|<|\d+ 0 R)/);
    for (const s of ['Document', 'H1', 'H2', 'P', 'Table', 'TR', 'TH', 'TD']) expect(raw).toContain(`/S /${s}`);
    expect(raw).toMatch(/\/Scope \/Column/);
    expect(raw).toMatch(/\/Scope \/Row/);

    // Reading order: the title first, then the name, the period, whether it was sent, then the sections.
    const seq = marked(content);
    expect(seq.slice(0, 4).map((s) => s.tag)).toEqual(['H1', 'P', 'P', 'P']);
    expect(seq[0]!.text).toBe('Bevægelsesrapport');
    expect(seq[3]!.text).toBe('Sendt til sagsbehandleren tirsdag 14. april 2026, fordi den unge har sagt ja til det.');
    expect(seq.filter((s) => s.tag === 'H2').map((s) => s.text)).toEqual([
      'Fremmøde i netværksgruppen',
      'Praktik',
      'Anerkendelser fra praktikstedet',
      'De fem bevægelser',
      'Ungevejlederens vurdering',
      'Næste skridt',
      'Den unges kommentar',
    ]);
    // The table: column headers, then per row the dimension as row header and the scores — the young
    // person's own score beside the counsellor's.
    const th = seq.filter((s) => s.tag === 'TH').map((s) => s.text);
    expect(th.slice(0, 5)).toEqual(['Bevægelse', 'Først', 'Senest', 'Egen score', 'Ungevejlederens ord']);
    const cells = seq.map((s) => s.text);
    const row = cells.indexOf(th[5]!);
    expect(cells.slice(row, row + 5)).toEqual([th[5], '4', '7', '8', 'Ord om direction.']);
    expect(seq.at(-1)!.text).toBe('Godkendt af ungevejlederen mandag 13. april 2026.');
  });

  it('says it has not been sent when it was not, and speaks English in English', async () => {
    const held = read(await reportPdf(report({ status: 'held', sentAt: null }), translator('da'), 'da'));
    expect(marked(held.content)[3]!.text).toBe('Rapporten er ikke sendt til sagsbehandleren.');
    expect(held.content).not.toContain(Buffer.from('Sendt til').toString('hex'));

    const en = read(await reportPdf(report({ status: 'approved', sentAt: null }), translator('en'), 'en'));
    expect(en.raw).toContain('/Lang (en-GB)');
    const seq = marked(en.content);
    expect(seq[0]!.text).toBe('Movement report');
    expect(seq[3]!.text).toBe('The report has not been sent to the caseworker.');
  });
});
