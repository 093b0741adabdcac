import * as React from 'react';
import * as strings from 'AuditFollowUpWebPartStrings';
import { IProgressState, OwnerProgress as SharedOwnerProgress, PendingReviews as SharedPendingReviews } from '../../../components/ProgressParts';
import { IProgressTarget } from '../../../model/progress';
import { IAction, IRecommendation, IReportData } from '../../../model/types';

export { useProgressReports } from '../../../components/ProgressParts';
export type { IProgressState } from '../../../components/ProgressParts';

/** Under an item of "Mijn acties": the last report and its review, and "Voortgang melden" (src/components/ProgressParts). */
export function OwnerProgress(props: { progress: IProgressState; target: IProgressTarget; item: IAction | IRecommendation; title: string; userId: number }): JSX.Element {
  return <SharedOwnerProgress {...props} texts={strings} />;
}

/** For the control team: the reports waiting for a review, with accept and refuse. */
export function PendingReviews(props: { progress: IProgressState; data: IReportData; onChanged: () => void }): JSX.Element {
  return <SharedPendingReviews {...props} texts={strings} />;
}
