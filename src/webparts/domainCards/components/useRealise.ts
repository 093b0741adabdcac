import * as React from 'react';
import * as strings from 'DomainCardsWebPartStrings';
import { format } from '../../../components/format';
import { IActionWriter, IMarkResult } from '../../../data/IOrgRepository';
import { cardTitle } from '../../../model/text';
import { IAction, IRecommendation, IReportData } from '../../../model/types';
import { realiseAction, RealiseOutcome } from '../../../app/realiseAction';
import { markRecommendationsCarriedOut } from '../../../app/markRecommendationsCarriedOut';
import { statusLabel } from './DetailPanel';

/** A message after a change; `domainId`: shown on the card the user worked in, not at the page top. */
export interface INotice {
  kind: 'success' | 'conflict' | 'error';
  text: string;
  domainId?: number;
}

export interface IRealiseFlow {
  /** The action whose move waits for confirmation. */
  confirm: IAction | undefined;
  /** "Doorschuiven naar realisaties" in the panel of an action opened from the card of `domainId`. */
  ask: (action: IAction, domainId: number | undefined) => void;
  cancel: () => void;
  realising: boolean;
  realise: () => void;
  /** After a move: the open recommendations the action answers, offered to mark carried out. */
  toMark: { action: IAction; recommendations: IRecommendation[] } | undefined;
  marking: boolean;
  mark: () => void;
  skipMark: () => void;
  notice: INotice | undefined;
  setNotice: (n: INotice | undefined) => void;
}

export interface IRealiseOptions {
  writer: IActionWriter;
  data: IReportData | undefined;
  year: number;
  /** Puts the moved action in place at once (before the reload answers). */
  addActions: (actions: IAction[]) => void;
  /** Reload after a change, staying on the year shown. */
  afterChange: () => void;
  closePanel: () => void;
  /** Keyboard focus back to the item on its card once the dialogs are gone. */
  focusItem: (domainId: number | undefined, actionId: number) => void;
}

function realiseNotice(outcome: RealiseOutcome): Omit<INotice, 'domainId'> {
  switch (outcome.kind) {
    case 'realised':
      return { kind: 'success', text: format(strings.Realised, cardTitle(outcome.action), outcome.year) };
    case 'conflict':
      // Never retried or overwritten: the other person's change wins; show what it is now.
      return { kind: 'conflict', text: format(strings.Conflict, cardTitle(outcome.latest), statusLabel(outcome.latest.status)) };
    case 'invalid':
      // The list's own rule (Dutch, from the schema): SharePoint's REST answer does not carry it.
      return { kind: 'error', text: `${strings.RealiseFailed} ${outcome.message}` };
    default:
      return { kind: 'error', text: strings.RealiseFailed };
  }
}

function markNotice(result: IMarkResult): Omit<INotice, 'domainId'> {
  const parts: string[] = [];
  if (result.updated.length) parts.push(format(strings.Marked, result.updated.length));
  if (result.conflicts.length) parts.push(format(strings.MarkConflict, result.conflicts.map((r) => `'${r.title}' (${r.status})`).join(', ')));
  if (result.failed.length) parts.push(format(strings.MarkFailed, result.failed.map((r) => `'${r.title}'`).join(', ')));
  return { kind: result.conflicts.length ? 'conflict' : result.failed.length ? 'error' : 'success', text: parts.join(' ') };
}

/** "Doorschuiven naar realisaties" and marking its recommendations: UI state only, the work is in src/app. */
export function useRealise(o: IRealiseOptions): IRealiseFlow {
  const [confirm, setConfirm] = React.useState<IAction | undefined>(undefined);
  const [realising, setRealising] = React.useState(false);
  const [toMark, setToMark] = React.useState<IRealiseFlow['toMark']>(undefined);
  const [marking, setMarking] = React.useState(false);
  const [notice, setNotice] = React.useState<INotice | undefined>(undefined);
  const domainRef = React.useRef<number | undefined>(undefined);

  const realise = (): void => {
    const action = confirm;
    if (!action) return;
    const domainId = domainRef.current;
    setRealising(true);
    realiseAction(o.writer, o.data, action, o.year)
      .then((outcome) => {
        setNotice({ ...realiseNotice(outcome), domainId });
        if (outcome.kind === 'realised') o.addActions([outcome.action]);
        const offer = outcome.kind === 'realised' && outcome.toMark.length > 0;
        if (outcome.kind === 'realised' && offer) setToMark({ action: outcome.action, recommendations: outcome.toMark });
        setRealising(false);
        setConfirm(undefined);
        o.closePanel();
        o.afterChange();
        if (!offer) o.focusItem(domainId, action.id);
      })
      .catch(() => undefined);
  };

  const finishMark = (actionId: number): void => {
    setToMark(undefined);
    o.focusItem(domainRef.current, actionId);
  };

  const mark = (): void => {
    const m = toMark;
    if (!m) return;
    setMarking(true);
    markRecommendationsCarriedOut(o.writer, m.recommendations)
      .then((result) => {
        setNotice({ ...markNotice(result), domainId: domainRef.current });
        setMarking(false);
        finishMark(m.action.id);
        o.afterChange();
      })
      .catch(() => undefined);
  };

  return {
    confirm,
    ask: (action, domainId) => {
      domainRef.current = domainId;
      setConfirm(action);
    },
    cancel: () => setConfirm(undefined),
    realising,
    realise,
    toMark,
    marking,
    mark,
    skipMark: () => toMark && finishMark(toMark.action.id),
    notice,
    setNotice
  };
}
