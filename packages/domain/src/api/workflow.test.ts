import { describe, expect, it } from 'vitest';
import { NEVEN_ACTIES, TRANSITIE_ACTIES } from '../workflow.ts';
import { ACTIE_PATH, actieUrl } from './workflow.ts';

const ACTIES = [...TRANSITIE_ACTIES, ...NEVEN_ACTIES];

describe('the URL of each workflow action', () => {
  it('every action has one path of its own', () => {
    expect(Object.keys(ACTIE_PATH).sort()).toEqual([...ACTIES].sort());
    expect(new Set(Object.values(ACTIE_PATH)).size).toBe(ACTIES.length);
  });
  it('builds the URL the web app posts to and the route pattern the server registers', () => {
    expect(actieUrl(12, 'onderzoek_uitkomst')).toBe('/api/meldingen/12/onderzoek-uitkomst');
    expect(actieUrl(':id', 'overdragen')).toBe('/api/meldingen/:id/overdracht');
  });
});
