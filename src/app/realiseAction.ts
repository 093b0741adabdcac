import { ConflictError, IActionWriter } from '../data/IOrgRepository';
import { openRecommendationsAnsweredBy } from '../model/audits';
import { realisationYearFor } from '../model/report';
import { IAction, IRecommendation, IReportData } from '../model/types';

/** What "Doorschuiven naar realisaties" came to; the cards turn it into a message. */
export type RealiseOutcome =
  /** Realised in `year`; `toMark`: open recommendations this action answers (offer to mark them carried out). */
  | { kind: 'realised'; action: IAction; year: number; toMark: IRecommendation[] }
  /** Someone changed the item since it was read: their change wins, `latest` is what it is now. */
  | { kind: 'conflict'; latest: IAction }
  /** The list's own validation rule refused it (its Dutch message, from the schema). */
  | { kind: 'invalid'; message: string }
  | { kind: 'failed'; error: unknown };

function isConflict(e: unknown): e is ConflictError {
  return e instanceof ConflictError || (e instanceof Error && e.name === 'ConflictError');
}

/**
 * A planning item moves to the realisations of the year it belongs to (realisationYearFor: the year
 * shown, or its planned year when that is later). Never retried or overwritten on a conflict.
 */
export async function realiseAction(writer: IActionWriter, data: IReportData | undefined, action: IAction, shownYear: number): Promise<RealiseOutcome> {
  const year = realisationYearFor(action, shownYear);
  try {
    const updated = (await writer.realiseAction(action, year)) || action;
    const toMark = data ? openRecommendationsAnsweredBy(data, action.id) : [];
    return { kind: 'realised', action: { ...updated, status: 'Gerealiseerd', realisedYear: year }, year, toMark };
  } catch (e) {
    if (isConflict(e)) return { kind: 'conflict', latest: e.latest || action };
    if (e instanceof Error && e.name === 'ListValidationError') return { kind: 'invalid', message: e.message };
    return { kind: 'failed', error: e };
  }
}
