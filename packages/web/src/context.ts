// What every page needs: the logged-in user and the reference data (code lists with labels).
import { createContext, useContext } from 'react';
import type { Option } from './components/forms.tsx';
import type { CodeItem, Gebruiker, Referentie } from './types.ts';

export interface AppState {
  user: Gebruiker;
  ref: Referentie;
  /** The label of a code; the code itself only when the list does not know it. */
  label: (lijst: string, code: string | null | undefined) => string;
  labels: (lijst: string, codes: string[] | null | undefined) => string;
  items: (lijst: string) => CodeItem[];
  gemeenteNaam: (code: string | null | undefined) => string;
  /** A code list as select/checkbox options (labels, never codes). */
  options: (lijst: string) => Option[];
  /** Hoedanigheid of melder or adviesvrager, grouped as in the reports: politie, professionals, burgers. */
  hoedanigheidOptions: () => Option[];
  gemeenteOptions: () => Option[];
  isTeammanager: boolean;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const s = useContext(AppContext);
  if (!s) throw new Error('useApp outside AppContext');
  return s;
}

const MELDER_GROEP: Record<string, string> = {
  politie: 'Politie',
  professional: 'Professionals',
  burger: 'Burgers (niet-beroepsmatig)',
};

export function makeAppState(user: Gebruiker, ref: Referentie): AppState {
  const items = (lijst: string) => ref.codelijsten[lijst]?.items ?? [];
  const label = (lijst: string, code: string | null | undefined) =>
    code ? (items(lijst).find((i) => i.code === code)?.label ?? code) : '';
  return {
    user,
    ref,
    items,
    label,
    labels: (lijst, codes) => (codes ?? []).map((c) => label(lijst, c)).join(', '),
    gemeenteNaam: (code) => (code ? (ref.gemeenten.find((g) => g.code === code)?.naam ?? code) : ''),
    options: (lijst) => items(lijst).map((i) => ({ value: i.code, label: i.label })),
    hoedanigheidOptions: () =>
      items('hoedanigheid').map((i) => ({
        value: i.code,
        label: i.label,
        group: MELDER_GROEP[i.groep ?? ''] ?? 'Overig',
      })),
    gemeenteOptions: () => ref.gemeenten.map((g) => ({ value: g.code, label: g.naam })),
    isTeammanager: user.rollen.includes('teammanager'),
  };
}
