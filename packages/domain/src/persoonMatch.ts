// One score for "is this the same person?": the signals of the person search (BSN, name, date of
// birth with unknown parts, address) with named weights, and the threshold above which a new person
// is a likely duplicate ("Bedoelt u …?" at intake; the server refuses to create it unconfirmed).
// docs/personen.md explains the choice of the numbers.

/** Weights of the signals; the name weight multiplies the name similarity (0–1, vergelijkNaam()). */
export const MATCH_GEWICHTEN = {
  /** The same BSN: one person, whatever else differs. */
  bsn: 10,
  /** Name similarity × this weight. */
  naam: 3,
  geboortedatumGelijk: 2,
  /** Day and month swapped (05-03 typed as 03-05). */
  geboortedatumVerwisseld: 1.2,
  /** The registered or the given date has unknown parts ('00'), and the known parts agree. */
  geboortedatumDeels: 1,
  /** Only the year agrees. */
  geboortejaar: 0.5,
  /** A member of a household at the same postcode and huisnummer. */
  adres: 1.5,
} as const;

/**
 * A candidate scoring at least this is likely the same person. 4 needs more than a name alone (3
 * at most) and more than an exact date of birth alone (2): e.g. a name ≥ 67 % alike with the same
 * date of birth, the same name with a date with unknown parts or swapped day and month, the same
 * name at the same address, or a name ≥ 84 % alike with the same date of birth ... A BSN match (10)
 * always is.
 */
export const MOGELIJK_DUBBEL_DREMPEL = 4;

export type GeboortedatumOvereenkomst = 'gelijk' | 'verwisseld' | 'deels' | 'jaar';

/**
 * How a registered date of birth (CBS 'JJJJMMDD', '00' for unknown parts) compares with the one
 * given: equal; day and month swapped; equal in the parts both know (either may have '00'); the
 * same year only; or null (no agreement, or unknown/unborn).
 */
export function geboortedatumOvereenkomst(
  gegeven: string,
  geregistreerd: string | null,
): GeboortedatumOvereenkomst | null {
  if (!geregistreerd || !/^\d{8}$/.test(gegeven) || !/^\d{8}$/.test(geregistreerd)) return null;
  if (gegeven === '99999999' || geregistreerd === '99999999' || gegeven.startsWith('0000')) return null;
  if (gegeven === geregistreerd) return 'gelijk';
  const [y1, m1, d1] = [gegeven.slice(0, 4), gegeven.slice(4, 6), gegeven.slice(6)];
  const [y2, m2, d2] = [geregistreerd.slice(0, 4), geregistreerd.slice(4, 6), geregistreerd.slice(6)];
  if (y1 !== y2) return null;
  if (d1 !== '00' && m1 !== '00' && m1 === d2 && d1 === m2) return 'verwisseld';
  const past = (a: string, b: string) => a === b || a === '00' || b === '00';
  if (past(m1, m2) && past(d1, d2)) return 'deels';
  return 'jaar';
}

/** The signals found for one candidate. */
export interface MatchSignalen {
  bsnGelijk?: boolean;
  naam?: { gelijkenis: number; reden: string } | null;
  geboortedatum?: GeboortedatumOvereenkomst | null;
  adresGelijk?: boolean;
}

const GEBOORTEDATUM_REDEN: Record<GeboortedatumOvereenkomst, string> = {
  gelijk: 'geboortedatum gelijk',
  verwisseld: 'geboortedatum met dag/maand verwisseld',
  deels: 'geboortedatum past (deels onbekend)',
  jaar: 'geboortejaar gelijk',
};
const GEBOORTEDATUM_GEWICHT: Record<GeboortedatumOvereenkomst, number> = {
  gelijk: MATCH_GEWICHTEN.geboortedatumGelijk,
  verwisseld: MATCH_GEWICHTEN.geboortedatumVerwisseld,
  deels: MATCH_GEWICHTEN.geboortedatumDeels,
  jaar: MATCH_GEWICHTEN.geboortejaar,
};

/** The score of a candidate (sum of the weighted signals, 2 decimals) and why it matched, in the users' words. */
export function matchScore(s: MatchSignalen): { score: number; redenen: string[]; mogelijkDubbel: boolean } {
  let score = 0;
  const redenen: string[] = [];
  if (s.bsnGelijk) {
    score += MATCH_GEWICHTEN.bsn;
    redenen.push('BSN gelijk');
  }
  if (s.naam && s.naam.gelijkenis > 0) {
    score += MATCH_GEWICHTEN.naam * s.naam.gelijkenis;
    redenen.push(s.naam.reden);
  }
  if (s.geboortedatum) {
    score += GEBOORTEDATUM_GEWICHT[s.geboortedatum];
    redenen.push(GEBOORTEDATUM_REDEN[s.geboortedatum]);
  }
  if (s.adresGelijk) {
    score += MATCH_GEWICHTEN.adres;
    redenen.push('zelfde adres');
  }
  score = Math.round(score * 100) / 100;
  return { score, redenen, mogelijkDubbel: score >= MOGELIJK_DUBBEL_DREMPEL };
}
