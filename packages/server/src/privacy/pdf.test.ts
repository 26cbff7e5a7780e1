// The minimal PDF writer and the redactor: a PDF whose structure a reader accepts (header,
// objects at the offsets the xref table names, trailer, startxref), text that reads back exactly
// (including Dutch diacritics and PDF-special characters), and redaction of names, numbers and
// e-mail addresses in the forms people write them.
import { describe, expect, it } from 'vitest';
import { pdfStructure, pdfText, renderPdf, textWidth, wrap } from './pdf.ts';
import { nameTerms, redactDeep, redactor } from './redact.ts';

function checkPdfStructure(buf: Buffer) {
  const r = pdfStructure(buf);
  expect(r.problems).toEqual([]);
  return r;
}

describe('renderPdf', () => {
  it('writes a structurally valid PDF whose text reads back, with diacritics and ( ) \\ intact', () => {
    const pdf = renderPdf({
      title: 'Inzage — dossier',
      footer: 'Veilig Thuis · vertrouwelijk',
      blocks: [
        { type: 'title', text: 'Inzage van uw dossier' },
        { type: 'field', label: 'Naam', value: 'Zoë van der Meer-Ünal (roepnaam) \\ € 5' },
        { type: 'text', text: 'Geïnformeerd op 3 maart; “aanhalingstekens” en ‘enkele’ – streepjes…' },
      ],
    });
    const st = checkPdfStructure(pdf);
    expect(st.pages).toBe(1);
    const text = pdfText(pdf);
    expect(text).toContain('Zoë van der Meer-Ünal (roepnaam) \\ € 5');
    expect(text).toContain('Geïnformeerd op 3 maart; “aanhalingstekens” en ‘enkele’ – streepjes…');
    expect(text).toContain('Inzage — dossier');
    expect(text).toMatch(/pagina 1 van 1/);
    // Text is never stored as plain UTF-8 bytes: the whole file is 7-bit ASCII.
    expect(pdf.every((b) => b < 128)).toBe(true);
  });

  it('wraps long text within the page and breaks onto new pages, numbering each', () => {
    const long = Array.from({ length: 400 }, (_, i) => `woord${i}`).join(' ');
    const pdf = renderPdf({
      title: 't',
      footer: 'f',
      blocks: Array.from({ length: 6 }, () => ({ type: 'text' as const, text: long })),
    });
    const st = checkPdfStructure(pdf);
    expect(st.pages).toBeGreaterThan(2);
    const text = pdfText(pdf);
    expect(text).toContain(`pagina ${st.pages} van ${st.pages}`);
    // Every word is there exactly six times, none cut in half.
    for (const w of ['woord0', 'woord199', 'woord399'])
      expect(text.split(/\s+/).filter((x) => x === w)).toHaveLength(6);
    for (const line of wrap(long, 483, 10)) expect(textWidth(line, 10)).toBeLessThanOrEqual(483);
  });
});

describe('redactor', () => {
  it('redacts a name in other spacing and case, a phone number written differently, an e-mail address', () => {
    const r = redactor({
      names: nameTerms('Mirjam Quaedvlieg'),
      numbers: ['020 555 0143'],
      emails: ['m.quaedvlieg@voorbeeld.nl'],
    });
    const out = r(
      'Gebeld door MIRJAM  quaedvlieg (tel. 020-5550143, +31 20 555 01 43, M.Quaedvlieg@voorbeeld.nl); Quaedvlieg wil anoniem blijven.',
    )!;
    expect(out).not.toMatch(/quaedvlieg/i);
    expect(out.replace(/\D/g, '')).not.toContain('5550143');
    expect(out).toContain('Gebeld door [afgeschermd]');
    // Unrelated words and numbers stay.
    expect(r('Mirjamstraat 12, 1053 AB')).toBe('Mirjamstraat 12, 1053 AB');
  });

  it("does not treat tussenvoegsels or the person's own surname as a name to redact", () => {
    expect(nameTerms('Yara van der Tahiri', ['Tahiri'])).toEqual(['Yara van der Tahiri', 'Yara']);
    const r = redactor({ names: nameTerms('Yara van der Tahiri', ['Tahiri']) });
    expect(r('Yara en haar moeder mevrouw Tahiri wonen van der Hoek')).toBe(
      '[afgeschermd] en haar moeder mevrouw Tahiri wonen van der Hoek',
    );
  });

  it('redactDeep reaches every string in nested values and keeps other types', () => {
    const r = redactor({ names: ['Quaedvlieg'] });
    expect(redactDeep({ a: ['Quaedvlieg belt', { b: 'quaedvlieg' }], n: 3, x: null }, r)).toEqual({
      a: ['[afgeschermd] belt', { b: '[afgeschermd]' }],
      n: 3,
      x: null,
    });
  });
});
