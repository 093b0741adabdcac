import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import * as strings from 'MaturityWebPartStrings';
import { format } from '../../../components/format';
import { backStatus, IMaturityRound, ITransitionSummary, nextStatus, RoundStatus } from '../../../model/maturity';
import { MaturityClassNames } from './styles';

/** The button text of a move to `to` from `from`. */
export function moveLabel(from: RoundStatus, to: RoundStatus): string {
  if (backStatus(from) === to) return strings.BackToScoring;
  return to === 'scoren' ? strings.ToScoring : to === 'consensus' ? strings.ToConsensus : strings.ToClosed;
}

/** What the facilitator confirms: the numbers the change is about ("3 van 15 scores ingediend"). */
export function confirmText(from: RoundStatus, to: RoundStatus, s: ITransitionSummary): { title: string; text: string } {
  if (backStatus(from) === to) return { title: strings.ConfirmBackTitle, text: format(strings.ConfirmBack, s.submitted, s.expected) };
  if (to === 'scoren') return { title: strings.ConfirmScoringTitle, text: format(strings.ConfirmScoring, s.raters, s.units, s.expected) };
  if (to === 'consensus') return { title: strings.ConfirmConsensusTitle, text: format(strings.ConfirmConsensus, s.submitted, s.expected, s.finished, s.raters) };
  return { title: strings.ConfirmCloseTitle, text: format(strings.ConfirmClose, s.consensus, s.units) };
}

export interface IStageButtonsProps {
  round: IMaturityRound;
  summary: ITransitionSummary;
  busy: boolean;
  cn: MaturityClassNames;
  /** Before the dialog opens (e.g. to warn about unsaved input); calls `go` to open it. */
  guard: (go: () => void) => void;
  onMove: (to: RoundStatus) => void;
}

/** The facilitator's buttons to move the round on (or back), each confirmed with the numbers it concerns. */
export function StageButtons(props: IStageButtonsProps): JSX.Element {
  const { round } = props;
  const [asked, setAsked] = React.useState<RoundStatus | undefined>(undefined);
  const moves = [nextStatus(round.status), backStatus(round.status)].filter((s): s is RoundStatus => s !== undefined);
  if (!moves.length) return <></>;
  const confirm = asked ? confirmText(round.status, asked, props.summary) : undefined;
  return (
    <div className={props.cn.toolbar}>
      {moves.map((to, i) => {
        const Button = i === 0 ? PrimaryButton : DefaultButton;
        return <Button key={to} text={moveLabel(round.status, to)} disabled={props.busy} onClick={() => props.guard(() => setAsked(to))} />;
      })}
      <Dialog
        hidden={!asked}
        onDismiss={() => setAsked(undefined)}
        dialogContentProps={{ type: DialogType.normal, title: confirm ? confirm.title : '', subText: confirm ? confirm.text : '', closeButtonAriaLabel: strings.Close }}
      >
        <DialogFooter>
          <PrimaryButton
            text={asked ? moveLabel(round.status, asked) : ''}
            onClick={() => {
              const to = asked;
              setAsked(undefined);
              if (to) props.onMove(to);
            }}
          />
          <DefaultButton text={strings.Cancel} onClick={() => setAsked(undefined)} />
        </DialogFooter>
      </Dialog>
    </div>
  );
}

/** Asks before unsaved scores are left behind (another round, tab or stage, "Vernieuwen"). */
export function LeaveDialog(props: { pending: boolean; onLeave: () => void; onStay: () => void }): JSX.Element {
  return (
    <Dialog
      hidden={!props.pending}
      onDismiss={props.onStay}
      dialogContentProps={{ type: DialogType.normal, title: strings.LeaveTitle, subText: strings.LeaveText, closeButtonAriaLabel: strings.Close }}
    >
      <DialogFooter>
        <PrimaryButton text={strings.Stay} onClick={props.onStay} />
        <DefaultButton text={strings.LeaveAnyway} onClick={props.onLeave} />
      </DialogFooter>
    </Dialog>
  );
}
