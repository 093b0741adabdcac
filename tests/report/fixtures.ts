/** Report fixtures for the report tests: the 2022 seed report and synthetic domains. */
import { buildReport } from '../../src/model/report';
import { IAction, IDomain, IDomainReport, IReport, IRisk } from '../../src/model/types';
import { IReportOptions } from '../../src/report';
import { loadSeedData } from '../helpers/seedData';

export const OPTIONS: IReportOptions = { organisation: 'Stad Mechelen', generatedOn: new Date(2026, 10, 23) };

export function seedReport(year: number = 2022): IReport {
  return buildReport(loadSeedData(), year);
}

export function domain(id: number, title: string, extra: Partial<IDomain> = {}): IDomain {
  return { id, title, order: id, criteria: [], active: true, ...extra };
}

export function action(id: number, title: string, extra: Partial<IAction> = {}): IAction {
  return { id, title, subItems: [], status: 'Gerealiseerd', domainIds: [1], risks: [], ...extra };
}

export function risk(id: number, title: string, extra: Partial<IRisk> = {}): IRisk {
  return { id, title, domainId: 1, priority: 'Hoog', status: 'Open', ...extra };
}

export function singleDomainReport(d: Partial<IDomainReport> & { domain: IDomain }, year: number = 2022): IReport {
  return {
    year,
    planningYear: year + 1,
    domains: [{ risks: [], realisationsNew: [], realisationsOlder: [], planningNew: [], planningOlder: [], ...d }]
  };
}

/** Words to build varied, sometimes long titles that wrap. */
const WORDS = 'digitalisering opvolging procesoptimalisatie audit aanbesteding implementatie informatiebeheer welzijn'.split(' ');

export function manyActions(n: number, prefix: string, extra: Partial<IAction> = {}): IAction[] {
  const out: IAction[] = [];
  for (let i = 1; i <= n; i++) {
    const words = WORDS.slice(0, 1 + (i % WORDS.length)).join(' ');
    out.push(action(1000 + i, `${prefix} ${i}: ${words}`, extra));
  }
  return out;
}

/**
 * pptxgenjs starts a dynamic `import('node:fs')` (for media files) whenever it sees
 * Node, and Jest's VM refuses dynamic imports without --experimental-vm-modules.
 * The deck has no media, so tests make Node look like another runtime to pptxgenjs.
 * (Only the test VM's own `process` copy is changed; `tsx`/the CLI are unaffected.)
 */
export function hideNodeFromPptxgenjs(): void {
  Object.defineProperty(process, 'release', { value: { ...process.release, name: 'jest-vm' }, configurable: true });
}
