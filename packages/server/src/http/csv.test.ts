import { describe, expect, it } from 'vitest';
import { csvBestand, csvCel, csvRegel } from './csv.ts';

describe('the one CSV writer', () => {
  it('neutralises a text cell that starts like a formula: = + - @ tab CR', () => {
    for (const s of ['=1+1', '+31 20', '-2+3', '@SUM(A1)', '\tx', '\rx'])
      expect(csvCel(s).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCel('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
  });
  it('leaves ordinary text and numbers as they are (a negative number is not a formula)', () => {
    expect(csvCel('Amsterdam')).toBe('Amsterdam');
    expect(csvCel('a=b')).toBe('a=b');
    expect(csvCel(-3)).toBe('-3');
    expect(csvCel(12.5)).toBe('12,5');
    expect(csvCel(null)).toBe('');
    expect(csvCel(undefined)).toBe('');
  });
  it('quotes ; " and line breaks', () => {
    expect(csvCel('a;b')).toBe('"a;b"');
    expect(csvCel('zeg "ja"')).toBe('"zeg ""ja"""');
    expect(csvCel('a\nb')).toBe('"a\nb"');
  });
  it('writes a file with BOM, ; and CRLF', () => {
    expect(csvRegel(['a', 1, null])).toBe('a;1;');
    expect(
      csvBestand([
        ['x', 'y'],
        [1, '=2'],
      ]),
    ).toBe("\ufeffx;y\r\n1;'=2\r\n");
  });
});
