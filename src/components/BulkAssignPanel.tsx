/**
 * "Eigenaar en deadline toewijzen": one person and/or a deadline for a selection of items, written item by item by the
 * use case src/app/assignOwners.ts. Shared by the cards (a domain's planning) and the audits (an audit's recommendations);
 * texts come in as props (loc files live per web part).
 */
import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { ComboBox, IComboBoxOption } from '@fluentui/react/lib/ComboBox';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Panel, PanelType } from '@fluentui/react/lib/Panel';
import { TextField } from '@fluentui/react/lib/TextField';
import { format } from './format';
import { WRAPPING_PANEL_STYLES } from './wrap';
import { AssignProblem, AssignRefusedError, assignOwners, IAssignResult, IAssignTarget, IResolvedOwner } from '../app/assignOwners';
import { IOwnerAssignment } from '../data/ownerAssignment';

/** The texts of the panel; each web part passes its own loc strings (same keys). */
export interface IBulkAssignTexts {
  BulkAssign: string;
  BulkAssignFor: string;
  BulkAssignIntro: string;
  BulkAssignCurrent: string;
  BulkAssignNoOwner: string;
  BulkAssignNone: string;
  BulkAssignOwner: string;
  BulkAssignOwnerHint: string;
  BulkAssignPeopleError: string;
  BulkAssignDeadline: string;
  BulkAssignSubmit: string;
  BulkAssignBusy: string;
  BulkAssignDone: string;
  BulkAssignConflicts: string;
  BulkAssignFailed: string;
  BulkAssignError: string;
  BulkAssignClose: string;
  BulkProblemNoTargets: string;
  BulkProblemNothing: string;
  BulkProblemOwnerUnknown: string;
  BulkProblemOwnerGroup: string;
  BulkProblemOwnerDeleted: string;
  BulkProblemDeadlineInvalid: string;
  BulkProblemDeadlinePlanned: string;
}

/** An item that can be picked, as the screen shows it. */
export interface IBulkItem extends IAssignTarget {
  ownerTitle?: string;
}

export interface IBulkGroup {
  label: string;
  items: IBulkItem[];
  /** Ticked when the panel opens. */
  picked: boolean;
}

export interface IBulkAssignPanelProps {
  texts: IBulkAssignTexts;
  /** What the items are about (a domain, an audit): in the button's accessible name and the panel's title. */
  subject: string;
  groups: IBulkGroup[];
  owners: IOwnerAssignment;
  /** The panel opens (e.g. read the titles of items read only to be counted). */
  onOpen?: () => void;
  /** Something was written: read the data again. */
  onChanged: () => void;
}

type Outcome = { kind: 'result'; result: IAssignResult } | { kind: 'refused'; text: string } | { kind: 'error' };

/** The Dutch/English text of a refusal, naming the items a deadline is too early for. */
export function refusalText(e: AssignRefusedError, t: IBulkAssignTexts): string {
  const texts: Record<AssignProblem, string> = {
    noTargets: t.BulkProblemNoTargets,
    nothingToAssign: t.BulkProblemNothing,
    ownerUnknown: t.BulkProblemOwnerUnknown,
    ownerGroup: t.BulkProblemOwnerGroup,
    ownerDeleted: t.BulkProblemOwnerDeleted,
    deadlineInvalid: t.BulkProblemDeadlineInvalid,
    deadlineBeforePlanned: t.BulkProblemDeadlinePlanned
  };
  const items = e.items.map((x) => `'${x.title}'`).join(', ');
  return e.problems.map((p) => format(texts[p], items)).join(' ');
}

function names(items: IAssignTarget[]): string {
  return items.map((t) => `'${t.title}'`).join(', ');
}

function ResultMessage(props: { outcome: Outcome; texts: IBulkAssignTexts }): JSX.Element {
  const { outcome: o, texts: t } = props;
  if (o.kind === 'refused') {
    return (
      <MessageBar messageBarType={MessageBarType.error} role="alert" isMultiline={true}>
        {o.text}
      </MessageBar>
    );
  }
  if (o.kind === 'error') return <MessageBar messageBarType={MessageBarType.error}>{t.BulkAssignError}</MessageBar>;
  const r = o.result;
  const type = r.conflicts.length ? MessageBarType.warning : r.failed.length ? MessageBarType.error : MessageBarType.success;
  return (
    <MessageBar messageBarType={type} isMultiline={true} data-testid="bulk-assign-result">
      {format(t.BulkAssignDone, r.updated.length)}
      {r.conflicts.length > 0 && ` ${format(t.BulkAssignConflicts, names(r.conflicts))}`}
      {r.failed.length > 0 && ` ${format(t.BulkAssignFailed, names(r.failed))}`}
    </MessageBar>
  );
}

function keyOf(i: IAssignTarget): string {
  return `${i.kind}:${i.id}`;
}

function GroupChecks(props: { group: IBulkGroup; texts: IBulkAssignTexts; picked: Record<string, boolean>; onPick: (key: string, on: boolean) => void }): JSX.Element {
  const { group, texts: t } = props;
  if (!group.items.length) return <React.Fragment />;
  return (
    <fieldset style={{ border: 0, padding: 0, margin: '12px 0' }}>
      <legend style={{ fontWeight: 600, marginBottom: 4 }}>{group.label}</legend>
      {group.items.map((i) => (
        <Checkbox
          key={keyOf(i)}
          label={`${i.title} (${i.ownerTitle ? format(t.BulkAssignCurrent, i.ownerTitle) : t.BulkAssignNoOwner})`}
          checked={!!props.picked[keyOf(i)]}
          onChange={(_e, on) => props.onPick(keyOf(i), !!on)}
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

/** The button and its panel: pick items, one person and/or a deadline, then each item is written on its own. */
export function BulkAssignPanel(props: IBulkAssignPanelProps): JSX.Element {
  const { texts: t, groups } = props;
  const [open, setOpen] = React.useState(false);
  const [picked, setPicked] = React.useState<Record<string, boolean>>({});
  const [owner, setOwner] = React.useState<{ key?: string; text: string }>({ text: '' });
  const [deadline, setDeadline] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Outcome | undefined>(undefined);
  const { people, failed } = usePeople(props.owners, open);
  const items = ([] as IBulkItem[]).concat(...groups.map((g) => g.items));

  const start = (): void => {
    const pick: Record<string, boolean> = {};
    for (const g of groups) if (g.picked) for (const i of g.items) pick[keyOf(i)] = true;
    setPicked(pick);
    setOutcome(undefined);
    setOpen(true);
    if (props.onOpen) props.onOpen();
  };

  const submit = (): void => {
    const targets: IAssignTarget[] = items.filter((i) => picked[keyOf(i)]).map((i) => ({ kind: i.kind, id: i.id, title: i.title, seenModified: i.seenModified, seenEtag: i.seenEtag }));
    setBusy(true);
    setOutcome(undefined);
    assignOwners(props.owners.port, { targets, ownerLogin: owner.key || owner.text, deadline })
      .then((result) => {
        setOutcome({ kind: 'result', result });
        if (result.updated.length) props.onChanged();
      })
      .catch((e: unknown) => setOutcome(e instanceof AssignRefusedError ? { kind: 'refused', text: refusalText(e, t) } : { kind: 'error' }))
      .then(() => setBusy(false), () => setBusy(false));
  };

  const options: IComboBoxOption[] = people.map((p) => ({ key: p.loginName, text: p.email ? `${p.title} (${p.email})` : p.title }));
  const onPick = (key: string, on: boolean): void => setPicked({ ...picked, [key]: on });
  return (
    <>
      <DefaultButton text={t.BulkAssign} ariaLabel={format(t.BulkAssignFor, props.subject)} onClick={start} styles={{ root: { height: 28, padding: '0 8px', minWidth: 0, flexShrink: 0 } }} />
      <Panel isOpen={open} type={PanelType.medium} styles={WRAPPING_PANEL_STYLES} headerText={format(t.BulkAssignFor, props.subject)} closeButtonAriaLabel={t.BulkAssignClose} onDismiss={() => setOpen(false)}>
        <p>{t.BulkAssignIntro}</p>
        {items.length === 0 && <p>{t.BulkAssignNone}</p>}
        {groups.map((g) => (
          <GroupChecks key={g.label} group={g} texts={t} picked={picked} onPick={onPick} />
        ))}
        <ComboBox
          label={t.BulkAssignOwner}
          allowFreeform={true}
          autoComplete="on"
          options={options}
          selectedKey={owner.key || null}
          text={owner.key ? undefined : owner.text}
          onChange={(_e, o, _i, value) => setOwner(o ? { key: String(o.key), text: o.text } : { text: value || '' })}
          // Typed text counts without Enter: an e-mail address of a colleague not yet on the site.
          onInputValueChange={(text) => setOwner({ text })}
        />
        <p style={{ margin: '4px 0 8px', fontSize: 12 }}>{failed ? t.BulkAssignPeopleError : t.BulkAssignOwnerHint}</p>
        <TextField label={t.BulkAssignDeadline} type="date" value={deadline} onChange={(_e, v) => setDeadline(v || '')} />
        <div role="status" aria-live="polite" style={{ margin: '12px 0' }}>
          {outcome && <ResultMessage outcome={outcome} texts={t} />}
        </div>
        <PrimaryButton text={busy ? t.BulkAssignBusy : t.BulkAssignSubmit} disabled={busy || items.length === 0} onClick={submit} />
      </Panel>
    </>
  );
}
