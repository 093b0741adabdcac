/**
 * Data for the "one truth" tests: a doorschuiven on the 2022 data, and generated data sets
 * with actions shared by several domains, deadlines and recommendations.
 */
import { realisationYearFor } from '../../src/model/report';
import { ActionStatus, IAction, IReportData } from '../../src/model/types';

/** What "Doorschuiven naar realisaties" does to the first item of earlier planning shared by two domains. */
export function moveToRealisations(data: IReportData, year: number): IAction {
  const open = data.actions.filter((a) => a.status !== 'Gerealiseerd' && a.status !== 'Geschrapt' && (a.plannedYear === undefined || a.plannedYear <= year));
  const a = open.filter((x) => x.domainIds.length > 1)[0] || open[0];
  a.status = 'Gerealiseerd';
  a.realisedYear = realisationYearFor(a, year);
  return a;
}

/** A small deterministic pseudo-random generator (tests must be repeatable). */
function rng(seed: number): () => number {
  let s = seed * 2654435761 % 4294967296;
  return () => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    return s / 4294967296;
  };
}

/** Five domains, 60 actions (a third in two or three domains) around 2024, risks, audits, recommendations. */
export function generatedData(seed: number): IReportData {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const domains = [1, 2, 3, 4, 5].map((id) => ({ id, title: `Domein ${id}`, key: `d${id}`, order: id, criteria: [], active: true }));
  const statuses: ActionStatus[] = ['Gepland', 'Lopend', 'Gerealiseerd', 'Geschrapt'];
  const actions: IAction[] = [];
  for (let id = 1; id <= 60; id++) {
    const first = 1 + Math.floor(r() * 5);
    const domainIds = [first];
    if (id % 3 === 0) domainIds.push((first % 5) + 1);
    if (id % 9 === 0) domainIds.push(((first + 1) % 5) + 1);
    const status = id <= 6 ? 'Gerealiseerd' : pick(statuses);
    actions.push({
      id,
      title: `Actie ${id}`,
      subItems: [],
      status,
      plannedYear: pick([undefined, 2022, 2023, 2024, 2025]),
      // The first six are realised in the report year and shared: mentions exceed the total.
      realisedYear: status === 'Gerealiseerd' ? (id <= 6 ? 2024 : pick([2022, 2023, 2024])) : undefined,
      domainIds: id <= 6 ? [1 + (id % 5), 1 + ((id + 1) % 5)] : domainIds,
      risks: [],
      deadline: r() < 0.5 ? pick(['2024-06-30', '2024-12-31', '2025-01-31', '2025-03-31', '2025-12-31']) : undefined
    });
  }
  const risks = [1, 2, 3, 4, 5, 6, 7, 8].map((id) => ({ id, title: `Risico ${id}`, domainId: 1 + (id % 5), priority: pick(['Hoog', 'Middel', 'Laag'] as const), status: pick(['Open', 'Afgesloten'] as const), yearIdentified: 2023, yearClosed: undefined }));
  const audits = [1, 2].map((id) => ({ id, title: `Audit ${id}`, year: 2024, status: 'Afgerond' as const, domainIds: id === 1 ? [1, 2] : [3] }));
  const recommendations = [1, 2, 3, 4].map((id) => ({
    id,
    title: `Aanbeveling ${id}`,
    auditId: 1 + (id % 2),
    priority: 'H' as const,
    status: pick(['Open', 'Uitgevoerd'] as const),
    actions: [],
    deadline: pick(['2024-12-31', '2025-06-30'])
  }));
  return { domains, risks, actions, audits, recommendations };
}
