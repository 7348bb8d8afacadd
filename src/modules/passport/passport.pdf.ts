import PDFDocument from 'pdfkit';
import { localDate } from '../../platform/dates.ts';
import { type Locale, type Translate, formatDay } from '../../platform/i18n/i18n.ts';
import type { Passport } from './passport.repository.ts';
import { passportTexts } from './passport.values.ts';

type Key = Parameters<Translate>[0];

/**
 * The competence passport as a PDF for the young person to take along: the same content as the
 * page, in PDFKit's standard Helvetica (WinAnsi covers Danish letters). Tagged like the 6-weekly
 * report's PDF (reports/report.pdf.ts): language, title, and a structure tree in reading order —
 * a heading, the sections as H2 with their paragraphs, the strengths as a list.
 */
export function passportPdf(name: string, p: Passport, t: Translate, locale: string, now: Date): Promise<Buffer> {
  const lang: Locale = locale === 'da' ? 'da' : 'en';
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    pdfVersion: '1.7',
    tagged: true,
    lang: lang === 'da' ? 'da-DK' : 'en-GB',
    displayTitle: true,
    info: { Title: t('passport.pdf_title', { name }), Author: 'nextwork' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const block = (type: 'H1' | 'H2' | 'P', draw: () => void) => root.add(doc.struct(type, {}, draw));
  const heading = (text: string) => block('H2', () => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(text).moveDown(0.2));
  const line = (text: string) => block('P', () => doc.font('Helvetica').fontSize(10.5).fillColor('black').text(text, { paragraphGap: 2 }));

  block('H1', () => doc.font('Helvetica-Bold').fontSize(18).text(t('passport.pdf_title', { name })));
  line(t('passport.pdf_made', { date: formatDay(lang, localDate(now), 0) }));

  heading(t('passport.strengths'));
  if (!p.strengths.length) line(t('passport.empty'));
  else {
    const list = doc.struct('L');
    root.add(list);
    for (const s of p.strengths) {
      const where = [s.where, s.when].filter(Boolean).join(', ');
      list.add(
        doc.struct('LI', {}, [
          doc.struct('LBody', {}, () =>
            doc
              .font('Helvetica')
              .fontSize(10.5)
              .text(`• ${s.what}${where ? ` (${where})` : ''}`, { paragraphGap: 2 }),
          ),
        ]),
      );
    }
    list.end();
  }
  for (const k of passportTexts) {
    heading(t(`passport.${k}` as Key));
    line(p[k] || t('passport.empty'));
  }
  root.end();
  doc.end();
  return done;
}
