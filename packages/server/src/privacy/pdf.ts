// A minimal PDF writer for documents a person reads (inzage/afschrift, access overview, a casus
// print): A4, the standard Helvetica fonts (no embedding), WinAnsi text, word-wrapped blocks,
// page numbers. Content streams are not compressed and text is written as literal strings, so
// what a document says can be checked by reading it back (pdfText) — the leak tests rely on it.
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

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN_X = 56;
const TOP = PAGE_H - 64;
const BOTTOM = 64;
const WIDTH = PAGE_W - 2 * MARGIN_X;
const LABEL_W = 160;

// Helvetica advance widths (1/1000 em) for the characters 32..126 (Adobe AFM).
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];

// WinAnsiEncoding bytes 0x80..0x9F (the rest of 0xA0..0xFF equals Latin-1).
const WIN_ANSI_HIGH: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};
const WIN_ANSI_BACK = new Map(Object.entries(WIN_ANSI_HIGH).map(([u, b]) => [b, Number(u)]));

function winAnsiByte(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp === 9 || cp === 10 || cp === 13) return 32;
  if (cp >= 32 && cp <= 126) return cp;
  if (cp >= 0xa0 && cp <= 0xff) return cp;
  return WIN_ANSI_HIGH[cp] ?? 63; // '?'
}

function charWidth(ch: string, bold: boolean): number {
  const base = ch.normalize('NFD')[0] ?? ch;
  const cp = base.codePointAt(0)!;
  const w = cp >= 32 && cp <= 126 ? HELVETICA[cp - 32]! : 556;
  return bold ? w * 1.08 : w;
}

export function textWidth(s: string, size: number, bold = false): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch, bold);
  return (w * size) / 1000;
}

/** Word-wrap to lines of at most `width` points; newlines start a new line. */
export function wrap(text: string, width: number, size: number, bold = false): string[] {
  const out: string[] = [];
  for (const para of String(text).split(/\r?\n/)) {
    const words = para.split(/\s+/).filter(Boolean);
    if (words.length === 0) {
      out.push('');
      continue;
    }
    let line = '';
    for (let word of words) {
      // A word longer than the line is cut.
      while (textWidth(word, size, bold) > width) {
        let cut = word.length;
        while (cut > 1 && textWidth(word.slice(0, cut), size, bold) > width) cut--;
        if (line) {
          out.push(line);
          line = '';
        }
        out.push(word.slice(0, cut));
        word = word.slice(cut);
      }
      const candidate = line ? `${line} ${word}` : word;
      if (textWidth(candidate, size, bold) <= width) line = candidate;
      else {
        out.push(line);
        line = word;
      }
    }
    if (line) out.push(line);
  }
  return out;
}

function pdfString(s: string): string {
  let out = '(';
  for (const ch of s) {
    const b = winAnsiByte(ch);
    if (b === 40 || b === 41 || b === 92) out += `\\${String.fromCharCode(b)}`;
    else if (b < 128) out += String.fromCharCode(b);
    else out += `\\${b.toString(8).padStart(3, '0')}`;
  }
  return `${out})`;
}

/** A text string outside content streams (document info): UTF-16BE with a byte-order mark. */
function infoString(s: string): string {
  const b = Buffer.from(s, 'utf16le').swap16();
  return `<FEFF${b.toString('hex').toUpperCase()}>`;
}

interface Line {
  font: 'F1' | 'F2';
  size: number;
  x: number;
  y: number;
  text: string;
  grey?: boolean;
}

function layout(blocks: PdfBlock[]): Line[][] {
  const pages: Line[][] = [[]];
  let y = TOP;
  const need = (h: number) => {
    if (y - h < BOTTOM) {
      pages.push([]);
      y = TOP;
    }
  };
  const put = (l: Omit<Line, 'y'>, leading: number) => {
    need(leading);
    y -= leading;
    pages[pages.length - 1]!.push({ ...l, y });
  };
  for (const b of blocks) {
    switch (b.type) {
      case 'title':
        for (const t of wrap(b.text, WIDTH, 17, true)) put({ font: 'F2', size: 17, x: MARGIN_X, text: t }, 24);
        y -= 6;
        break;
      case 'heading':
        need(60); // keep a heading with what follows
        y -= 10;
        for (const t of wrap(b.text, WIDTH, 13, true)) put({ font: 'F2', size: 13, x: MARGIN_X, text: t }, 19);
        y -= 2;
        break;
      case 'subheading':
        need(40);
        y -= 5;
        for (const t of wrap(b.text, WIDTH, 10.5, true)) put({ font: 'F2', size: 10.5, x: MARGIN_X, text: t }, 15);
        break;
      case 'text':
        for (const t of wrap(b.text, WIDTH, 10)) put({ font: 'F1', size: 10, x: MARGIN_X, text: t }, 14);
        y -= 3;
        break;
      case 'note':
        for (const t of wrap(b.text, WIDTH, 8.5)) put({ font: 'F1', size: 8.5, x: MARGIN_X, text: t, grey: true }, 12);
        y -= 3;
        break;
      case 'field': {
        const labels = wrap(b.label, LABEL_W - 10, 10, true);
        const values = wrap(b.value || '–', WIDTH - LABEL_W, 10);
        const n = Math.max(labels.length, values.length);
        need(14 * Math.min(n, 3));
        for (let i = 0; i < n; i++) {
          need(14);
          y -= 14;
          const page = pages[pages.length - 1]!;
          if (labels[i] !== undefined) page.push({ font: 'F2', size: 10, x: MARGIN_X, y, text: labels[i]! });
          if (values[i] !== undefined) page.push({ font: 'F1', size: 10, x: MARGIN_X + LABEL_W, y, text: values[i]! });
        }
        y -= 2;
        break;
      }
      case 'space':
        y -= 8;
        break;
    }
  }
  return pages;
}

const pdfDate = (d: Date) => `D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

export function renderPdf(doc: PdfDocument): Buffer {
  const pages = layout(doc.blocks);
  const n = pages.length;
  const objects: string[] = [];
  // 1 catalog, 2 pages, 3 Helvetica, 4 Helvetica-Bold, 5 info, then page + content per page.
  const pageObj = (i: number) => 6 + i * 2;
  objects[1] = `<< /Type /Catalog /Pages 2 0 R /Lang ${pdfString('nl-NL')} /ViewerPreferences << /DisplayDocTitle true >> >>`;
  objects[2] = `<< /Type /Pages /Kids [${pages.map((_, i) => `${pageObj(i)} 0 R`).join(' ')}] /Count ${n} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  objects[5] = `<< /Title ${infoString(doc.title)} /Subject ${infoString(doc.subject ?? doc.title)} /Producer ${pdfString('Voordeur')} /CreationDate ${pdfString(pdfDate(doc.createdAt ?? new Date()))} >>`;
  pages.forEach((lines, i) => {
    const ops: string[] = [];
    const text = (font: string, size: number, x: number, y: number, s: string, grey = false) =>
      ops.push(
        `BT ${grey ? '0.35 g ' : ''}/${font} ${size} Tf ${x.toFixed(2)} ${y.toFixed(2)} Td ${pdfString(s)} Tj ET${grey ? ' 0 g' : ''}`,
      );
    if (doc.banner) text('F2', 9, MARGIN_X, PAGE_H - 40, doc.banner, true);
    for (const l of lines) text(l.font, l.size, l.x, l.y, l.text, l.grey);
    text('F1', 8, MARGIN_X, 36, `${doc.footer} — pagina ${i + 1} van ${n}`, true);
    const stream = ops.join('\n');
    objects[pageObj(i)] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageObj(i) + 1} 0 R >>`;
    objects[pageObj(i) + 1] = `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  });

  // Pure 7-bit file (text is octal-escaped), so it survives any text transport unchanged.
  const parts: string[] = ['%PDF-1.4\n'];
  let offset = Buffer.byteLength(parts[0]!, 'latin1');
  const offsets: number[] = [];
  for (let i = 1; i < objects.length; i++) {
    offsets[i] = offset;
    const s = `${i} 0 obj\n${objects[i]}\nendobj\n`;
    parts.push(s);
    offset += Buffer.byteLength(s, 'latin1');
  }
  const xref = [
    `xref\n0 ${objects.length}\n`,
    '0000000000 65535 f \n',
    ...offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ].join('');
  parts.push(xref);
  parts.push(`trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${offset}\n%%EOF\n`);
  return Buffer.from(parts.join(''), 'latin1');
}

function unescapePdfString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = s[++i]!;
    if (/[0-7]/.test(next)) {
      let oct = next;
      while (oct.length < 3 && /[0-7]/.test(s[i + 1] ?? '')) oct += s[++i];
      out += String.fromCharCode(parseInt(oct, 8));
    } else out += ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[next] ?? next;
  }
  return [...out]
    .map((ch) => {
      const b = ch.charCodeAt(0);
      return String.fromCodePoint(WIN_ANSI_BACK.get(b) ?? b);
    })
    .join('');
}

/** The text of a PDF made by renderPdf, one line per text operation (for checks and tests). */
export function pdfText(pdf: Buffer | string): string {
  const s = typeof pdf === 'string' ? pdf : pdf.toString('latin1');
  const lines: string[] = [];
  for (const m of s.matchAll(/\(((?:\\[\s\S]|[^\\)])*)\)\s*Tj/g)) lines.push(unescapePdfString(m[1]!));
  // Document info strings (title, subject) are text a reader sees too.
  for (const m of s.matchAll(/\/(?:Title|Subject) <FEFF([0-9A-F]*)>/g))
    lines.push(Buffer.from(m[1]!, 'hex').swap16().toString('utf16le'));
  return lines.join('\n');
}

/**
 * Structural check of a PDF made by renderPdf: header, trailer, every object at the offset the
 * cross-reference table gives, stream lengths. Returns the problems found (none = valid).
 */
export function pdfStructure(buf: Buffer): { problems: string[]; objects: number; pages: number } {
  const s = buf.toString('latin1');
  const problems: string[] = [];
  if (!s.startsWith('%PDF-1.')) problems.push('no %PDF header');
  if (!s.trimEnd().endsWith('%%EOF')) problems.push('no %%EOF');
  const sx = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(s);
  const startxref = sx ? Number(sx[1]) : -1;
  const m = startxref >= 0 ? /^xref\n0 (\d+)\n/.exec(s.slice(startxref)) : null;
  if (!m) return { problems: [...problems, 'startxref does not point to an xref table'], objects: 0, pages: 0 };
  const n = Number(m[1]);
  const table = s
    .slice(startxref + m[0].length)
    .split('\n')
    .slice(0, n);
  if (table[0] !== '0000000000 65535 f ') problems.push('xref entry 0 is not the free head');
  for (let i = 1; i < n; i++) {
    const off = Number(table[i]?.slice(0, 10));
    if (s.slice(off, off + `${i} 0 obj`.length) !== `${i} 0 obj`) problems.push(`object ${i} is not at offset ${off}`);
  }
  if (!new RegExp(`trailer\\n<< /Size ${n} /Root 1 0 R`).test(s)) problems.push('trailer /Size or /Root wrong');
  for (const sm of s.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const end = sm.index! + sm[0].length + Number(sm[1]);
    if (s.slice(end, end + 10) !== '\nendstream') problems.push(`stream at ${sm.index} has a wrong /Length`);
  }
  const pages = Number(/\/Type \/Pages \/Kids \[[^\]]*\] \/Count (\d+)/.exec(s)?.[1] ?? 0);
  return { problems, objects: n - 1, pages };
}
