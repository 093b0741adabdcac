import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Pivot, PivotItem } from '@fluentui/react/lib/Pivot';
import { ITheme } from '@fluentui/react/lib/Styling';
import { ThemeProvider, useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'MaturityWebPartStrings';
import { format } from '../../../components/format';
import { EmptyView, ErrorView, LoadingView } from '../../../components/StatusView';
import { IMaturityRepository, IMaturityScreen, MaturityError } from '../../../data/IMaturityRepository';
import { IPermissions } from '../../../data/IOrgRepository';
import { httpStatusOf, isServerBusy } from '../../../data/errors';
import {
  checkTransition, consensusOverview, defaultRound, IConsensus, IMaturityRound, IMaturityScore, isFacilitator, isRater, nextStatus, orphanScores,
  raterProgress, roundResults, roundThemes, ROUND_STATUSES, RoundStatus, TransitionProblem, unitsOfRound, IScoringUnit
} from '../../../model/maturity';
import { listFormUrl, safeUrl } from '../../../model/links';
import { ConsensusView } from './Consensus';
import { ResultsView } from './Results';
import { ScoringView } from './Scoring';
import { getClassNames, MaturityClassNames } from './styles';
import { errorText, problemText, statusText } from './texts';

export type MaturityView = 'scoring' | 'consensus' | 'results';

export interface IMaturityProps {
  repository: IMaturityRepository;
  theme?: ITheme;
  isTeams: boolean;
  /** Deep link `?round=<id>`: open this round. */
  initialRoundId?: number;
  /** Host override for list forms; default window.open(url, '_blank'). */
  openForm?: (url: string) => void;
}

type LoadState = { kind: 'loading' } | { kind: 'error'; error: Error } | { kind: 'ready'; screen: IMaturityScreen };

const READER: IPermissions = { canEdit: false, canManageLists: false, canFinalise: false };

function viewFor(status: RoundStatus): MaturityView {
  return status === 'consensus' ? 'consensus' : status === 'afgesloten' ? 'results' : 'scoring';
}

function StatusSteps(props: { status: RoundStatus; cn: MaturityClassNames }): JSX.Element {
  const current = ROUND_STATUSES.indexOf(props.status);
  return (
    <ol className={props.cn.steps} aria-label={strings.StepsLabel}>
      {ROUND_STATUSES.map((s, i) => (
        <li key={s} className={`${props.cn.step} ${i === current ? props.cn.stepCurrent : ''}`} aria-current={i === current ? 'step' : undefined}>
          {statusText(s)}
          {i === current ? ` (${strings.StepCurrent})` : i < current ? ` (${strings.StepDone})` : ''}
        </li>
      ))}
    </ol>
  );
}

function MaturityInner(props: IMaturityProps): JSX.Element {
  const theme = useTheme();
  const cn = React.useMemo(() => getClassNames(theme), [theme]);
  const { repository } = props;
  const [state, setState] = React.useState<LoadState>({ kind: 'loading' });
  const [roundId, setRoundId] = React.useState<number | undefined>(props.initialRoundId);
  const [view, setView] = React.useState<MaturityView | undefined>(undefined);
  const [perms, setPerms] = React.useState<IPermissions>(READER);
  const [notice, setNotice] = React.useState<{ ok: boolean; text: string } | undefined>(undefined);
  const [problems, setProblems] = React.useState<string[]>([]);
  const [confirmClose, setConfirmClose] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [refreshing, setRefreshing] = React.useState(false);

  const load = React.useCallback(
    (id: number | undefined, quiet: boolean = false): void => {
      if (!quiet) setState({ kind: 'loading' });
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

  // "Vernieuwen": the round stays on screen (and what is being typed in it); a failed read only says so.
  const refresh = (id: number): void => {
    setRefreshing(true);
    repository
      .load(id)
      .then((screen) => setState({ kind: 'ready', screen }))
      .catch(() => setNotice({ ok: false, text: strings.RefreshError }))
      .then(() => setRefreshing(false))
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

  const openForm = (url: string): void => {
    const safe = safeUrl(url);
    if (!safe) return;
    if (props.openForm) props.openForm(safe);
    else window.open(safe, '_blank', 'noopener');
  };

  if (state.kind === 'loading') return <LoadingView label={strings.Loading} blocks={3} />;
  if (state.kind === 'error') {
    const missing = httpStatusOf(state.error) === 404;
    return (
      <ErrorView
        message={missing ? strings.ListsMissing : isServerBusy(state.error) ? strings.LoadErrorBusy : strings.LoadError}
        retryLabel={strings.Retry}
        onRetry={() => load(roundId)}
        detailsLabel={strings.TechnicalDetails}
        error={state.error}
      />
    );
  }
  const { data, me } = state.screen;
  const round = data.rounds.filter((r) => r.id === roundId)[0];
  if (!round) {
    return (
      <EmptyView
        title={strings.EmptyTitle}
        message={perms.canEdit ? strings.EmptyEditor : strings.EmptyReader}
        actionLabel={perms.canEdit ? strings.NewRound : undefined}
        onAction={perms.canEdit ? () => openForm(listFormUrl(repository.siteUrl, 'maturityRounds', 'NewForm')) : undefined}
      />
    );
  }

  const units: IScoringUnit[] = unitsOfRound(round, data.themes, data.objectives);
  // Item-level security: who does not see every rater's scores (all but the facilitators and owners) sees only their own progress.
  const seesAll = state.screen.seesAllScores !== false;
  const progress = raterProgress(round, units, data.scores).filter((p) => seesAll || p.rater.id === me.id);
  const breaches = (data.breaches || []).filter((b) => b.roundId === round.id);
  const orphans = orphanScores(round.id, data.scores, units);
  const rater = isRater(round, me.id);
  const facilitator = isFacilitator(round, me.id, perms.canEdit);
  const current: MaturityView = view || viewFor(round.status);
  const next = nextStatus(round.status);

  const replaceScreen = (change: (s: IMaturityScreen) => IMaturityScreen): void => {
    setState((prev) => (prev.kind === 'ready' ? { kind: 'ready', screen: change(prev.screen) } : prev));
  };
  const onScoreSaved = (saved: IMaturityScore): void =>
    replaceScreen((s) => ({ ...s, data: { ...s.data, scores: s.data.scores.filter((x) => x.id !== saved.id).concat([saved]) } }));
  const onConsensusSaved = (saved: IConsensus): void =>
    replaceScreen((s) => ({ ...s, data: { ...s.data, consensus: s.data.consensus.filter((x) => x.id !== saved.id).concat([saved]) } }));
  const reload = (): void => load(round.id, true);

  const move = (to: RoundStatus): void => {
    const check = checkTransition(round, to, units, data.scores, data.consensus);
    if (check.problems.length) {
      setProblems(check.problems.map((p: TransitionProblem) => problemText(p, check.missing)));
      return;
    }
    setProblems([]);
    setBusy(true);
    repository
      .setRoundStatus(round, to)
      .then((updated: IMaturityRound) =>
        // From consensus on, everyone's values are read for this round: the next view opens only
        // with them, so it never shows spreads computed from this user's own scores alone.
        repository.load(updated.id).then(
          (screen) => {
            setState({ kind: 'ready', screen });
            setNotice({ ok: true, text: format(strings.StatusChanged, statusText(to)) });
            setView(viewFor(to));
          },
          (e: Error) => {
            // The change stands; the error view's retry reads the round again in its new stage.
            setView(undefined);
            setState({ kind: 'error', error: e });
          }
        )
      )
      .catch((e) => {
        setNotice({ ok: false, text: errorText(e, round) });
        // 'raterAccess': the status did change; show the round as it now is.
        if (e instanceof MaturityError && (e.code === 'conflict' || e.code === 'raterAccess')) reload();
      })
      .then(
        () => setBusy(false),
        () => setBusy(false)
      );
  };

  const nextLabel = next === 'scoren' ? strings.ToScoring : next === 'consensus' ? strings.ToConsensus : next === 'afgesloten' ? strings.ToClosed : '';
  const themeNames = roundThemes(round, data.themes).map((t) => t.title).join(', ');
  const role = facilitator && round.facilitator ? strings.RoleFacilitator : rater ? strings.RoleRater : strings.RoleReader;
  const sortedRounds = data.rounds.slice().sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || b.id - a.id);

  return (
    <div className={cn.root} data-round-id={round.id} data-status={round.status}>
      <header className={cn.header}>
        <div className={cn.headerRow}>
          <Dropdown
            label={strings.RoundLabel}
            selectedKey={round.id}
            options={sortedRounds.map((r) => ({ key: r.id, text: format(strings.RoundOption, r.title, statusText(r.status)) }))}
            onChange={(_e, o) => {
              if (!o) return;
              setRoundId(Number(o.key));
              setView(undefined);
              setProblems([]);
              setNotice(undefined);
              load(Number(o.key));
            }}
            styles={{ root: { minWidth: 260 } }}
          />
          <DefaultButton text={strings.Refresh} onClick={() => refresh(round.id)} disabled={refreshing} allowDisabledFocus />
          {perms.canEdit && (
            <>
              <DefaultButton
                text={strings.EditRound}
                ariaLabel={`${strings.EditRound} (${strings.OpensInNewWindow})`}
                href={safeUrl(listFormUrl(repository.siteUrl, 'maturityRounds', 'EditForm', round.id))}
                onClick={(e) => {
                  e.preventDefault();
                  openForm(listFormUrl(repository.siteUrl, 'maturityRounds', 'EditForm', round.id));
                }}
                disabled={round.status === 'afgesloten'}
              />
              <DefaultButton
                text={strings.NewRound}
                ariaLabel={`${strings.NewRound} (${strings.OpensInNewWindow})`}
                href={safeUrl(listFormUrl(repository.siteUrl, 'maturityRounds', 'NewForm'))}
                onClick={(e) => {
                  e.preventDefault();
                  openForm(listFormUrl(repository.siteUrl, 'maturityRounds', 'NewForm'));
                }}
              />
            </>
          )}
        </div>
        <StatusSteps status={round.status} cn={cn} />
        <p className={cn.meta}>
          {format(strings.ScaleText, round.scaleMin, round.scaleMax)} · {format(strings.ThemesInRound, themeNames || '–')}
        </p>
        <p className={cn.meta}>
          {format(strings.RatersInRound, round.raters.length ? round.raters.map((r) => r.title).join(', ') : strings.NoRaters)} ·{' '}
          {round.facilitator ? format(strings.FacilitatorText, round.facilitator.title) : strings.NoFacilitator}
        </p>
        <p className={cn.meta} data-testid="my-role">
          {format(strings.YouAre, `${me.title} — ${role}`)}
        </p>
        {facilitator && next && (
          <div className={cn.toolbar}>
            <PrimaryButton text={nextLabel} disabled={busy} onClick={() => (next === 'afgesloten' ? setConfirmClose(true) : move(next))} />
          </div>
        )}
        <div className={cn.messages} role="status" aria-live="polite">
          {notice && <MessageBar messageBarType={notice.ok ? MessageBarType.success : MessageBarType.error}>{notice.text}</MessageBar>}
          {problems.map((p, i) => (
            <MessageBar key={i} messageBarType={MessageBarType.warning} isMultiline={true}>
              {p}
            </MessageBar>
          ))}
          {round.status === 'afgesloten' && <MessageBar>{strings.ClosedNote}</MessageBar>}
          {orphans.length > 0 && <MessageBar messageBarType={MessageBarType.warning}>{format(strings.OrphanNote, orphans.length)}</MessageBar>}
          {(facilitator || seesAll) && breaches.length > 0 && (
            <MessageBar messageBarType={MessageBarType.severeWarning} isMultiline={true}>
              <span data-testid="breaches">{format(strings.BreachNote, breaches.length, breaches.map((b) => b.id).join(', '))}</span>
            </MessageBar>
          )}
          {!seesAll && current === 'consensus' && <MessageBar>{strings.ConsensusOwnOnly}</MessageBar>}
        </div>
      </header>
      <Pivot
        aria-label={strings.ViewsLabel}
        selectedKey={current}
        onLinkClick={(item) => item && item.props.itemKey && setView(item.props.itemKey as MaturityView)}
        headersOnly={true}
      >
        <PivotItem headerText={strings.TabScoring} itemKey="scoring" />
        <PivotItem headerText={strings.TabConsensus} itemKey="consensus" />
        <PivotItem headerText={strings.TabResults} itemKey="results" />
      </Pivot>
      <div role="tabpanel" aria-label={current === 'scoring' ? strings.TabScoring : current === 'consensus' ? strings.TabConsensus : strings.TabResults} style={{ paddingTop: 8 }}>
        {current === 'scoring' && (
          <ScoringView
            repository={repository}
            round={round}
            units={units}
            scores={data.scores}
            meId={me.id}
            isRater={rater}
            progress={progress}
            ownProgressOnly={!seesAll}
            cn={cn}
            onSaved={onScoreSaved}
            onConflict={reload}
          />
        )}
        {current === 'consensus' && (
          <ConsensusView
            repository={repository}
            round={round}
            rows={consensusOverview(round, units, data.scores, data.consensus)}
            themes={data.themes}
            domains={data.domains}
            canRecord={facilitator}
            cn={cn}
            onSaved={onConsensusSaved}
            onConflict={reload}
          />
        )}
        {current === 'results' && <ResultsView results={roundResults(round, data)} cn={cn} locale={strings.NumberLocale} />}
      </div>
      <Dialog
        hidden={!confirmClose}
        onDismiss={() => setConfirmClose(false)}
        dialogContentProps={{ type: DialogType.normal, title: strings.ConfirmCloseTitle, subText: strings.ConfirmClose, closeButtonAriaLabel: strings.Close }}
      >
        <DialogFooter>
          <PrimaryButton
            text={strings.ToClosed}
            onClick={() => {
              setConfirmClose(false);
              move('afgesloten');
            }}
          />
          <DefaultButton text={strings.Cancel} onClick={() => setConfirmClose(false)} />
        </DialogFooter>
      </Dialog>
    </div>
  );
}

/** Maturiteitsinschatting: rounds of the self-assessment, individual scoring, consensus and results. */
export function Maturity(props: IMaturityProps): JSX.Element {
  return (
    <ThemeProvider theme={props.theme}>
      <MaturityInner {...props} />
    </ThemeProvider>
  );
}
