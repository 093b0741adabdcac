import { buildReport, isRealisedBy } from './report';
import { IReport, IReportData } from './types';

export interface IDomainSummary {
  domainId: number;
  title: string;
  shortTitle: string;
  /** Open high-priority risks in the report year. */
  openHighRisks: number;
  /** Actions realised in the report year. */
  realisedThisYear: number;
  /** Planning items added for the next year. */
  newPlanning: number;
  /** Planning that was due in the report year (JaarGepland = Y). */
  plannedForYear: number;
  /** Of those, realised by the end of the report year. */
  plannedForYearRealised: number;
}

export interface ISummary {
  year: number;
  planningYear: number;
  domains: IDomainSummary[];
  totals: Omit<IDomainSummary, 'domainId' | 'title' | 'shortTitle'>;
  /** Share (0..1) of the report year's planning realised; undefined when nothing was planned for it. */
  planningRealisedRatio: number | undefined;
}

export function buildSummary(data: IReportData, year: number, report?: IReport): ISummary {
  const r = report || buildReport(data, year);
  const domains: IDomainSummary[] = r.domains.map((d) => {
    const planned = data.actions.filter(
      (a) => a.domainIds.indexOf(d.domain.id) >= 0 && a.plannedYear === year && a.status !== 'Geschrapt'
    );
    return {
      domainId: d.domain.id,
      title: d.domain.title,
      shortTitle: d.domain.shortTitle || d.domain.title,
      openHighRisks: d.risks.filter((x) => x.priority === 'Hoog').length,
      realisedThisYear: d.realisationsNew.length,
      newPlanning: d.planningNew.length,
      plannedForYear: planned.length,
      plannedForYearRealised: planned.filter((a) => isRealisedBy(a, year)).length
    };
  });
  const sum = (k: keyof IDomainSummary): number => domains.reduce((acc, d) => acc + (d[k] as number), 0);
  // An action in two domains counts once in the organisation-wide ratio.
  const plannedAll = data.actions.filter((a) => a.plannedYear === year && a.status !== 'Geschrapt');
  const realisedAll = plannedAll.filter((a) => isRealisedBy(a, year));
  return {
    year,
    planningYear: year + 1,
    domains,
    totals: {
      openHighRisks: sum('openHighRisks'),
      realisedThisYear: sum('realisedThisYear'),
      newPlanning: sum('newPlanning'),
      plannedForYear: plannedAll.length,
      plannedForYearRealised: realisedAll.length
    },
    planningRealisedRatio: plannedAll.length > 0 ? realisedAll.length / plannedAll.length : undefined
  };
}
