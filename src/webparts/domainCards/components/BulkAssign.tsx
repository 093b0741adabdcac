import * as React from 'react';
import * as strings from 'DomainCardsWebPartStrings';
import { format } from '../../../components/format';
import { BulkAssignPanel, IBulkItem } from '../../../components/BulkAssignPanel';
import { IOwnerAssignment } from '../../../data/ownerAssignment';
import { cardTitle } from '../../../model/text';
import { IAction, IDomainReport } from '../../../model/types';
import { idsWithoutTitle } from '../../../model/yearView';

export interface IBulkAssignProps {
  /** The domain's unfiltered report: its planning is what can be assigned. */
  report: IDomainReport;
  planningYear: number;
  owners: IOwnerAssignment;
  /** Older planning may have been read only to be counted: its titles are read when the panel opens. */
  onLoadTitles?: (ids: number[]) => Promise<void>;
  /** Something was written: the cards read the data again. */
  onChanged: () => void;
}

function itemOf(a: IAction): IBulkItem {
  return { kind: 'action', id: a.id, title: cardTitle(a) || `#${a.id}`, ownerTitle: a.owner ? a.owner.title : undefined, seenModified: a.modified };
}

/**
 * "Eigenaar en deadline toewijzen" on a domain card (control team only): one person and a deadline for a selection of
 * the domain's planning (the new planning is ticked).
 */
export function BulkAssign(props: IBulkAssignProps): JSX.Element {
  const { report } = props;
  const texts = { ...strings, BulkAssignClose: strings.Close };
  return (
    <BulkAssignPanel
      texts={texts}
      subject={report.domain.title}
      owners={props.owners}
      groups={[
        { label: format(strings.BulkAssignNewPlanning, props.planningYear), items: report.planningNew.map(itemOf), picked: true },
        { label: strings.BulkAssignOlderPlanning, items: report.planningOlder.map(itemOf), picked: false }
      ]}
      onOpen={() => {
        const missing = idsWithoutTitle(report.planningOlder);
        if (missing.length && props.onLoadTitles) props.onLoadTitles(missing).catch(() => undefined);
      }}
      onChanged={props.onChanged}
    />
  );
}
