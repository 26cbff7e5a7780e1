import { describe, expect, it } from 'vitest';
import type { GebruikerOverzicht, HistorieRegel, RolOptie } from '@voordeur/domain';
import {
  checkNieuweGebruiker,
  deactiverenGevolgen,
  EMPTY_GEBRUIKER,
  filterGebruikers,
  historieTekst,
  resetGevolgen,
  statusTekst,
  teamFout,
} from './BeheerGebruikersModel.ts';

const ROLLEN: RolOptie[] = [
  { code: 'backoffice', label: 'Backoffice-medewerker', teamNodig: true },
  { code: 'teammanager', label: 'Teammanager', teamNodig: true },
  { code: 'onderzoeker', label: 'Onderzoeker', teamNodig: false },
];

const g = (p: Partial<GebruikerOverzicht>): GebruikerOverzicht => ({
  id: 1,
  gebruikersnaam: 'x',
  naam: 'X',
  rollen: [],
  rolLabels: [],
  teamId: null,
  teamNaam: null,
  actief: true,
  gedeactiveerdOp: null,
  tweedeFactor: false,
  sso: false,
  geblokkeerdTot: null,
  laatsteLogin: null,
  aangemaaktOp: '2026-01-01T00:00:00Z',
  ...p,
});

describe('new user form', () => {
  it('names every field with a problem', () => {
    const r = checkNieuweGebruiker(
      { ...EMPTY_GEBRUIKER, gebruikersnaam: 'Jan de Vries', rollen: ['backoffice'] },
      ROLLEN,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(['gebruikersnaam', 'naam', 'teamId', 'wachtwoord']);
    expect(r.errors.teamId![0]).toContain('Backoffice-medewerker');
  });
  it('leaves the password policy to the server, and gives the API body when valid', () => {
    const r = checkNieuweGebruiker(
      {
        gebruikersnaam: ' jvdberg ',
        naam: 'Jan van den Berg',
        rollen: ['onderzoeker'],
        teamId: '',
        wachtwoord: 'kort',
      },
      ROLLEN,
    );
    expect(r).toEqual({
      ok: true,
      body: {
        gebruikersnaam: 'jvdberg',
        naam: 'Jan van den Berg',
        rollen: ['onderzoeker'],
        teamId: null,
        wachtwoord: 'kort',
      },
    });
  });
  it('needs a team only for case roles', () => {
    expect(teamFout(['onderzoeker'], null, ROLLEN)).toBeNull();
    expect(teamFout(['backoffice', 'teammanager'], null, ROLLEN)).toBe(
      'Verplicht voor de rol Backoffice-medewerker, Teammanager',
    );
    expect(teamFout(['backoffice'], 3, ROLLEN)).toBeNull();
  });
});

describe('list', () => {
  it('states the status in words', () => {
    expect(statusTekst(g({}))).toBe('Actief');
    expect(statusTekst(g({ geblokkeerdTot: '2030-01-01T00:00:00Z' }))).toBe('Geblokkeerd');
    expect(statusTekst(g({ actief: false, geblokkeerdTot: '2030-01-01T00:00:00Z' }))).toBe('Gedeactiveerd');
  });
  it('filters on name or login, case-insensitive, and hides inactive accounts on request', () => {
    const list = [
      g({ id: 1, naam: 'Sanne de Vries', gebruikersnaam: 'bureau' }),
      g({ id: 2, naam: 'Daan Koster', gebruikersnaam: 'onderzoek', actief: false }),
    ];
    expect(filterGebruikers(list, 'VRIES', true).map((x) => x.id)).toEqual([1]);
    expect(filterGebruikers(list, 'onderz', true).map((x) => x.id)).toEqual([2]);
    expect(filterGebruikers(list, '', false).map((x) => x.id)).toEqual([1]);
  });
});

describe('history in words', () => {
  const opts = {
    rolLabel: (r: string) => ROLLEN.find((x) => x.code === r)?.label ?? r,
    teamNaam: (id: number | null) => (id === null ? 'geen team' : `Team ${id}`),
  };
  const h = (p: Partial<HistorieRegel>): HistorieRegel => ({
    id: 1,
    op: '2026-01-01T10:00:00Z',
    door: null,
    gebruiker: null,
    team: null,
    actie: 'gedeactiveerd',
    actieLabel: '',
    oud: null,
    nieuw: null,
    toelichting: null,
    ...p,
  });
  it('shows old → new for roles and team', () => {
    expect(
      historieTekst(
        h({
          actie: 'rollen_gewijzigd',
          actieLabel: 'rollen gewijzigd',
          oud: ['backoffice'],
          nieuw: ['backoffice', 'teammanager'],
        }),
        opts,
      ),
    ).toBe('rollen gewijzigd: Backoffice-medewerker → Backoffice-medewerker, Teammanager');
    expect(historieTekst(h({ actie: 'team_gewijzigd', actieLabel: 'team gewijzigd', oud: 1, nieuw: null }), opts)).toBe(
      'team gewijzigd: Team 1 → geen team',
    );
  });
  it('counts ended sessions', () => {
    expect(
      historieTekst(h({ actie: 'gedeactiveerd', actieLabel: 'gedeactiveerd', nieuw: { sessiesBeeindigd: 1 } }), opts),
    ).toBe('gedeactiveerd (1 sessie beëindigd)');
    expect(
      historieTekst(
        h({
          actie: 'gebruiker_aangemaakt',
          actieLabel: 'account aangemaakt',
          nieuw: { rollen: ['onderzoeker'], teamId: null },
        }),
        opts,
      ),
    ).toBe('account aangemaakt met rol Onderzoeker');
  });
});

describe('confirmation of deactiveren and tweede factor resetten', () => {
  it('says what deactivating does, that it can be undone, and the note for the history', () => {
    const g = deactiverenGevolgen('Femke de Boer', ' uit dienst ');
    expect(g[0]).toBe('Femke de Boer kan niet meer inloggen.');
    expect(g.join(' ')).toMatch(/sessies .* eindigen direct/);
    expect(g.join(' ')).toMatch(/weer actief maken/);
    expect(g.at(-1)).toBe('In de historie komt: “uit dienst”.');
    expect(deactiverenGevolgen('X', '')).toHaveLength(3);
  });
  it('warns that a reset lets whoever knows the password enrol a new factor', () => {
    const g = resetGevolgen('Sanne de Vries', '');
    expect(g[0]).toMatch(/herstelcodes van Sanne de Vries vervallen/);
    expect(g[1]).toMatch(/wie het wachtwoord kent/);
  });
});
