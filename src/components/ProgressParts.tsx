/**
 * "Voortgang melden" and the control team's review of progress reports, shared by the audits web part ("Mijn acties",
 * the review list) and the domain cards (an action's panel). Texts come in as props (loc files live per web part).
 */
import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { ChoiceGroup } from '@fluentui/react/lib/ChoiceGroup';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Panel, PanelType } from '@fluentui/react/lib/Panel';
import { TextField } from '@fluentui/react/lib/TextField';
import { format } from './format';
import { ConflictError } from '../data/IOrgRepository';
import { IProgressService } from '../data/progressService';
import {
  IProgressReport, IProgressTarget, latestReportOn, pendingReports, ProgressProblem, ProgressState, PROGRESS_STATE_VALUES, reviewOf, validateProgress
} from '../model/progress';
import { IAction, IRecommendation, IReportData } from '../model/types';

/** The texts the progress parts show; each web part passes its own loc strings (same keys in both loc files). */
export interface IProgressTexts {
  ProgressClose: string;
  ProgressComment: string;
  ProgressDeadline: string;
  ProgressDelayed: string;
  ProgressDone: string;
  ProgressEvidence: string;
  ProgressEvidenceHint: string;
  ProgressLast: string;
  ProgressOnTrack: string;
  ProgressProblemComment: string;
  ProgressProblemDeadline: string;
  ProgressProblemDeadlinePlanned: string;
  ProgressProblemDone: string;
  ProgressProblemEvidence: string;
  ProgressProblemOwner: string;
  ProgressProblemState: string;
  ProgressProposedDeadline: string;
  ProgressReport: string;
  ProgressReportFor: string;
  ProgressSaveError: string;
  ProgressSend: string;
  ProgressState: string;
  ReviewAccept: string;
  ReviewAccepted: string;
  ReviewAcceptedDone: string;
  ReviewConflict: string;
  ReviewNotByTeam: string;
  ReviewPending: string;
  ReviewPendingTitle: string;
  ReviewReason: string;
  ReviewReasonLabel: string;
  ReviewReasonRequired: string;
  ReviewRefuse: string;
  ReviewRefused: string;
  ReviewRefusedDone: string;
}

export interface IProgressState {
  service: IProgressService;
  reports: IProgressReport[];
  reload: () => void;
}

/** The progress reports, read once and re-read after a change. */
export function useProgressReports(service: IProgressService | undefined): IProgressState | undefined {
  const [reports, setReports] = React.useState<IProgressReport[]>([]);
  const [tick, setTick] = React.useState(0);
  React.useEffect(() => {
    if (!service) return;
    let live = true;
    service
      .load()
      .then((r) => live && setReports(r))
      .catch(() => live && setReports([]));
    return () => {
      live = false;
    };
  }, [service, tick]);
  return service ? { service, reports, reload: () => setTick((t) => t + 1) } : undefined;
}

function problemText(p: ProgressProblem, strings: IProgressTexts): string {
  const map: Record<ProgressProblem, string> = {
    state: strings.ProgressProblemState,
    comment: strings.ProgressProblemComment,
    commentLength: strings.ProgressProblemComment,
    deadline: strings.ProgressProblemDeadline,
    deadlineBeforePlanned: strings.ProgressProblemDeadlinePlanned,
    evidence: strings.ProgressProblemEvidence,
    notOwner: strings.ProgressProblemOwner,
    done: strings.ProgressProblemDone,
    reason: strings.ReviewReasonRequired
  };
  return map[p];
}

export function progressStateLabel(s: ProgressState, strings: IProgressTexts): string {
  return s === 'op schema' ? strings.ProgressOnTrack : s === 'vertraagd' ? strings.ProgressDelayed : strings.ProgressDone;
}

/** Under an item of "Mijn acties": the last report and its review, and "Voortgang melden". */
export function OwnerProgress(props: { texts: IProgressTexts; progress: IProgressState; target: IProgressTarget; item: IAction | IRecommendation; title: string; userId: number }): JSX.Element {
  const { progress, target, texts: strings } = props;
  const [open, setOpen] = React.useState(false);
  const [state, setState] = React.useState<ProgressState>('op schema');
  const [comment, setComment] = React.useState('');
  const [deadline, setDeadline] = React.useState('');
  const [evidence, setEvidence] = React.useState('');
  const [problems, setProblems] = React.useState<ProgressProblem[]>([]);
  const [error, setError] = React.useState<string | undefined>();
  const [saving, setSaving] = React.useState(false);
  const last = latestReportOn(progress.reports, target);
  const review = last ? reviewOf(last) : undefined;

  const save = (): void => {
    const input = { target, state, comment, proposedDeadline: deadline || undefined, evidenceUrl: evidence || undefined };
    const found = validateProgress(input, props.item, props.userId);
    setProblems(found);
    if (found.length) return;
    setSaving(true);
    setError(undefined);
    progress.service
      .report(input, props.title)
      .then(() => {
        setOpen(false);
        setComment('');
        setDeadline('');
        setEvidence('');
        progress.reload();
      })
      .catch(() => setError(strings.ProgressSaveError))
      .then(
        () => setSaving(false),
        () => setSaving(false)
      );
  };

  return (
    <div data-testid="owner-progress">
      {last && review && (
        <p>
          {format(strings.ProgressLast, progressStateLabel(last.state, strings), last.comment || '')}{' '}
          <strong>{review.outcome === 'aanvaard' ? strings.ReviewAccepted : review.outcome === 'geweigerd' ? strings.ReviewRefused : strings.ReviewPending}</strong>
          {review.outcome === 'geweigerd' && last.reason ? ` — ${format(strings.ReviewReason, last.reason)}` : ''}
          {review.flagged ? ` (${strings.ReviewNotByTeam})` : ''}
        </p>
      )}
      <DefaultButton text={strings.ProgressReport} ariaLabel={format(strings.ProgressReportFor, props.title)} onClick={() => setOpen(true)} />
      <Panel isOpen={open} type={PanelType.medium} headerText={format(strings.ProgressReportFor, props.title)} closeButtonAriaLabel={strings.ProgressClose} onDismiss={() => setOpen(false)}>
        <ChoiceGroup
          label={strings.ProgressState}
          selectedKey={state}
          options={PROGRESS_STATE_VALUES.map((s) => ({ key: s, text: progressStateLabel(s, strings) }))}
          onChange={(_e, o) => o && setState(o.key as ProgressState)}
          required={true}
        />
        <TextField label={strings.ProgressComment} multiline={true} rows={3} value={comment} onChange={(_e, v) => setComment(v || '')} required={true} />
        <TextField label={strings.ProgressDeadline} type="date" value={deadline} onChange={(_e, v) => setDeadline(v || '')} />
        <TextField label={strings.ProgressEvidence} description={strings.ProgressEvidenceHint} value={evidence} onChange={(_e, v) => setEvidence(v || '')} />
        {problems.length > 0 && (
          <MessageBar messageBarType={MessageBarType.error} role="alert">
            {problems.map((p) => problemText(p, strings)).join(' ')}
          </MessageBar>
        )}
        {error && <MessageBar messageBarType={MessageBarType.error}>{error}</MessageBar>}
        <PrimaryButton text={strings.ProgressSend} onClick={save} disabled={saving} />
      </Panel>
    </div>
  );
}

/** For the control team: the reports waiting for a review, with accept and refuse (a reason is required). */
export function PendingReviews(props: {
  texts: IProgressTexts;
  progress: IProgressState;
  data: IReportData;
  onChanged: () => void;
  /** Only these reports (e.g. those on the action of a panel); default every pending one. */
  filter?: (r: IProgressReport) => boolean;
  /** The target as the reviewer sees it, with the ETag to apply on; default from `data`. */
  targetOf?: (r: IProgressReport) => IAction | IRecommendation | undefined;
  /** Inside a panel: an h3 with its own id. */
  inPanel?: boolean;
}): JSX.Element {
  const { progress, data, texts: strings } = props;
  const pending = pendingReports(progress.reports).filter(props.filter || (() => true));
  const [reasons, setReasons] = React.useState<Record<number, string>>({});
  const [message, setMessage] = React.useState<{ type: MessageBarType; text: string } | undefined>();
  const titleId = props.inPanel ? 'panel-reviews-title' : 'reviews-title';
  const title = format(strings.ReviewPendingTitle, pending.length);
  if (!pending.length && !(props.inPanel && message)) return <React.Fragment />;
  const targetOf = (r: IProgressReport): IAction | IRecommendation | undefined =>
    props.targetOf ? props.targetOf(r) : r.target.kind === 'action' ? data.actions.filter((a) => a.id === r.target.id)[0] : (data.recommendations || []).filter((x) => x.id === r.target.id)[0];
  const done = (text: string): void => {
    setMessage({ type: MessageBarType.success, text });
    progress.reload();
    props.onChanged();
  };
  const failed = (e: unknown): void =>
    setMessage({ type: MessageBarType.error, text: e instanceof ConflictError ? strings.ReviewConflict : strings.ProgressSaveError });
  return (
    <section aria-labelledby={titleId} data-testid={props.inPanel ? 'panel-pending-reviews' : 'pending-reviews'}>
      {props.inPanel ? <h3 id={titleId}>{title}</h3> : <h2 id={titleId}>{title}</h2>}
      {message && <MessageBar messageBarType={message.type}>{message.text}</MessageBar>}
      <ul>
        {pending.map((r) => {
          const target = targetOf(r);
          const flagged = reviewOf(r).flagged;
          return (
            <li key={r.id}>
              <strong>{target ? target.title : r.targetTitle}</strong> — {r.authorName}: {progressStateLabel(r.state, strings)}. {r.comment}
              {r.proposedDeadline ? ` ${format(strings.ProgressProposedDeadline, r.proposedDeadline.slice(0, 10))}` : ''}
              {flagged ? ` (${strings.ReviewNotByTeam})` : ''}
              <div>
                <PrimaryButton
                  text={strings.ReviewAccept}
                  disabled={!target}
                  onClick={() => target && progress.service.accept(r, target).then(() => done(strings.ReviewAcceptedDone), failed)}
                />
                <TextField
                  label={strings.ReviewReasonLabel}
                  value={reasons[r.id] || ''}
                  onChange={(_e, v) => setReasons({ ...reasons, [r.id]: v || '' })}
                />
                <DefaultButton
                  text={strings.ReviewRefuse}
                  onClick={() => {
                    if ((reasons[r.id] || '').trim().length < 3) {
                      setMessage({ type: MessageBarType.error, text: strings.ReviewReasonRequired });
                      return;
                    }
                    progress.service.refuse(r, reasons[r.id]).then(() => done(strings.ReviewRefusedDone), failed);
                  }}
                />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
