import * as React from 'react';
import { IMaturityRepository, IMaturityScreen } from '../../../data/IMaturityRepository';
import { IPermissions } from '../../../data/IOrgRepository';
import { defaultRound, IConsensus, IMaturityScore } from '../../../model/maturity';

export type LoadState = { kind: 'loading' } | { kind: 'error'; error: Error } | { kind: 'ready'; screen: IMaturityScreen };

const READER: IPermissions = { canEdit: false, canManageLists: false, canFinalise: false };

export interface IMaturityScreenState {
  state: LoadState;
  roundId: number | undefined;
  perms: IPermissions;
  refreshing: boolean;
  /** Reads the round (the default one when it does not exist); `quiet` keeps the screen while reading. */
  load: (id: number | undefined, quiet?: boolean) => void;
  /** "Vernieuwen": the round stays on screen; a failed read only calls `onError`. */
  refresh: (id: number, onError: () => void) => void;
  /** Reads again and opens a round that appeared since (e.g. made in the list form in another window). */
  refreshForNewRound: () => void;
  show: (screen: IMaturityScreen, roundId?: number) => void;
  fail: (error: Error) => void;
  /** A saved score or consensus replaces its earlier version on screen. */
  scoreSaved: (saved: IMaturityScore) => void;
  consensusSaved: (saved: IConsensus) => void;
}

/** The maturity screen's data: which round, read how, and the user's rights. */
export function useMaturityScreen(repository: IMaturityRepository, initialRoundId: number | undefined): IMaturityScreenState {
  const [state, setState] = React.useState<LoadState>({ kind: 'loading' });
  const [roundId, setRoundId] = React.useState<number | undefined>(initialRoundId);
  const [perms, setPerms] = React.useState<IPermissions>(READER);
  const [refreshing, setRefreshing] = React.useState(false);

  const load = React.useCallback(
    (id: number | undefined, quiet: boolean = false): void => {
      if (!quiet) setState({ kind: 'loading' });
      setRoundId(id);
      repository
        .load(id)
        .then((screen) => {
          const chosen = id !== undefined && screen.data.rounds.some((r) => r.id === id) ? id : (defaultRound(screen.data.rounds) || { id: undefined }).id;
          if (chosen !== id && chosen !== undefined) {
            // The round's values (consensus, closed) come with a load for that round.
            setRoundId(chosen);
            return repository.load(chosen).then((s2) => setState({ kind: 'ready', screen: s2 }));
          }
          setState({ kind: 'ready', screen });
          return undefined;
        })
        .catch((e: Error) => setState({ kind: 'error', error: e }));
    },
    [repository]
  );

  const replace = (change: (s: IMaturityScreen) => IMaturityScreen): void =>
    setState((prev) => (prev.kind === 'ready' ? { kind: 'ready', screen: change(prev.screen) } : prev));

  const refresh = (id: number, onError: () => void): void => {
    setRefreshing(true);
    repository
      .load(id)
      .then((screen) => setState({ kind: 'ready', screen }))
      .catch(onError)
      .then(() => setRefreshing(false))
      .catch(() => undefined);
  };

  const known = state.kind === 'ready' ? state.screen.data.rounds.map((r) => r.id) : [];
  const refreshForNewRound = (): void => {
    repository
      .load(roundId)
      .then((screen) => {
        const added = screen.data.rounds.filter((r) => known.indexOf(r.id) < 0).sort((a, b) => b.id - a.id)[0];
        if (added) load(added.id, true);
        else setState({ kind: 'ready', screen });
      })
      .catch(() => undefined);
  };

  React.useEffect(() => {
    load(roundId);
    repository
      .getPermissions()
      .then(setPerms)
      .catch(() => setPerms(READER));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [repository]);

  return {
    state,
    roundId,
    perms,
    refreshing,
    load,
    refresh,
    refreshForNewRound,
    show: (screen, id) => {
      if (id !== undefined) setRoundId(id);
      setState({ kind: 'ready', screen });
    },
    fail: (error) => setState({ kind: 'error', error }),
    scoreSaved: (saved) => replace((s) => ({ ...s, data: { ...s.data, scores: s.data.scores.filter((x) => x.id !== saved.id).concat([saved]) } })),
    consensusSaved: (saved) => replace((s) => ({ ...s, data: { ...s.data, consensus: s.data.consensus.filter((x) => x.id !== saved.id).concat([saved]) } }))
  };
}
