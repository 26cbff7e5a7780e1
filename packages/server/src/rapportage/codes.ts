// Reporting groups, derived from the versioned code lists (codelijst_item.groep / subgroep).
// A code keeps the group of the newest code-list version that contains it, so meldingen
// registered under an older version are still grouped. Nothing here lists codes: only the
// reporting groups (concepts of the half-year report) and their labels and order.
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';

export interface CodeInfo {
  code: string;
  label: string;
  groep: string | null;
  subgroep: string | null;
}

export type Lijsten = Map<string, Map<string, CodeInfo>>;

/** Every code of every list with the label and groups of its newest version, in list order. */
export async function lijsten(db: Db): Promise<Lijsten> {
  const r = await sql<CodeInfo & { lijst: string; volgorde: number }>`
    select distinct on (i.lijst, i.code) i.lijst, i.code, i.label, i.groep, i.subgroep, i.volgorde
    from codelijst_item i join codelijst_versie v using (lijst, versie)
    order by i.lijst, i.code, v.geldig_van desc, i.versie desc`.execute(db);
  const out: Lijsten = new Map();
  for (const x of [...r.rows].sort((a, b) => a.volgorde - b.volgorde)) {
    let l = out.get(x.lijst);
    if (!l) out.set(x.lijst, (l = new Map()));
    l.set(x.code, { code: x.code, label: x.label, groep: x.groep, subgroep: x.subgroep });
  }
  return out;
}

export const label = (l: Lijsten, lijst: string, code: string) => l.get(lijst)?.get(code)?.label ?? code;

// ---- type geweld (from aanleiding groep)

export const TYPE_GROEPEN = [
  { code: 'kindermishandeling', label: 'Kindermishandeling' },
  { code: 'partnergeweld', label: 'Partnergeweld' },
  { code: 'ouderenmishandeling', label: 'Ouderenmishandeling (65+)' },
  { code: 'geweld_tegen_ouders', label: 'Geweld tegen ouders (<65 jr.) door hun kinderen (tot 23 jr.)' },
  { code: 'hg_overig', label: 'Huiselijk geweld overig' },
  { code: 'geen_hg_km', label: 'Andere problematiek dan HG/KM' },
  { code: 'nog_niet_geregistreerd', label: 'Nog niet geregistreerd' },
] as const;

/** The reporting groups of a melding's (or adviesvraag's) aanleiding codes: each group at most once. */
export function typeGroepen(l: Lijsten, aanleiding: string[] | null): string[] {
  const known = new Set<string>(TYPE_GROEPEN.map((g) => g.code));
  const out = new Set<string>();
  for (const c of aanleiding ?? []) {
    const g = l.get('aanleiding')?.get(c)?.groep;
    if (g && known.has(g)) out.add(g);
  }
  if (out.size === 0) out.add('nog_niet_geregistreerd');
  return [...out];
}

// ---- melder (from hoedanigheid groep / subgroep)

export const MELDER_GROEPEN = [
  { code: 'politie', label: 'Politie' },
  { code: 'professional', label: 'Overige professionals' },
  { code: 'burger', label: 'Burgers' },
  { code: 'onbekend', label: 'Onbekend' },
] as const;

export const SECTOREN = [
  { code: 'gezondheidszorg', label: 'Gezondheidszorg' },
  { code: 'onderwijs', label: 'Onderwijs' },
  { code: 'kinderopvang', label: 'Kinderopvang' },
  { code: 'maatschappelijke_ondersteuning', label: 'Maatschappelijke ondersteuning' },
  { code: 'jeugdhulp', label: 'Jeugdhulp' },
  { code: 'justitie', label: 'Justitie' },
  { code: 'anders', label: 'Anders' },
] as const;

export const BURGER_GROEPEN = [
  { code: 'buren', label: 'Buren' },
  { code: 'familie', label: 'Familie en sociaal netwerk' },
  { code: 'directbetrokkene', label: 'Directbetrokkene' },
  { code: 'anders', label: 'Anders' },
] as const;

export function melderGroep(l: Lijsten, hoedanigheid: string): { groep: string; subgroep: string } {
  const it = l.get('hoedanigheid')?.get(hoedanigheid);
  const groep = it?.groep && ['politie', 'professional', 'burger'].includes(it.groep) ? it.groep : 'onbekend';
  const subgroep = it?.subgroep ?? 'anders';
  return { groep, subgroep: groep === 'politie' ? 'politie' : subgroep };
}

/** Sources for monitoring: politie, each Meldcode sector, other professionals, burgers. */
export const BRONNEN = [
  { code: 'politie', label: 'Politie' },
  { code: 'gezondheidszorg', label: 'Gezondheidszorg' },
  { code: 'onderwijs', label: 'Onderwijs' },
  { code: 'kinderopvang', label: 'Kinderopvang' },
  { code: 'maatschappelijke_ondersteuning', label: 'Maatschappelijke ondersteuning' },
  { code: 'jeugdhulp', label: 'Jeugdhulp' },
  { code: 'justitie', label: 'Justitie' },
  { code: 'professional_anders', label: 'Overige professionals' },
  { code: 'burgers', label: 'Burgers' },
  { code: 'onbekend', label: 'Onbekend' },
] as const;

export function bron(l: Lijsten, hoedanigheid: string): string {
  const { groep, subgroep } = melderGroep(l, hoedanigheid);
  if (groep === 'politie') return 'politie';
  if (groep === 'burger') return 'burgers';
  if (groep === 'professional')
    return SECTOREN.some((s) => s.code === subgroep && s.code !== 'anders') ? subgroep : 'professional_anders';
  return 'onbekend';
}

// ---- afhandeling (overdracht ontvanger / afsluitreden groep)

export const AFHANDEL_GROEPEN = [
  { code: 'casusregie', label: 'Casusregie bij GI of lokaal team' },
  { code: 'hulpverlening', label: 'Andere hulpverlening' },
  { code: 'clientsysteem', label: 'Cliëntsysteem' },
  { code: 'geen_hg_km', label: 'Geen huiselijk geweld of kindermishandeling' },
  { code: 'overig', label: 'Overig' },
] as const;

export function afhandelGroep(l: Lijsten, soort: 'overdracht' | 'afsluiting', code: string): string {
  const g = l.get(soort === 'overdracht' ? 'overdracht_ontvanger' : 'afsluitreden')?.get(code)?.groep;
  return g && AFHANDEL_GROEPEN.some((x) => x.code === g) ? g : 'overig';
}
