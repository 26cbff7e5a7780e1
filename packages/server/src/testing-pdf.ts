// Reading PDFs back in tests through pdf.js (Mozilla's PDF reader, a devDependency): what a reader
// shows is what the leak and content tests check, so a document that pdf.js cannot open fails them.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfGelezen {
  pages: number;
  /** The text per line as a reader extracts it; pages separated by a blank line. */
  text: string;
  title: string | undefined;
  subject: string | undefined;
}

export async function readPdf(buf: Buffer | string): Promise<PdfGelezen> {
  const data = new Uint8Array(typeof buf === 'string' ? Buffer.from(buf, 'latin1') : buf);
  const doc = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      let page = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        page += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(page);
    }
    const meta = await doc.getMetadata();
    const info = meta.info as { Title?: string; Subject?: string };
    return { pages: doc.numPages, text: pages.join('\n\n'), title: info.Title, subject: info.Subject };
  } finally {
    await doc.destroy();
  }
}

/** The text of a PDF (document title and subject included: a reader sees those too). */
export async function pdfText(buf: Buffer | string): Promise<string> {
  const r = await readPdf(buf);
  return [r.title, r.subject, r.text].filter(Boolean).join('\n');
}
