// Progress of long work: shown only while busy, with an accessible name and inside a polite live region.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Voortgang } from './components/Voortgang.tsx';

describe('Voortgang', () => {
  it('shows an indeterminate progress bar with what is happening while busy', () => {
    const html = renderToStaticMarkup(<Voortgang bezig wat="De levering wordt samengesteld" />);
    expect(html).toContain('aria-live="polite"');
    expect(html).toMatch(/<progress aria-label="De levering wordt samengesteld"><\/progress>/);
    expect(html).toContain('De levering wordt samengesteld…');
  });
  it('renders only the (empty) live region when idle, so the later message is announced', () => {
    const html = renderToStaticMarkup(<Voortgang bezig={false} wat="De rapportage wordt berekend" />);
    expect(html).toBe('<div class="voortgang" aria-live="polite"></div>');
  });
});
