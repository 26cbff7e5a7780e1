// The PDF writer and the redactor: a PDF that a real reader (pdf.js) opens, whose text reads back
// exactly — names in any script Dutch clients write them in, Dutch diacritics, PDF-special
// characters —, and redaction of names, numbers and e-mail addresses in the forms people write them.
import { describe, expect, it } from 'vitest';
import { readPdf } from '../testing-pdf.ts';
import { renderPdf } from './pdf.ts';
import { nameTerms, redactDeep, redactor } from './redact.ts';

describe('renderPdf', () => {
  it('prints every name as written (embedded Unicode font) and the text reads back, ( ) \\ intact', async () => {
    const namen = [
      'Şükrü Yılmaz',
      'Nguyễn Văn Thành',
      'Zoë van der Meer-Ünal',
      'Øystein Ångström',
      'Łukasz Wróbel',
      'Ðorđe Čolić',
    ];
    const pdf = renderPdf({
      title: 'Inzage — dossier',
      footer: 'Veilig Thuis · vertrouwelijk',
      banner: 'CONCEPT — nog niet besloten',
      blocks: [
        { type: 'title', text: 'Inzage van uw dossier' },
        ...namen.map((n) => ({ type: 'field' as const, label: 'Naam', value: `${n} (roepnaam) \\ € 5` })),
        { type: 'text', text: 'Geïnformeerd op 3 maart; “aanhalingstekens” en ‘enkele’ – streepjes…' },
        { type: 'note', text: 'Een stuurteken\u0000 breekt het document niet.' },
      ],
    });
    const r = await readPdf(pdf);
    expect(r.pages).toBe(1);
    expect(r.title).toBe('Inzage — dossier');
    for (const n of namen) expect(r.text).toContain(`${n} (roepnaam) \\ € 5`);
    expect(r.text).toContain('Geïnformeerd op 3 maart; “aanhalingstekens” en ‘enkele’ – streepjes…');
    expect(r.text).toMatch(/^CONCEPT — nog niet besloten/m);
    expect(r.text).toMatch(/pagina 1 van 1/);
    expect(r.text).not.toContain('?');
    // The font is embedded (not one of the 14 standard fonts, which would print "?" for Ş, ı and ễ).
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/);
  });

  it('wraps long text within the page and breaks onto new pages, numbering each', async () => {
    const long = Array.from({ length: 400 }, (_, i) => `woord${i}`).join(' ');
    const pdf = renderPdf({
      title: 't',
      footer: 'f',
      blocks: [
        ...Array.from({ length: 6 }, () => ({ type: 'text' as const, text: long })),
        { type: 'field', label: 'Toelichting', value: long },
      ],
    });
    const r = await readPdf(pdf);
    expect(r.pages).toBeGreaterThan(2);
    expect(r.text).toContain(`pagina ${r.pages} van ${r.pages}`);
    // Every word is there exactly seven times, none cut in half.
    for (const w of ['woord0', 'woord199', 'woord399'])
      expect(r.text.split(/\s+/).filter((x) => x === w)).toHaveLength(7);
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
