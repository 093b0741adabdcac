import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import * as strings from 'DomainCardsWebPartStrings';
import { format } from '../../../components/format';
import { realisationYearFor } from '../../../model/report';
import { cardTitle } from '../../../model/text';
import { IRealiseFlow } from './useRealise';

/** The confirmation of "Doorschuiven" and the offer to mark the action's recommendations carried out. */
export function RealiseDialogs(props: { flow: IRealiseFlow; year: number }): JSX.Element {
  const { flow, year } = props;
  const { confirm, toMark, realising, marking } = flow;
  return (
    <>
      <Dialog
        hidden={!confirm}
        onDismiss={() => (realising ? undefined : flow.cancel())}
        dialogContentProps={{
          type: DialogType.normal,
          title: strings.RealiseTitle,
          closeButtonAriaLabel: strings.Close,
          subText: confirm ? format(strings.RealiseText, cardTitle(confirm), realisationYearFor(confirm, year)) : ''
        }}
        // A confirmation wants an answer: blocking, so it is an alertdialog.
        modalProps={{ isBlocking: true }}
      >
        <DialogFooter>
          <PrimaryButton text={realising ? strings.Realising : strings.RealiseConfirm} disabled={realising} onClick={flow.realise} />
          <DefaultButton text={strings.Cancel} disabled={realising} onClick={flow.cancel} />
        </DialogFooter>
      </Dialog>
      <Dialog
        hidden={!toMark}
        onDismiss={() => (marking ? undefined : flow.skipMark())}
        dialogContentProps={{
          type: DialogType.normal,
          title: strings.MarkTitle,
          closeButtonAriaLabel: strings.Close,
          subText: toMark
            ? format(strings.MarkText, cardTitle(toMark.action), toMark.recommendations.length, toMark.recommendations.map((r) => `'${r.title}'`).join(', '))
            : ''
        }}
        modalProps={{ isBlocking: true }}
      >
        <DialogFooter>
          <PrimaryButton text={marking ? strings.Marking : strings.MarkConfirm} disabled={marking} onClick={flow.mark} />
          <DefaultButton text={strings.MarkSkip} disabled={marking} onClick={flow.skipMark} />
        </DialogFooter>
      </Dialog>
    </>
  );
}
