import * as React from 'react';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';

/** The outcome of an action, as the user is told it. */
export interface IOutcome {
  ok: boolean;
  text: string;
}

/** A polite live region that always exists, so screen readers announce the outcome when it appears. */
export function LiveMessage(props: { message: IOutcome | undefined; className?: string }): JSX.Element {
  const { message } = props;
  return (
    <div className={props.className} role="status" aria-live="polite">
      {message && (
        <MessageBar messageBarType={message.ok ? MessageBarType.success : MessageBarType.error} isMultiline={true}>
          {message.text}
        </MessageBar>
      )}
    </div>
  );
}
