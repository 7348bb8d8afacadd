import PDFDocument from 'pdfkit';
import { localDate } from '../../platform/dates.ts';
import { type Locale, type Translate, formatDay } from '../../platform/i18n/i18n.ts';
import type { ReportRow } from './reports.repository.ts';

type Key = Parameters<Translate>[0];

/** A date in words with its year ("mandag 13. april 2026"): a report is read long after. */
const inWords = (locale: Locale, isoDate: string) => formatDay(locale, isoDate, 0);

/**
 * The 6-weekly report as a PDF for the caseworker: the same content as the report page, in
 * PDFKit's standard Helvetica (WinAnsi covers Danish letters). A tagged PDF (PDF/UA's basics): the
 * document's language and title, a structure tree in reading order — a heading, paragraphs, and the
 * movements as a table with column headers and the dimensions as row headers.
 */
export function reportPdf(r: ReportRow, t: Translate, locale: string): Promise<Buffer> {
  const lang: Locale = locale === 'da' ? 'da' : 'en';
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    pdfVersion: '1.7',
    tagged: true,
    lang: lang === 'da' ? 'da-DK' : 'en-GB',
    displayTitle: true,
    info: { Title: t('report.pdf_title', { name: `${r.firstName} ${r.lastName}`, end: r.periodEnd }), Author: 'nextwork' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  /** One structure element whose content is drawn now: the order of calls is the reading order. */
  const block = (type: 'H1' | 'H2' | 'P', draw: () => void) => root.add(doc.struct(type, {}, draw));
  const heading = (text: string) => block('H2', () => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(text).moveDown(0.2));
  const line = (text: string) => block('P', () => doc.font('Helvetica').fontSize(10.5).fillColor('black').text(text, { paragraphGap: 2 }));
  const f = r.facts;

  block('H1', () => doc.font('Helvetica-Bold').fontSize(18).text(t('report.title')));
  block('P', () => doc.font('Helvetica').fontSize(11).text(`${r.firstName} ${r.lastName}`));
  line(t('report.period', { start: inWords(lang, r.periodStart), end: inWords(lang, r.periodEnd) }));
  // Sent only when it was: a draft, or a report held by the young person, says it has not been.
  line(r.status === 'sent' && r.sentAt ? t('report.pdf_sent_on', { date: inWords(lang, localDate(r.sentAt)) }) : t('report.pdf_not_sent'));

  heading(t('report.group'));
  line(
    t('report.group_line', { sessions: f.group.sessions, present: f.group.present, notice: f.group.absentNotice, absent: f.group.absent }),
  );

  heading(t('report.internships'));
  if (!f.internships.length) line(t('report.no_internships'));
  for (const i of f.internships)
    line(
      t('report.internship_line', {
        company: i.company,
        title: i.title,
        from: i.from,
        to: i.to ?? t('report.ongoing'),
        present: i.daysPresent,
        absent: i.daysAbsent,
      }),
    );

  heading(t('report.recognitions'));
  if (!f.recognitions.length) line(t('report.no_recognitions'));
  for (const rec of f.recognitions) line(`${rec.company} (${rec.weekStart}): «${rec.text}»`);

  heading(t('report.movements'));
  if (!f.assessments) line(t('report.no_movements'));
  else {
    const score = (v: number | null) => (v === null ? '–' : String(v));
    const header = [t('report.movement'), t('report.first'), t('report.latest'), t('report.own'), t('report.words')];
    doc.font('Helvetica').fontSize(9.5).fillColor('black');
    // PDFKit's table tags itself (Table, TR, TH with a scope, TD) under the structure parent it is given.
    doc.table({
      structParent: root,
      columnStyles: [92, 44, 44, 52, '*'],
      defaultStyle: { border: 0.5, padding: 4 },
      data: [
        header.map((text) => ({ text, type: 'TH', scope: 'column', font: { src: 'Helvetica-Bold' } })),
        ...f.movements.map((m) => [
          { text: t(`movement.dim.${m.dimension}` as Key), type: 'TH', scope: 'row', font: { src: 'Helvetica-Bold' } },
          score(m.from),
          score(m.to),
          score(m.youthTo),
          m.reason || '–',
        ]),
      ],
    } as PDFKit.Mixins.TableOptionsWithData);
    doc.x = doc.page.margins.left;
  }

  heading(t('report.summary'));
  line(r.summary || '–');
  heading(t('report.next_steps'));
  line(r.nextSteps || '–');
  heading(t('report.youth_comment'));
  line(r.youthComment || t('report.no_comment'));

  block('P', () =>
    doc
      .moveDown(1.5)
      .fontSize(9)
      .fillColor('#444444')
      .text(r.approvedAt ? t('report.pdf_approved_on', { date: inWords(lang, localDate(r.approvedAt)) }) : t('report.pdf_not_approved')),
  );
  root.end();
  doc.end();
  return done;
}
