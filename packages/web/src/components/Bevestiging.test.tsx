// The confirmation step before an irreversible action: the typed check and what it renders.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Bevestiging, bevestigingKlopt } from './Bevestiging.tsx';

describe('bevestigingKlopt (typed confirmation)', () => {
  it('accepts the word in any case, with spaces around it', () => {
    expect(bevestigingKlopt('VERNIETIGEN', 'VERNIETIGEN')).toBe(true);
    expect(bevestigingKlopt('  vernietigen ', 'VERNIETIGEN')).toBe(true);
  });
  it('refuses anything else: empty, a part, a typo, another number', () => {
    expect(bevestigingKlopt('', 'VERNIETIGEN')).toBe(false);
    expect(bevestigingKlopt('VERNIETIG', 'VERNIETIGEN')).toBe(false);
    expect(bevestigingKlopt('ja', 'VERNIETIGEN')).toBe(false);
    expect(bevestigingKlopt('3', '2')).toBe(false);
    expect(bevestigingKlopt('2 ', '2')).toBe(true);
  });
});

describe('Bevestiging', () => {
  const noop = () => {};
  it('names the consequences, says it cannot be undone, and asks for the typed word', () => {
    const html = renderToStaticMarkup(
      <Bevestiging
        naam="Vernietiging bevestigen"
        titel="2 casussen vernietigen?"
        gevolgen={['2 casussen worden vernietigd: 2015-000001, 2015-000002.']}
        typ={{ verwacht: '2', label: 'Typ het aantal casussen (2) om te bevestigen' }}
        bevestigLabel="Definitief vernietigen"
        onBevestig={noop}
        onAnnuleer={noop}
      />,
    );
    expect(html).toContain('aria-label="Vernietiging bevestigen"');
    expect(html).toContain('2 casussen vernietigen?');
    expect(html).toContain('2015-000001, 2015-000002');
    expect(html).toContain('Dit kan niet ongedaan worden gemaakt.');
    expect(html).toContain('Typ het aantal casussen (2) om te bevestigen');
    expect(html).toMatch(/<button type="submit"[^>]*>Definitief vernietigen<\/button>/);
    expect(html).toContain('>Annuleren</button>');
  });
  it('leaves out the typed field and the "cannot be undone" line when not asked for', () => {
    const html = renderToStaticMarkup(
      <Bevestiging
        naam="Deactiveren"
        titel="Femke de Boer deactiveren?"
        gevolgen={['Femke de Boer kan niet meer inloggen.']}
        onomkeerbaar={false}
        bevestigLabel="Ja, deactiveren"
        onBevestig={noop}
        onAnnuleer={noop}
      />,
    );
    expect(html).not.toContain('<input');
    expect(html).not.toContain('ongedaan');
    expect(html).toContain('Ja, deactiveren');
  });
});
