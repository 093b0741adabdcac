/** The consensus overview: all scores of a unit side by side, the ones to discuss first. */
import { DISCUSS_SPREAD, IConsensus, IMaturityRound, IMaturityScore, IScoringUnit } from './types';
import { average, median, spread } from './stats';
import { scoreKey } from './units';

export interface IUnitScores {
  unit: IScoringUnit;
  scores: IMaturityScore[];
  values: number[];
  median?: number;
  spread?: number;
  average?: number;
  consensus?: IConsensus;
  /** Spread of DISCUSS_SPREAD or more: discussed first. */
  discuss: boolean;
}

/** Per unit all scores side by side with spread and median; spread >= 2 first (largest first), then the leidraad's order. */
export function consensusOverview(round: IMaturityRound, units: IScoringUnit[], scores: IMaturityScore[], consensus: IConsensus[]): IUnitScores[] {
  const rows = units.map((unit, index) => {
    const own = scores
      .filter((s) => s.roundId === round.id && scoreKey(s) === unit.key)
      .sort((a, b) => (a.raterName || '').localeCompare(b.raterName || '') || a.raterId - b.raterId);
    const values = own.map((s) => s.score).filter((v): v is number => typeof v === 'number');
    const sp = spread(values);
    return {
      index,
      row: {
        unit,
        scores: own,
        values,
        median: median(values),
        spread: sp,
        average: average(values),
        consensus: consensus.filter((c) => c.roundId === round.id && scoreKey(c) === unit.key)[0],
        discuss: sp !== undefined && sp >= DISCUSS_SPREAD
      }
    };
  });
  // To discuss first, the largest disagreement at the top; then the leidraad's order.
  rows.sort((a, b) => {
    if (a.row.discuss !== b.row.discuss) return a.row.discuss ? -1 : 1;
    if (a.row.discuss) return (b.row.spread || 0) - (a.row.spread || 0) || a.index - b.index;
    return a.index - b.index;
  });
  return rows.map((r) => r.row);
}
