import PDFDocument from 'pdfkit';
import type { Translate } from '../../platform/i18n/i18n.ts';
import type { ReportRow } from './reports.repository.ts';

type Key = Parameters<Translate>[0];

/**
 * The 6-weekly report as a PDF for the caseworker: the same content as the report page, in
 * PDFKit's standard Helvetica (WinAnsi covers Danish letters), tagged with title and language.
 */
export function reportPdf(r: ReportRow, t: Translate, locale: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: locale === 'da' ? 'da-DK' : 'en-GB',
    displayTitle: true,
    info: { Title: t('report.pdf_title', { name: `${r.firstName} ${r.lastName}`, end: r.periodEnd }), Author: 'nextwork' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const heading = (text: string) =>
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(text).moveDown(0.2).font('Helvetica').fontSize(10.5);
  const line = (text: string) => doc.text(text, { paragraphGap: 2 });
  const f = r.facts;

  doc.font('Helvetica-Bold').fontSize(18).text(t('report.title'));
  doc.font('Helvetica').fontSize(11).text(`${r.firstName} ${r.lastName}`);
  line(t('report.period', { start: r.periodStart, end: r.periodEnd }));

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
  else
    for (const m of f.movements) {
      doc
        .font('Helvetica-Bold')
        .text(t(`movement.dim.${m.dimension}` as Key), { continued: true })
        .font('Helvetica');
      doc.text(
        `: ${t('report.movement_line', { from: m.from ?? '–', to: m.to ?? '–' })}${m.youthTo !== null ? ` · ${t('report.own_score', { score: m.youthTo })}` : ''}`,
      );
      if (m.reason) doc.fillColor('#333333').text(m.reason, { indent: 12, paragraphGap: 3 }).fillColor('black');
    }

  heading(t('report.summary'));
  line(r.summary || '–');
  heading(t('report.next_steps'));
  line(r.nextSteps || '–');
  heading(t('report.youth_comment'));
  line(r.youthComment || t('report.no_comment'));

  doc
    .moveDown(1.5)
    .fontSize(9)
    .fillColor('#444444')
    .text(
      t('report.footer', { approved: r.approvedAt?.toISOString().slice(0, 10) ?? '–', sent: r.sentAt?.toISOString().slice(0, 10) ?? '–' }),
    );
  doc.end();
  return done;
}
