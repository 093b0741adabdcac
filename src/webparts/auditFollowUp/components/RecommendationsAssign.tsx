import * as React from 'react';
import * as strings from 'AuditFollowUpWebPartStrings';
import { BulkAssignPanel } from '../../../components/BulkAssignPanel';
import { IOwnerAssignment } from '../../../data/ownerAssignment';
import { isRecommendationDone, recommendationsOf } from '../../../model/audits';
import { IAudit, IReportData } from '../../../model/types';

/**
 * "Eigenaar en deadline toewijzen" in an audit's panel (control team only): one person and a deadline for the audit's
 * open recommendations, each written on the ETag shown (src/app/assignOwners.ts).
 */
export function RecommendationsAssign(props: { audit: IAudit; data: IReportData; owners: IOwnerAssignment; onChanged: () => void }): JSX.Element {
  const open = recommendationsOf(props.data, props.audit.id).filter((r) => !isRecommendationDone(r));
  return (
    <BulkAssignPanel
      texts={{ ...strings, BulkAssignClose: strings.Close }}
      subject={props.audit.title}
      owners={props.owners}
      groups={[
        {
          label: strings.BulkAssignOpen,
          items: open.map((r) => ({ kind: 'recommendation' as const, id: r.id, title: r.title, ownerTitle: r.owner ? r.owner.title : undefined, seenEtag: r.etag })),
          picked: true
        }
      ]}
      onChanged={props.onChanged}
    />
  );
}
