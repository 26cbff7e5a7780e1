// A QR code drawn in the browser as inline SVG, for the otpauth:// URI of a second factor. The
// encoding is done by `qrcode-generator` (MIT, no dependencies); nothing is fetched and the text
// (which holds the TOTP secret) never leaves the page. Dark modules on white with the 4-module quiet
// zone the QR standard asks for, whole device pixels per module, and no wider than its container.
import { useMemo } from 'react';
import qrcode from 'qrcode-generator';

/** Light border around the symbol, in modules (ISO/IEC 18004 asks for at least 4). */
export const RUSTZONE = 4;

export type Foutcorrectie = 'L' | 'M' | 'Q' | 'H';

/**
 * The module matrix of `tekst` (true = dark): byte mode over its UTF-8 bytes, the smallest version
 * that fits at error-correction level `niveau` (M restores ~15 % damage: glare on a screen).
 */
export function qrMatrix(tekst: string, niveau: Foutcorrectie = 'M'): boolean[][] {
  const qr = qrcode(0, niveau);
  // The library's byte mode takes one byte per character (code & 0xff): hand it the UTF-8 bytes.
  let bytes = '';
  for (const b of new TextEncoder().encode(tekst)) bytes += String.fromCharCode(b);
  qr.addData(bytes, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, rij) => Array.from({ length: n }, (_, kolom) => qr.isDark(rij, kolom)));
}

/** SVG path of the dark modules, one rectangle per horizontal run, shifted by the quiet zone. */
export function qrPad(matrix: boolean[][], rand = RUSTZONE): string {
  const delen: string[] = [];
  matrix.forEach((rij, y) => {
    for (let x = 0; x < rij.length;) {
      if (!rij[x]) {
        x++;
        continue;
      }
      const begin = x;
      while (x < rij.length && rij[x]) x++;
      delen.push(`M${begin + rand} ${y + rand}h${x - begin}v1h-${x - begin}z`);
    }
  });
  return delen.join('');
}

/**
 * Pixels per module: whole pixels (crisp edges, even modules) with the symbol as close to `doelPx`
 * as possible — a version 7–8 symbol (an otpauth URI) comes out at 212–228 px.
 */
export function moduleGrootte(eenheden: number, doelPx = 220): number {
  const onder = Math.max(1, Math.floor(doelPx / eenheden));
  const boven = onder + 1;
  return Math.abs(boven * eenheden - doelPx) < Math.abs(onder * eenheden - doelPx) ? boven : onder;
}

export function QrCode({ tekst, label, doelPx = 220 }: { tekst: string; label: string; doelPx?: number }) {
  const matrix = useMemo(() => qrMatrix(tekst), [tekst]);
  const eenheden = matrix.length + 2 * RUSTZONE;
  const px = eenheden * moduleGrootte(eenheden, doelPx);
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${eenheden} ${eenheden}`}
      width={px}
      height={px}
      shapeRendering="crispEdges"
      // Narrow screens: shrink with the container, never overflow. Forced colours (Windows high
      // contrast) must not recolour the modules: a scanner needs dark on light.
      style={{ display: 'block', maxWidth: '100%', height: 'auto', forcedColorAdjust: 'none' }}
    >
      <rect width={eenheden} height={eenheden} fill="#ffffff" />
      <path d={qrPad(matrix)} fill="#000000" />
    </svg>
  );
}
