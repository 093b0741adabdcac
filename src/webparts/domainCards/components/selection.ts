import { IAction, IRisk } from '../../../model/types';

export type PlanningOrRealisation = 'realisation' | 'planning';

/** What the detail panel shows (its own module so that DomainCard and DetailPanel do not import each other). */
export type ISelection =
  | { kind: 'action'; action: IAction; section: PlanningOrRealisation; isNew: boolean }
  | { kind: 'risk'; risk: IRisk };
