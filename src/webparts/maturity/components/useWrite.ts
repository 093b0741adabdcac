import * as React from 'react';
import { MaturityError, MaturityErrorCode } from '../../../data/IMaturityRepository';
import { IMaturityRound } from '../../../model/maturity';
import { errorText } from './texts';

export interface IWriteMessage {
  ok: boolean;
  text: string;
}

export interface IWrite {
  busy: boolean;
  message: IWriteMessage | undefined;
  setMessage: (m: IWriteMessage | undefined) => void;
  /**
   * Runs a write: busy while it runs, `done`'s text as the success message (or its message); a refusal as the repository's reason, and
   * for the codes in `reloadOn` (someone wrote first, the round moved on) the caller's reload to show the latest.
   */
  run: <T>(work: () => Promise<T>, done: (result: T) => string | IWriteMessage | undefined) => Promise<T | undefined>;
}

/** The one save/busy/conflict pattern of the maturity screens. */
export function useWrite(round: IMaturityRound, onConflict?: () => void, reloadOn: MaturityErrorCode[] = ['conflict']): IWrite {
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<IWriteMessage | undefined>(undefined);
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    []
  );
  const run = <T>(work: () => Promise<T>, done: (result: T) => string | IWriteMessage | undefined): Promise<T | undefined> => {
    setBusy(true);
    setMessage(undefined);
    return work().then(
      (result) => {
        if (!mounted.current) return result;
        setBusy(false);
        const outcome = done(result);
        // A text is a success; a message may also tell a partial failure (some of several writes refused).
        if (outcome) setMessage(typeof outcome === 'string' ? { ok: true, text: outcome } : outcome);
        return result;
      },
      (e: unknown) => {
        if (!mounted.current) return undefined;
        setBusy(false);
        setMessage({ ok: false, text: errorText(e, round) });
        if (onConflict && e instanceof MaturityError && reloadOn.indexOf(e.code) >= 0) onConflict();
        return undefined;
      }
    );
  };
  return { busy, message, setMessage, run };
}
