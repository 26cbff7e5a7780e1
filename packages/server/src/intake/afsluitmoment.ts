// The closing moment of an adviesvraag (issue 12): the moment the advice was given, which the CBS
// delivery uses to put the advies in its half-year. Registered afterwards, it can be given
// (`afgeslotenOp`); it may not lie in the future (domain momenten.ts) nor before the receipt.
// Without it, the closing moment is now.
import { nietInToekomstFout, type RegelFout } from '@voordeur/domain';

export function adviesAfsluitmoment(
  afgeslotenOp: string | undefined,
  ontvangen: Date,
  now: Date,
): { moment: Date; fouten: RegelFout[] } {
  if (!afgeslotenOp) return { moment: now, fouten: [] };
  const fouten: RegelFout[] = [];
  const toekomst = nietInToekomstFout('afgeslotenOp', afgeslotenOp, now, 'Het afsluitmoment ligt in de toekomst');
  if (toekomst) fouten.push(toekomst);
  const moment = new Date(afgeslotenOp);
  if (moment.getTime() < ontvangen.getTime())
    fouten.push({
      field: 'afgeslotenOp',
      rule: 'na_ontvangst',
      message: 'De adviesvraag kan niet vóór de ontvangst zijn afgesloten',
    });
  return { moment, fouten };
}
