/**
 * Progress reports of owners and their review by the control team (pure).
 *
 * An owner records a report (list Voortgangsmeldingen) on an action or recommendation they own;
 * SharePoint keeps each owner to their own reports (WriteSecurity 2) and the actions read-only for
 * them. SharePoint cannot restrict single columns, so an owner could write "aanvaard" on their own
 * report: a review counts only when written by someone else than the report's author (with
 * WriteSecurity 2 only a reviewer, who overrides item-level security, can edit another user's item)
 * or by a known member of the control team. Any other outcome is ignored and flagged.
 */
import { deadlineDate, isActionDone, isRecommendationDone } from './audits';
import { ActionStatus, IAction, IRecommendation, RecommendationStatus } from './types';

export type ProgressState = 'op schema' | 'vertraagd' | 'uitgevoerd';
export type ReviewOutcome = 'in afwachting' | 'aanvaard' | 'geweigerd';

export const PROGRESS_STATE_VALUES: ProgressState[] = ['op schema', 'vertraagd', 'uitgevoerd'];
/** Longest comment kept (a short note, not a report). */
export const MAX_COMMENT_LENGTH: number = 1000;

export interface IProgressTarget {
  kind: 'action' | 'recommendation';
  id: number;
}

export interface IProgressReport {
  id: number;
  target: IProgressTarget;
  /** Title of the action or recommendation (lookup value). */
  targetTitle?: string;
  state: ProgressState;
  comment?: string;
  /** ISO date (YYYY-MM-DD or a SharePoint date). */
  proposedDeadline?: string;
  evidenceUrl?: string;
  /** As stored; see reviewOf for what counts. */
  outcome: ReviewOutcome;
  reason?: string;
  authorId: number;
  authorName?: string;
  editorId: number;
  editorName?: string;
  created?: string;
  modified?: string;
  etag?: string;
}

export interface IProgressInput {
  target: IProgressTarget;
  state: ProgressState;
  comment: string;
  proposedDeadline?: string;
  evidenceUrl?: string;
}

/** Why a report or a review cannot be saved; the UI shows the Dutch text, the CLI both. */
export type ProgressProblem = 'state' | 'comment' | 'commentLength' | 'deadline' | 'deadlineBeforePlanned' | 'evidence' | 'notOwner' | 'done' | 'reason';

/**
 * An evidence link the app will render as a link: https, or a server-relative path on the
 * tenant ("/sites/..."). Anything else (javascript:, data:, http:, "//host", relative) is refused.
 */
export function isSafeEvidenceUrl(url: string): boolean {
  const u = url.trim();
  if (!u || /\s/.test(u)) return false;
  if (/^\/(?!\/)/.test(u)) return !/[\\]/.test(u);
  return /^https:\/\/[^/\\\s?#]+(?:[/?#]|$)/i.test(u);
}

/** The owner of the target is the user (the rule the list cannot check: it only knows authors). */
export function ownsTarget(target: IAction | IRecommendation | undefined, userId: number | undefined): boolean {
  return !!target && userId !== undefined && !!target.owner && target.owner.id === userId;
}

function isDone(kind: IProgressTarget['kind'], target: IAction | IRecommendation): boolean {
  return kind === 'action' ? isActionDone(target as IAction) : isRecommendationDone(target as IRecommendation);
}

/** What is wrong with a report before it is saved (empty: fine). */
export function validateProgress(input: IProgressInput, target: IAction | IRecommendation | undefined, userId: number | undefined): ProgressProblem[] {
  const problems: ProgressProblem[] = [];
  if (!ownsTarget(target, userId)) problems.push('notOwner');
  else if (isDone(input.target.kind, target as IAction | IRecommendation)) problems.push('done');
  if (PROGRESS_STATE_VALUES.indexOf(input.state) < 0) problems.push('state');
  const comment = (input.comment || '').trim();
  if (!comment) problems.push('comment');
  else if (comment.length > MAX_COMMENT_LENGTH) problems.push('commentLength');
  if (input.proposedDeadline) {
    const d = deadlineDate(input.proposedDeadline);
    if (!d) problems.push('deadline');
    else if (input.target.kind === 'action' && target && (target as IAction).plannedYear !== undefined && d.getFullYear() < ((target as IAction).plannedYear as number)) {
      problems.push('deadlineBeforePlanned');
    }
  }
  if (input.evidenceUrl && input.evidenceUrl.trim() && !isSafeEvidenceUrl(input.evidenceUrl)) problems.push('evidence');
  return problems;
}

export interface IReview {
  /** The outcome that counts. */
  outcome: ReviewOutcome;
  /** An outcome was stored that does not count (written by the owner, not by the control team). */
  flagged: boolean;
}

/**
 * The review that counts: 'aanvaard' or 'geweigerd' only when the last editor is not the report's author
 * (so a reviewer wrote it) or is a known control-team member; otherwise 'in afwachting', flagged.
 */
export function reviewOf(report: IProgressReport, controlTeamIds: number[] = []): IReview {
  if (report.outcome === 'in afwachting') return { outcome: 'in afwachting', flagged: false };
  const byReviewer = report.editorId !== report.authorId || controlTeamIds.indexOf(report.editorId) >= 0;
  return byReviewer ? { outcome: report.outcome, flagged: false } : { outcome: 'in afwachting', flagged: true };
}

/** Reports still waiting for the control team, newest first. */
export function pendingReports(reports: IProgressReport[], controlTeamIds: number[] = []): IProgressReport[] {
  return reports
    .filter((r) => reviewOf(r, controlTeamIds).outcome === 'in afwachting')
    .sort((a, b) => (b.created || '').localeCompare(a.created || '') || b.id - a.id);
}

/** The latest report on a target (by creation), if any. */
export function latestReportOn(reports: IProgressReport[], target: IProgressTarget): IProgressReport | undefined {
  return reports
    .filter((r) => r.target.kind === target.kind && r.target.id === target.id)
    .sort((a, b) => (b.created || '').localeCompare(a.created || '') || b.id - a.id)[0];
}

/** Refused reports of this author that they should see (valid refusals only). */
export function refusalsFor(reports: IProgressReport[], authorId: number, controlTeamIds: number[] = []): IProgressReport[] {
  return reports.filter((r) => r.authorId === authorId && reviewOf(r, controlTeamIds).outcome === 'geweigerd');
}

/** A refusal needs a reason the owner can act on. */
export function validateRefusal(reason: string | undefined): ProgressProblem[] {
  return (reason || '').trim().length < 3 ? ['reason'] : [];
}

export interface IActionChanges {
  ActieStatus?: ActionStatus;
  JaarGerealiseerd?: number;
  Deadline?: string;
}

export interface IRecommendationChanges {
  AanbevelingStatus?: RecommendationStatus;
  Uitvoeringsgraad?: number;
  Deadline?: string;
}

/** An ISO instant for a SharePoint date-only field: midnight UTC of that day. */
function dateOnly(iso: string): string {
  const d = deadlineDate(iso) as Date;
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate())).toISOString();
}

/**
 * What accepting a report changes on the action: "uitgevoerd" realises it in the year of the review
 * (never before its planned year), "op schema"/"vertraagd" make a planned action "Lopend"; a proposed
 * deadline becomes the deadline.
 */
export function actionChangesFor(report: IProgressReport, action: IAction, today: Date): IActionChanges {
  const changes: IActionChanges = {};
  if (report.state === 'uitgevoerd') {
    changes.ActieStatus = 'Gerealiseerd';
    changes.JaarGerealiseerd = Math.max(today.getFullYear(), action.plannedYear || 0);
  } else if (action.status === 'Gepland') {
    changes.ActieStatus = 'Lopend';
  }
  if (report.proposedDeadline && report.state !== 'uitgevoerd') changes.Deadline = dateOnly(report.proposedDeadline);
  return changes;
}

/** Same for a recommendation: carried out (100 %), or in progress; a proposed deadline becomes the deadline. */
export function recommendationChangesFor(report: IProgressReport, rec: IRecommendation): IRecommendationChanges {
  const changes: IRecommendationChanges = {};
  if (report.state === 'uitgevoerd') {
    changes.AanbevelingStatus = 'Uitgevoerd';
    changes.Uitvoeringsgraad = 100;
  } else if (rec.status === 'Open') {
    changes.AanbevelingStatus = 'In uitvoering';
  }
  if (report.proposedDeadline && report.state !== 'uitgevoerd') changes.Deadline = dateOnly(report.proposedDeadline);
  return changes;
}
