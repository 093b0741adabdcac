import * as React from 'react';
import * as strings from 'DomainCardsWebPartStrings';
import { format } from '../../../components/format';
import { IProgressState, OwnerProgress, PendingReviews } from '../../../components/ProgressParts';
import { isActionDone } from '../../../model/audits';
import { ownsTarget, pendingReports } from '../../../model/progress';
import { cardTitle } from '../../../model/text';
import { IOwnerAssignment } from '../../../data/ownerAssignment';
import { IAction, IDomainReport, IReportData } from '../../../model/types';
import { BulkAssign } from './BulkAssign';

export interface IActionProgressProps {
  progress: IProgressState;
  action: IAction;
  data: IReportData;
  /** The signed-in user (the site's user id): owners report progress on their own open actions. */
  userId?: number;
  /** The control team: reviews the reports on this action. */
  canReview: boolean;
  /** An accepted report changed the action: the cards read it again. */
  onChanged: () => void;
}

/**
 * In an action's panel: "Voortgang melden" for its owner (the same form as under "Mijn acties") and, for the control
 * team, the reports on it waiting for review. Accepting needs the action's ETag (read when the panel opened), so the
 * item is never overwritten blindly.
 */
export function ActionProgress(props: IActionProgressProps): JSX.Element {
  const { progress, action } = props;
  const mine = props.userId !== undefined && ownsTarget(action, props.userId) && !isActionDone(action);
  if (!mine && !props.canReview) return <React.Fragment />;
  return (
    <div data-testid="action-progress" style={{ marginTop: 12 }}>
      {mine && (
        <OwnerProgress texts={strings} progress={progress} target={{ kind: 'action', id: action.id }} item={action} title={cardTitle(action)} userId={props.userId as number} />
      )}
      {props.canReview && (
        <PendingReviews
          texts={strings}
          progress={progress}
          data={props.data}
          inPanel={true}
          filter={(r) => r.target.kind === 'action' && r.target.id === action.id}
          targetOf={() => (action.etag ? action : undefined)}
          onChanged={props.onChanged}
        />
      )}
    </div>
  );
}

/** On a card, for the control team: how many progress reports on the domain's actions wait for review (text, not only a colour). */
export function PendingOnCard(props: { progress: IProgressState; actionIds: number[] }): JSX.Element {
  const ids = props.actionIds;
  const n = pendingReports(props.progress.reports).filter((r) => r.target.kind === 'action' && ids.indexOf(r.target.id) >= 0).length;
  if (!n) return <React.Fragment />;
  return (
    <span data-testid="card-pending-reports" style={{ fontSize: 12, fontWeight: 600 }}>
      {format(strings.ProgressPendingOnCard, n)}
    </span>
  );
}

/** The control team's tools in a card's header: reports to review and "Eigenaar en deadline toewijzen". */
export function CardOwnerTools(props: {
  progress?: IProgressState;
  owners?: IOwnerAssignment;
  data: IReportData;
  report: IDomainReport;
  planningYear: number;
  onLoadTitles?: (ids: number[]) => Promise<void>;
  onChanged: () => void;
}): JSX.Element {
  const domainId = props.report.domain.id;
  const actionIds = React.useMemo(() => props.data.actions.filter((a) => a.domainIds.indexOf(domainId) >= 0).map((a) => a.id), [props.data, domainId]);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
      {props.progress && <PendingOnCard progress={props.progress} actionIds={actionIds} />}
      {props.owners && (
        <BulkAssign report={props.report} planningYear={props.planningYear} owners={props.owners} onLoadTitles={props.onLoadTitles} onChanged={props.onChanged} />
      )}
    </div>
  );
}
