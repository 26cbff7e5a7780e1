// The QR code of the second factor: the SVG we render is read back module by module and must equal
// the library's matrix, and an independent reader below (written from ISO/IEC 18004, not from the
// library) must find a well-formed symbol in it — finder and timing patterns, format and version
// information with valid BCH codes, Reed–Solomon codewords that check out — and decode the exact
// otpauth URI from it. The quiet zone, the size and the accessible name are checked as rendered.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { moduleGrootte, qrMatrix, qrPad, QrCode, RUSTZONE } from './QrCode.tsx';

const LABEL = 'QR-code om de tweede factor in uw authenticator-app te zetten';
// As the server builds it (packages/server/src/auth/totp.ts otpauthUri) for a 20-byte secret.
const uri = (naam: string, geheim = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP') =>
  `otpauth://totp/${encodeURIComponent(`Voordeur:${naam}`)}?${new URLSearchParams({ secret: geheim, issuer: 'Voordeur', algorithm: 'SHA1', digits: '6', period: '30' })}`;

// ---------------------------------------------------------------- reading the rendered SVG

interface Gelezen {
  attrs: Record<string, string>;
  eenheden: number;
  /** Modules including the quiet zone, true = dark. */
  raster: boolean[][];
}

function leesSvg(html: string): Gelezen {
  const svg = /^<svg([^>]*)>(.*)<\/svg>$/s.exec(html);
  if (!svg) throw new Error(`no svg: ${html.slice(0, 80)}`);
  const attrs = Object.fromEntries([...svg[1]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  const [x0, y0, w, h] = attrs.viewBox!.split(' ').map(Number);
  expect([x0, y0]).toEqual([0, 0]);
  expect(w).toBe(h);
  const eenheden = w!;
  expect(svg[2]).toMatch(
    new RegExp(`^<rect width="${eenheden}" height="${eenheden}" fill="#ffffff"(/>|></rect>)<path `),
  );
  const d = /<path d="([^"]*)" fill="#000000"(\/>|><\/path>)$/.exec(svg[2]!)![1]!;
  const raster = Array.from({ length: eenheden }, () => Array<boolean>(eenheden).fill(false));
  const rest = d.replace(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g, (_, x, y, n, terug) => {
    expect(terug).toBe(n);
    for (let i = 0; i < Number(n); i++) {
      expect(raster[Number(y)]![Number(x) + i], 'modules drawn twice').toBe(false);
      raster[Number(y)]![Number(x) + i] = true;
    }
    return '';
  });
  expect(rest, 'path holds only module runs').toBe('');
  return { attrs, eenheden, raster };
}

// ---------------------------------------------------------------- an independent QR reader

const mul = (x: number, y: number): number => {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z;
};
/** Reed–Solomon error-correction codewords of `data` (generator with roots α^0 … α^(n−1)). */
function rsEcc(data: number[], n: number): number[] {
  const gen = Array<number>(n).fill(0);
  gen[n - 1] = 1;
  let root = 1;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      gen[j] = mul(gen[j]!, root);
      if (j + 1 < n) gen[j]! ^= gen[j + 1]!;
    }
    root = mul(root, 2);
  }
  const rest = Array<number>(n).fill(0);
  for (const b of data) {
    const f = b ^ rest.shift()!;
    rest.push(0);
    gen.forEach((g, i) => (rest[i]! ^= mul(g, f)));
  }
  return rest;
}
const bch = (waarde: number, bits: number, poly: number, graad: number): number => {
  let r = waarde << graad;
  for (let i = bits + graad - 1; i >= graad; i--) if ((r >>> i) & 1) r ^= poly << (i - graad);
  return (waarde << graad) | r;
};

/** Level M: [number of blocks, data codewords] per group, and EC codewords per block (ISO 18004 table 9). */
const BLOKKEN_M: Record<number, { groepen: [number, number][]; ecc: number }> = {
  1: { groepen: [[1, 16]], ecc: 10 },
  2: { groepen: [[1, 28]], ecc: 16 },
  3: { groepen: [[1, 44]], ecc: 26 },
  4: { groepen: [[2, 32]], ecc: 18 },
  5: { groepen: [[2, 43]], ecc: 24 },
  6: { groepen: [[4, 27]], ecc: 16 },
  7: { groepen: [[4, 31]], ecc: 18 },
  8: {
    groepen: [
      [2, 38],
      [2, 39],
    ],
    ecc: 22,
  },
  9: {
    groepen: [
      [3, 36],
      [2, 37],
    ],
    ecc: 22,
  },
  10: {
    groepen: [
      [4, 43],
      [1, 44],
    ],
    ecc: 26,
  },
};
const UITLIJNING: Record<number, number[]> = {
  1: [],
  2: [6, 18],
  3: [6, 22],
  4: [6, 26],
  5: [6, 30],
  6: [6, 34],
  7: [6, 22, 38],
  8: [6, 24, 42],
  9: [6, 26, 46],
  10: [6, 28, 50],
};
const MASKERS: ((r: number, c: number) => boolean)[] = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
];
const NIVEAU = ['M', 'L', 'H', 'Q'] as const; // the 2-bit code in the format information

/** Decode a symbol (no quiet zone, true = dark) of level M, versions 1–10, byte mode. */
function leesQr(m: boolean[][]): { tekst: string; versie: number; niveau: string; masker: number } {
  const n = m.length;
  const versie = (n - 17) / 4;
  if (!Number.isInteger(versie) || versie < 1 || m.some((r) => r.length !== n)) throw new Error(`not a QR size: ${n}`);
  const at = (r: number, c: number) => m[r]![c]!;

  // Finder patterns with their light separators, timing patterns, the dark module.
  for (const [r0, c0] of [
    [0, 0],
    [0, n - 7],
    [n - 7, 0],
  ] as const) {
    for (let r = -1; r <= 7; r++)
      for (let c = -1; c <= 7; c++) {
        const rr = r0 + r;
        const cc = c0 + c;
        if (rr < 0 || cc < 0 || rr >= n || cc >= n) continue;
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
        expect(at(rr, cc), `finder at ${r0},${c0}: ${rr},${cc}`).toBe(ring !== 2 && ring !== 4);
      }
  }
  for (let i = 8; i < n - 8; i++) {
    expect(at(6, i), `timing row ${i}`).toBe(i % 2 === 0);
    expect(at(i, 6), `timing column ${i}`).toBe(i % 2 === 0);
  }
  expect(at(n - 8, 8), 'dark module').toBe(true);

  // Format information: two copies, each a valid BCH(15,5) codeword under the mask 0x5412.
  const bit = (b: boolean, i: number) => (b ? 1 << i : 0);
  let een = 0;
  let twee = 0;
  for (let i = 0; i <= 5; i++) een |= bit(at(i, 8), i);
  een |= bit(at(7, 8), 6) | bit(at(8, 8), 7) | bit(at(8, 7), 8);
  for (let i = 9; i < 15; i++) een |= bit(at(8, 14 - i), i);
  for (let i = 0; i < 8; i++) twee |= bit(at(8, n - 1 - i), i);
  for (let i = 8; i < 15; i++) twee |= bit(at(n - 15 + i, 8), i);
  expect(twee, 'both copies of the format information').toBe(een);
  const formaat = [...Array(32).keys()].find((d) => (bch(d, 5, 0x537, 10) ^ 0x5412) === een);
  if (formaat === undefined) throw new Error(`format information is not a BCH codeword: ${een.toString(2)}`);
  const niveau = NIVEAU[formaat >> 3]!;
  const masker = formaat & 7;

  // Version information (version 7 and up): two copies, BCH(18,6).
  if (versie >= 7) {
    let a = 0;
    let b = 0;
    for (let i = 0; i < 18; i++) {
      a |= bit(at(Math.floor(i / 3), n - 11 + (i % 3)), i);
      b |= bit(at(n - 11 + (i % 3), Math.floor(i / 3)), i);
    }
    expect(a, 'version information').toBe(bch(versie, 6, 0x1f25, 12));
    expect(b, 'version information (second copy)').toBe(a);
  }

  // Which modules carry data.
  const functie = Array.from({ length: n }, () => Array<boolean>(n).fill(false));
  const zet = (r0: number, c0: number, h: number, w: number) => {
    for (let r = r0; r < r0 + h; r++) for (let c = c0; c < c0 + w; c++) functie[r]![c] = true;
  };
  zet(0, 0, 9, 9);
  zet(0, n - 8, 9, 8);
  zet(n - 8, 0, 8, 9);
  zet(6, 0, 1, n);
  zet(0, 6, n, 1);
  const pos = UITLIJNING[versie];
  if (!pos) throw new Error(`version ${versie} not in this reader's tables`);
  for (const r of pos)
    for (const c of pos) {
      if ((r === 6 && c === 6) || (r === 6 && c === pos.at(-1)) || (r === pos.at(-1) && c === 6)) continue;
      for (let dr = -2; dr <= 2; dr++)
        for (let dc = -2; dc <= 2; dc++)
          expect(at(r + dr, c + dc), `alignment ${r},${c}`).toBe(Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
      zet(r - 2, c - 2, 5, 5);
    }
  if (versie >= 7) {
    zet(0, n - 11, 6, 3);
    zet(n - 11, 0, 3, 6);
  }

  // Codewords in the zigzag order, unmasked.
  const bits: number[] = [];
  for (let rechts = n - 1; rechts >= 1; rechts -= 2) {
    if (rechts === 6) rechts = 5;
    const omhoog = ((rechts + 1) & 2) === 0;
    for (let v = 0; v < n; v++) {
      const r = omhoog ? n - 1 - v : v;
      for (const c of [rechts, rechts - 1]) if (!functie[r]![c]) bits.push(Number(at(r, c) !== MASKERS[masker]!(r, c)));
    }
  }
  const woorden: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) woorden.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));

  // De-interleave into blocks and check every block's Reed–Solomon codewords.
  if (niveau !== 'M') throw new Error(`level ${niveau}: only M is in this reader's tables`);
  const { groepen, ecc } = BLOKKEN_M[versie]!;
  const lengtes = groepen.flatMap(([aantal, lengte]) => Array<number>(aantal).fill(lengte));
  const data = lengtes.map(() => [] as number[]);
  let k = 0;
  for (let i = 0; i < Math.max(...lengtes); i++) lengtes.forEach((l, b) => i < l && data[b]!.push(woorden[k++]!));
  const controle = lengtes.map(() => [] as number[]);
  for (let i = 0; i < ecc; i++) controle.forEach((c) => c.push(woorden[k++]!));
  data.forEach((blok, b) => expect(controle[b], `Reed–Solomon codewords of block ${b}`).toEqual(rsEcc(blok, ecc)));

  // One byte-mode segment, then the terminator and the pad codewords 0xEC 0x11.
  const stroom = data.flat().flatMap((w) => [...w.toString(2).padStart(8, '0')].map(Number));
  let p = 0;
  const lees = (aantal: number) => stroom.slice(p, (p += aantal)).reduce((a, b) => (a << 1) | b, 0);
  expect(lees(4), 'byte mode').toBe(0b0100);
  const lengte = lees(versie < 10 ? 8 : 16);
  const bytes = Uint8Array.from({ length: lengte }, () => lees(8));
  const eind = Math.min(4, stroom.length - p);
  expect(lees(eind), 'terminator').toBe(0);
  expect(lees((8 - (p % 8)) % 8), 'zero bits up to the codeword boundary').toBe(0);
  for (let i = 0; p < stroom.length; i++) expect(lees(8), 'pad codeword').toBe(i % 2 ? 0x11 : 0xec);
  return { tekst: new TextDecoder('utf-8', { fatal: true }).decode(bytes), versie, niveau, masker };
}

// ---------------------------------------------------------------- the tests

const render = (tekst: string) => leesSvg(renderToStaticMarkup(<QrCode tekst={tekst} label={LABEL} />));
const zonderRand = (g: Gelezen) => g.raster.slice(RUSTZONE, -RUSTZONE).map((r) => r.slice(RUSTZONE, -RUSTZONE));

describe('QrCode', () => {
  it('draws exactly the library’s modules, inside a light quiet zone of 4 modules', () => {
    const tekst = uri('backoffice2');
    const g = render(tekst);
    expect(zonderRand(g)).toEqual(qrMatrix(tekst));
    g.raster.forEach((rij, r) =>
      rij.forEach((donker, c) => {
        const inRand = r < RUSTZONE || c < RUSTZONE || r >= g.eenheden - RUSTZONE || c >= g.eenheden - RUSTZONE;
        if (inRand) expect(donker, `quiet zone ${r},${c}`).toBe(false);
      }),
    );
  });

  it('is a valid symbol that decodes to the otpauth URI (level M)', () => {
    for (const naam of ['bureau', 'backoffice2', 'f.deboer', 'een-heel-lange-gebruikersnaam@organisatie.nl']) {
      const tekst = uri(naam);
      const q = leesQr(zonderRand(render(tekst)));
      expect(q.tekst).toBe(tekst);
      expect(q.niveau).toBe('M');
    }
    // Demo users' URIs are 116–127 bytes: version 7 or 8, with version information and 6 alignment patterns.
    expect(leesQr(qrMatrix(uri('bureau'))).versie).toBe(7);
    expect(leesQr(qrMatrix(uri('backoffice2'))).versie).toBe(8);
  });

  it('the reader notices a single wrong module (data, format information, timing)', () => {
    const m = qrMatrix(uri('bureau'));
    const n = m.length;
    for (const [r, c] of [
      [n - 1, n - 1],
      [n - 9, n - 12],
      [8, 2],
      [6, 12],
    ] as const) {
      const fout = m.map((rij) => [...rij]);
      fout[r]![c] = !fout[r]![c];
      expect(() => leesQr(fout), `module ${r},${c}`).toThrow();
    }
  });

  it('encodes non-ASCII text as UTF-8 bytes', () => {
    const tekst = 'Voordeur: Zoë & Ümit — €';
    expect(leesQr(qrMatrix(tekst)).tekst).toBe(tekst);
  });

  it('reads back whichever mask pattern and version the library chooses (many inputs)', () => {
    const maskers = new Set<number>();
    const versies = new Set<number>();
    for (let i = 0; i < 80; i++) {
      const geheim = ((i * 2654435761) >>> 0).toString(36).toUpperCase().padEnd(32, 'Q');
      const tekst = `${uri(`u${i}`, geheim)}&x=${geheim.repeat(3)}`.slice(0, 10 + ((i * 37) % 200));
      const q = leesQr(qrMatrix(tekst));
      expect(q.tekst).toBe(tekst);
      maskers.add(q.masker);
      versies.add(q.versie);
    }
    expect(maskers.size).toBeGreaterThanOrEqual(5);
    expect(versies.size).toBe(10); // 1–10: also the 16-bit length field of version 10
  });

  it('is an image with a Dutch accessible name, dark on white, crisp and shrinkable', () => {
    const g = render(uri('backoffice2'));
    expect(g.attrs.role).toBe('img');
    expect(g.attrs['aria-label']).toBe(LABEL);
    expect(g.attrs['shape-rendering']).toBe('crispEdges');
    expect(g.attrs.style).toContain('max-width:100%');
    expect(g.attrs.style).toContain('height:auto');
    const px = Number(g.attrs.width);
    expect(g.attrs.height).toBe(g.attrs.width);
    expect(px % g.eenheden, 'whole pixels per module').toBe(0);
    expect(px).toBeGreaterThanOrEqual(200);
    expect(px).toBeLessThanOrEqual(240);
  });

  it('sizes whole-pixel modules close to the target', () => {
    expect(moduleGrootte(53)).toBe(4); // version 7: 212 px
    expect(moduleGrootte(57)).toBe(4); // version 8: 228 px
    expect(moduleGrootte(49)).toBe(4); // version 6: 196 px (245 is further off)
    expect(moduleGrootte(500)).toBe(1);
  });

  it('draws runs of dark modules as one rectangle each', () => {
    expect(qrPad([[true, true, false, true]], 0)).toBe('M0 0h2v1h-2zM3 0h1v1h-1z');
    expect(qrPad([[false], [true]], 4)).toBe('M4 5h1v1h-1z');
  });
});
