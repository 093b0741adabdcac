/** The council report's maturity section. */
import { formatDelta, formatScore, IRoundResults, IThemeResult, latestClosedRound, roundResults } from './results';
import { IMaturityResultsData } from './types';

/** The council report's section: the latest closed round up to `year` compared with the one before. */
export function maturityReportSection(data: IMaturityResultsData, year: number): { results?: IRoundResults } {
  const round = latestClosedRound(data.rounds, year);
  return { results: round ? roundResults(round, data) : undefined };
}

/** One line per theme for the report: "1. Thema: 3,5 (2021: 2; +1,5)". */
export function themeResultLine(t: IThemeResult): string {
  const head = `${t.theme.number}. ${t.theme.title}: ${formatScore(t.average)}`;
  if (!t.previous) return `${head} (geen vorige ronde)`;
  return `${head} (${t.previous.round.year ?? t.previous.round.title}: ${formatScore(t.previous.average)}; ${formatDelta(t.delta)})`;
}
