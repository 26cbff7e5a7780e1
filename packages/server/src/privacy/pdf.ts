// The PDF writer for documents a person reads (inzage/afschrift, the access overview, a casus
// print): A4, word-wrapped blocks, a banner and a numbered footer on every page.
//
// Built on PDFKit with DejaVu Sans embedded (subset) as the font: every name prints as written —
// "Şükrü Yılmaz", "Nguyễn", "Zoë" — where the standard PDF fonts only know WinAnsi. PDFKit writes a
// ToUnicode map with the font, so the text stays extractable (copy, search, screen readers, and the
// leak tests that read the documents back through pdf.js in `testing-pdf.ts`).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import PDFDocument from 'pdfkit';

export type PdfBlock =
  | { type: 'title'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'subheading'; text: string }
  | { type: 'text'; text: string }
  | { type: 'field'; label: string; value: string }
  | { type: 'note'; text: string }
  | { type: 'space' };

export interface PdfDocument {
  title: string;
  subject?: string;
  /** Printed at the bottom of every page, with the page number. */
  footer: string;
  /** Printed at the top of every page (e.g. "CONCEPT"). */
  banner?: string;
  blocks: PdfBlock[];
  createdAt?: Date;
}

const MARGIN_X = 56;
const MARGIN_Y = 64;
const LABEL_W = 160;
const GREY = '#595959';

let fonts: { regular: Buffer; bold: Buffer } | undefined;
/** The embedded fonts, read once from the dejavu-fonts-ttf package (a production dependency). */
function fontData(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    fonts = {
      regular: fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
      bold: fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
    };
  }
  return fonts;
}

/** Text as PDFKit should set it: control characters (other than newlines) become spaces. */
const clean = (s: string) =>
  [...String(s)].map((ch) => (ch !== '\n' && (ch < ' ' || ch === '\u007f') ? ' ' : ch)).join('');

export function renderPdf(doc: PdfDocument): Buffer {
  const f = fontData();
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN_Y, bottom: MARGIN_Y, left: MARGIN_X, right: MARGIN_X },
    bufferPages: true,
    lang: 'nl-NL',
    displayTitle: true,
    info: {
      Title: doc.title,
      Subject: doc.subject ?? doc.title,
      Producer: 'Voordeur',
      Creator: 'Voordeur',
      CreationDate: doc.createdAt ?? new Date(),
    },
  });
  pdf.registerFont('regular', f.regular);
  pdf.registerFont('bold', f.bold);
  const width = pdf.page.width - 2 * MARGIN_X;
  const bottom = () => pdf.page.height - MARGIN_Y;
  /** Start a new page unless `h` points still fit (keeps a heading with what follows). */
  const need = (h: number) => {
    if (pdf.y + h > bottom()) pdf.addPage();
  };
  const para = (text: string, font: 'regular' | 'bold', size: number, opts: { grey?: boolean; gap?: number } = {}) => {
    pdf
      .font(font)
      .fontSize(size)
      .fillColor(opts.grey ? GREY : 'black')
      .text(clean(text), MARGIN_X, pdf.y, { width, lineGap: 2 });
    pdf.y += opts.gap ?? 0;
  };

  for (const b of doc.blocks) {
    switch (b.type) {
      case 'title':
        para(b.text, 'bold', 17, { gap: 8 });
        break;
      case 'heading':
        need(60);
        pdf.y += 10;
        para(b.text, 'bold', 13, { gap: 4 });
        break;
      case 'subheading':
        need(40);
        pdf.y += 5;
        para(b.text, 'bold', 10.5, { gap: 2 });
        break;
      case 'text':
        para(b.text, 'regular', 10, { gap: 4 });
        break;
      case 'note':
        para(b.text, 'regular', 8.5, { grey: true, gap: 4 });
        break;
      case 'field': {
        // Label and value side by side; both may wrap, the next block starts below the longer.
        const label = clean(b.label);
        const value = clean(b.value || '–');
        pdf.fontSize(10);
        const hLabel = pdf.font('bold').heightOfString(label, { width: LABEL_W - 10, lineGap: 2 });
        const hValue = pdf.font('regular').heightOfString(value, { width: width - LABEL_W, lineGap: 2 });
        need(Math.min(Math.max(hLabel, hValue), 3 * 14));
        const top = pdf.y;
        pdf
          .fillColor('black')
          .font('bold')
          .text(label, MARGIN_X, top, { width: LABEL_W - 10, lineGap: 2 });
        const afterLabel = pdf.y;
        const labelPage = pdf.bufferedPageRange().count;
        pdf.font('regular').text(value, MARGIN_X + LABEL_W, top, { width: width - LABEL_W, lineGap: 2 });
        // A value that ran onto a new page ends below anything the label left on the old one.
        if (pdf.bufferedPageRange().count === labelPage) pdf.y = Math.max(pdf.y, afterLabel);
        pdf.y += 3;
        break;
      }
      case 'space':
        pdf.y += 8;
        break;
    }
  }

  // Banner and footer on every page, now that the number of pages is known.
  const { start, count } = pdf.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    // Writing in the margins must not start a new page.
    const margins = pdf.page.margins;
    pdf.page.margins = { ...margins, top: 0, bottom: 0 };
    if (doc.banner)
      pdf.font('bold').fontSize(9).fillColor(GREY).text(clean(doc.banner), MARGIN_X, 36, { width, lineBreak: false });
    pdf
      .font('regular')
      .fontSize(8)
      .fillColor(GREY)
      .text(`${clean(doc.footer)} — pagina ${i - start + 1} van ${count}`, MARGIN_X, pdf.page.height - 44, {
        width,
        lineBreak: false,
      });
    pdf.page.margins = margins;
  }
  pdf.flushPages();
  pdf.end();
  // PDFKit writes synchronously (fflate for compression); the whole document is buffered in the stream.
  const chunks: Buffer[] = [];
  for (let c: Buffer | null = pdf.read() as Buffer | null; c !== null; c = pdf.read() as Buffer | null) chunks.push(c);
  return Buffer.concat(chunks);
}
