import { SPFI } from '@pnp/sp';
import { acceptProgressReport, addProgressReport, readProgressReports, refuseProgressReport } from './progress';
import { IProgressInput, IProgressReport } from '../model/progress';
import { IAction, IRecommendation } from '../model/types';

/** Progress reports as the web parts use them ("Voortgang melden", the control team's review). */
export interface IProgressService {
  load(): Promise<IProgressReport[]>;
  report(input: IProgressInput, targetTitle: string): Promise<IProgressReport>;
  /** ConflictError (412) when the report or the target changed since they were read. */
  accept(report: IProgressReport, target: IAction | IRecommendation): Promise<void>;
  /** ProgressInputError without a reason. */
  refuse(report: IProgressReport, reason: string): Promise<void>;
}

export function createProgressService(sp: SPFI): IProgressService {
  return {
    load: () => readProgressReports(sp),
    report: (input, title) => addProgressReport(sp, input, title),
    accept: (report, target) => acceptProgressReport(sp, report, target),
    refuse: (report, reason) => refuseProgressReport(sp, report, reason)
  };
}
