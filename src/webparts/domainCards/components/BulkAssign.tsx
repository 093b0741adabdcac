import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { ComboBox, IComboBoxOption } from '@fluentui/react/lib/ComboBox';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Panel, PanelType } from '@fluentui/react/lib/Panel';
import { TextField } from '@fluentui/react/lib/TextField';
import * as strings from 'DomainCardsWebPartStrings';
import { format } from '../../../components/format';
import { WRAPPING_PANEL_STYLES } from '../../../components/wrap';
import { AssignProblem, AssignRefusedError, assignOwners, IAssignResult, IAssignTarget, IResolvedOwner } from '../../../app/assignOwners';
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

type Outcome = { kind: 'result'; result: IAssignResult } | { kind: 'refused'; text: string } | { kind: 'error' };

const PROBLEM_TEXTS: Record<AssignProblem, string> = {
  noTargets: strings.BulkProblemNoTargets,
  nothingToAssign: strings.BulkProblemNothing,
  ownerUnknown: strings.BulkProblemOwnerUnknown,
  ownerGroup: strings.BulkProblemOwnerGroup,
  ownerDeleted: strings.BulkProblemOwnerDeleted,
  deadlineInvalid: strings.BulkProblemDeadlineInvalid,
  deadlineBeforePlanned: strings.BulkProblemDeadlinePlanned
};

/** The Dutch/English text of a refusal, naming the actions a deadline is too early for. */
export function refusalText(e: AssignRefusedError): string {
  const items = e.items.map((t) => `'${t.title}'`).join(', ');
  return e.problems.map((p) => format(PROBLEM_TEXTS[p], items)).join(' ');
}

function names(items: IAssignTarget[]): string {
  return items.map((t) => `'${t.title}'`).join(', ');
}

function ResultMessage(props: { outcome: Outcome }): JSX.Element {
  const o = props.outcome;
  if (o.kind === 'refused') {
    return (
      <MessageBar messageBarType={MessageBarType.error} role="alert" isMultiline={true}>
        {o.text}
      </MessageBar>
    );
  }
  if (o.kind === 'error') return <MessageBar messageBarType={MessageBarType.error}>{strings.BulkAssignError}</MessageBar>;
  const r = o.result;
  const type = r.conflicts.length ? MessageBarType.warning : r.failed.length ? MessageBarType.error : MessageBarType.success;
  return (
    <MessageBar messageBarType={type} isMultiline={true} data-testid="bulk-assign-result">
      {format(strings.BulkAssignDone, r.updated.length)}
      {r.conflicts.length > 0 && ` ${format(strings.BulkAssignConflicts, names(r.conflicts))}`}
      {r.failed.length > 0 && ` ${format(strings.BulkAssignFailed, names(r.failed))}`}
    </MessageBar>
  );
}

function ItemChecks(props: { label: string; items: IAction[]; picked: Record<number, boolean>; onPick: (id: number, on: boolean) => void }): JSX.Element {
  if (!props.items.length) return <React.Fragment />;
  return (
    <fieldset style={{ border: 0, padding: 0, margin: '12px 0' }}>
      <legend style={{ fontWeight: 600, marginBottom: 4 }}>{props.label}</legend>
      {props.items.map((a) => (
        <Checkbox
          key={a.id}
          label={`${cardTitle(a) || `#${a.id}`} (${a.owner ? format(strings.BulkAssignCurrent, a.owner.title) : strings.BulkAssignNoOwner})`}
          checked={!!props.picked[a.id]}
          onChange={(_e, on) => props.onPick(a.id, !!on)}
          styles={{ root: { marginBottom: 6 } }}
        />
      ))}
    </fieldset>
  );
}

/** The people of the site, read once the panel opens; a failure leaves the free text (an e-mail address). */
function usePeople(owners: IOwnerAssignment, open: boolean): { people: IResolvedOwner[]; failed: boolean } {
  const [state, setState] = React.useState<{ people: IResolvedOwner[]; failed: boolean }>({ people: [], failed: false });
  React.useEffect(() => {
    if (!open) return undefined;
    let live = true;
    owners.readPeople().then(
      (people) => live && setState({ people, failed: false }),
      () => live && setState({ people: [], failed: true })
    );
    return () => {
      live = false;
    };
  }, [owners, open]);
  return state;
}

/**
 * "Eigenaar en deadline toewijzen" on a domain card (control team only): one person and a deadline for a selection of
 * the domain's planning (the new planning is picked), written item by item by the use case src/app/assignOwners.ts.
 */
export function BulkAssign(props: IBulkAssignProps): JSX.Element {
  const { report } = props;
  const [open, setOpen] = React.useState(false);
  const [picked, setPicked] = React.useState<Record<number, boolean>>({});
  const [owner, setOwner] = React.useState<{ key?: string; text: string }>({ text: '' });
  const [deadline, setDeadline] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Outcome | undefined>(undefined);
  const { people, failed } = usePeople(props.owners, open);
  const items = report.planningNew.concat(report.planningOlder);
  const title = report.domain.title;

  const start = (): void => {
    const pick: Record<number, boolean> = {};
    for (const a of report.planningNew) pick[a.id] = true;
    setPicked(pick);
    setOutcome(undefined);
    setOpen(true);
    const missing = idsWithoutTitle(report.planningOlder);
    if (missing.length && props.onLoadTitles) props.onLoadTitles(missing).catch(() => undefined);
  };

  const submit = (): void => {
    const targets: IAssignTarget[] = items.filter((a) => picked[a.id]).map((a) => ({ kind: 'action', id: a.id, title: cardTitle(a) || `#${a.id}`, seenModified: a.modified }));
    setBusy(true);
    setOutcome(undefined);
    assignOwners(props.owners.port, { targets, ownerLogin: owner.key || owner.text, deadline })
      .then((result) => {
        setOutcome({ kind: 'result', result });
        if (result.updated.length) props.onChanged();
      })
      .catch((e: unknown) => setOutcome(e instanceof AssignRefusedError ? { kind: 'refused', text: refusalText(e) } : { kind: 'error' }))
      .then(() => setBusy(false), () => setBusy(false));
  };

  const options: IComboBoxOption[] = people.map((p) => ({ key: p.loginName, text: p.email ? `${p.title} (${p.email})` : p.title }));
  return (
    <>
      <DefaultButton text={strings.BulkAssign} ariaLabel={format(strings.BulkAssignFor, title)} onClick={start} styles={{ root: { height: 28, padding: '0 8px', minWidth: 0, flexShrink: 0 } }} />
      <Panel isOpen={open} type={PanelType.medium} styles={WRAPPING_PANEL_STYLES} headerText={format(strings.BulkAssignFor, title)} closeButtonAriaLabel={strings.Close} onDismiss={() => setOpen(false)}>
        <p>{strings.BulkAssignIntro}</p>
        {items.length === 0 && <p>{strings.BulkAssignNone}</p>}
        <ItemChecks label={format(strings.BulkAssignNewPlanning, props.planningYear)} items={report.planningNew} picked={picked} onPick={(id, on) => setPicked({ ...picked, [id]: on })} />
        <ItemChecks label={strings.BulkAssignOlderPlanning} items={report.planningOlder} picked={picked} onPick={(id, on) => setPicked({ ...picked, [id]: on })} />
        <ComboBox
          label={strings.BulkAssignOwner}
          allowFreeform={true}
          autoComplete="on"
          options={options}
          selectedKey={owner.key || null}
          text={owner.key ? undefined : owner.text}
          onChange={(_e, o, _i, value) => setOwner(o ? { key: String(o.key), text: o.text } : { text: value || '' })}
          // Typed text counts without Enter: an e-mail address of a colleague not yet on the site.
          onInputValueChange={(text) => setOwner({ text })}
        />
        <p style={{ margin: '4px 0 8px', fontSize: 12 }}>{failed ? strings.BulkAssignPeopleError : strings.BulkAssignOwnerHint}</p>
        <TextField label={strings.BulkAssignDeadline} type="date" value={deadline} onChange={(_e, v) => setDeadline(v || '')} />
        <div role="status" aria-live="polite" style={{ margin: '12px 0' }}>
          {outcome && <ResultMessage outcome={outcome} />}
        </div>
        <PrimaryButton text={busy ? strings.BulkAssignBusy : strings.BulkAssignSubmit} disabled={busy || items.length === 0} onClick={submit} />
      </Panel>
    </>
  );
}
