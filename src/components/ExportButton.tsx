import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import * as download from './download';

export interface IExportFile {
  name: string;
  bytes: Uint8Array;
  type: string;
}

export interface IExportButtonProps {
  text: string;
  busyText: string;
  errorText: string;
  dismissLabel: string;
  /** Builds the file of what is on screen (the export code loads as its own chunk). */
  build: () => Promise<IExportFile>;
}

/** "Exporteren naar Excel": builds the file on click and offers it as a download. */
export function ExportButton(props: IExportButtonProps): JSX.Element {
  const [busy, setBusy] = React.useState(false);
  const [failed, setFailed] = React.useState(false);
  const live = React.useRef(true);
  React.useEffect(
    () => () => {
      live.current = false;
    },
    []
  );
  const run = (): void => {
    setBusy(true);
    setFailed(false);
    props
      .build()
      .then((f) => download.saveFile(f.name, f.bytes, f.type))
      .catch(() => live.current && setFailed(true))
      .then(() => live.current && setBusy(false))
      .catch(() => undefined);
  };
  return (
    <>
      <DefaultButton iconProps={{ iconName: 'ExcelDocument' }} text={busy ? props.busyText : props.text} disabled={busy} onClick={run} allowDisabledFocus data-testid="export-excel" />
      {failed && (
        <MessageBar messageBarType={MessageBarType.error} onDismiss={() => setFailed(false)} dismissButtonAriaLabel={props.dismissLabel}>
          {props.errorText}
        </MessageBar>
      )}
    </>
  );
}
