import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Pivot, PivotItem } from '@fluentui/react/lib/Pivot';
import { ITheme } from '@fluentui/react/lib/Styling';
import { ThemeProvider, useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'MaturityWebPartStrings';
import { format } from '../../../components/format';
import { EmptyView, ErrorView, LoadingView } from '../../../components/StatusView';
import { IMaturityRepository, IMaturityScreen } from '../../../data/IMaturityRepository';
import { httpStatusOf, isServerBusy } from '../../../data/errors';
import { changeRoundStatus } from '../../../app/maturity/roundStatus';
import {
  consensusOverview, IConsensus, IMaturityBreach, IMaturityData, IMaturityRound, IMaturityScore, isFacilitator, isFrozen, isRater, IScoringUnit, orphanScores, raterProgress, roundResults,
  roundThemes, ROUND_STAGES, ROUND_STATUSES, RoundStatus, RoundView, transitionSummary, unitsOfRound
} from '../../../model/maturity';
import { listFormUrl, safeUrl } from '../../../model/links';
import { ConsensusView } from './Consensus';
import { ResultsView } from './Results';
import { ScoringView } from './Scoring';
import { LeaveDialog, StageButtons } from './StageChange';
import { getClassNames, MaturityClassNames } from './styles';
import { problemText, statusText } from './texts';
import { IMaturityScreenState, LoadState, useMaturityScreen } from './useMaturityScreen';
import { IWrite, IWriteMessage, useWrite } from './useWrite';

export type MaturityView = RoundView;

export interface IMaturityProps {
  repository: IMaturityRepository;
  theme?: ITheme;
  isTeams: boolean;
  /** Deep link `?round=<id>`: open this round. */
  initialRoundId?: number;
  /** Host override for list forms; default window.open(url, '_blank'). */
  openForm?: (url: string) => void;
}

/** Placeholder for the write hook before a round is on screen (never written). */
const EMPTY_ROUND: IMaturityRound = { id: 0, title: '', themeIds: [], status: 'voorbereiding', scaleMin: 1, scaleMax: 5, levelLabels: [], raters: [] };

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

interface IRoundHeaderProps {
  round: IMaturityRound;
  screen: IMaturityScreen;
  siteUrl: string;
  canEdit: boolean;
  refreshing: boolean;
  cn: MaturityClassNames;
  role: string;
  onRound: (id: number) => void;
  onRefresh: () => void;
  openForm: (url: string, newRound: boolean) => void;
}

/** The round's choice, its links and what it is: stage, scale, themes, raters, the user's role. */
function RoundHeader(props: IRoundHeaderProps): JSX.Element {
  const { round, cn } = props;
  const { data, me } = props.screen;
  const sortedRounds = data.rounds.slice().sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || b.id - a.id);
  const themeNames = roundThemes(round, data.themes).map((t) => t.title).join(', ');
  const formLink = (text: string, url: string, newRound: boolean, disabled?: boolean): JSX.Element => (
    <DefaultButton
      text={text}
      ariaLabel={`${text} (${strings.OpensInNewWindow})`}
      href={safeUrl(url)}
      onClick={(e) => {
        e.preventDefault();
        props.openForm(url, newRound);
      }}
      disabled={disabled}
    />
  );
  return (
    <>
      <div className={cn.headerRow}>
        <Dropdown
          label={strings.RoundLabel}
          selectedKey={round.id}
          options={sortedRounds.map((r) => ({ key: r.id, text: format(strings.RoundOption, r.title, statusText(r.status)) }))}
          onChange={(_e, o) => o && props.onRound(Number(o.key))}
          styles={{ root: { minWidth: 'min(260px, 100%)' } }}
        />
        <DefaultButton text={strings.Refresh} onClick={props.onRefresh} disabled={props.refreshing} allowDisabledFocus />
        {props.canEdit && formLink(strings.EditRound, listFormUrl(props.siteUrl, 'maturityRounds', 'EditForm', round.id), false, isFrozen(round))}
        {props.canEdit && formLink(strings.NewRound, listFormUrl(props.siteUrl, 'maturityRounds', 'NewForm'), true)}
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
        {format(strings.YouAre, `${me.title} — ${props.role}`)}
      </p>
    </>
  );
}

interface IRoundMessagesProps {
  round: IMaturityRound;
  notice: IWriteMessage | undefined;
  problems: string[];
  orphans: number;
  breaches: IMaturityBreach[];
  showBreaches: boolean;
  ownOnlyInConsensus: boolean;
  cn: MaturityClassNames;
}

function RoundMessages(props: IRoundMessagesProps): JSX.Element {
  const { breaches } = props;
  return (
    <div className={props.cn.messages} role="status" aria-live="polite">
      {props.notice && <MessageBar messageBarType={props.notice.ok ? MessageBarType.success : MessageBarType.error}>{props.notice.text}</MessageBar>}
      {props.problems.map((p, i) => (
        <MessageBar key={i} messageBarType={MessageBarType.warning} isMultiline={true}>
          {p}
        </MessageBar>
      ))}
      {isFrozen(props.round) && <MessageBar>{strings.ClosedNote}</MessageBar>}
      {props.orphans > 0 && <MessageBar messageBarType={MessageBarType.warning}>{format(strings.OrphanNote, props.orphans)}</MessageBar>}
      {props.showBreaches && breaches.length > 0 && (
        <MessageBar messageBarType={MessageBarType.severeWarning} isMultiline={true}>
          <span data-testid="breaches">{format(strings.BreachNote, breaches.length, breaches.map((b) => b.id).join(', '))}</span>
        </MessageBar>
      )}
      {props.ownOnlyInConsensus && <MessageBar>{strings.ConsensusOwnOnly}</MessageBar>}
    </div>
  );
}

/** Unsaved scores: an action that would leave them asks first. */
function useLeaveGuard(): { setDirty: (d: boolean) => void; guard: (go: () => void) => void; dialog: JSX.Element } {
  const [dirty, setDirty] = React.useState(false);
  const [pending, setPending] = React.useState<(() => void) | undefined>(undefined);
  const guard = (go: () => void): void => {
    if (dirty) setPending(() => go);
    else go();
  };
  const dialog = (
    <LeaveDialog
      pending={pending !== undefined}
      onStay={() => setPending(undefined)}
      onLeave={() => {
        const go = pending;
        setPending(undefined);
        setDirty(false);
        if (go) go();
      }}
    />
  );
  return { setDirty, guard, dialog };
}

interface IRoundViewsProps {
  current: MaturityView;
  onView: (view: MaturityView) => void;
  repository: IMaturityRepository;
  round: IMaturityRound;
  screen: IMaturityScreen;
  units: IScoringUnit[];
  rater: boolean;
  facilitator: boolean;
  cn: MaturityClassNames;
  onScoreSaved: (s: IMaturityScore) => void;
  onConsensusSaved: (c: IConsensus) => void;
  onConflict: () => void;
  onDirtyChange: (dirty: boolean) => void;
}

/** The three views of a round (scoring, consensus, results) as tabs. */
function RoundViews(props: IRoundViewsProps): JSX.Element {
  const { current, round, units, cn } = props;
  const { data, me } = props.screen;
  // Item-level security: who does not see every rater's scores (all but the facilitators and owners) sees only their own progress.
  const seesAll = props.screen.seesAllScores !== false;
  const progress = raterProgress(round, units, data.scores).filter((p) => seesAll || p.rater.id === me.id);
  return (
    <>
      <Pivot
        aria-label={strings.ViewsLabel}
        selectedKey={current}
        onLinkClick={(item) => item && item.props.itemKey && props.onView(item.props.itemKey as MaturityView)}
        headersOnly={true}
      >
        <PivotItem headerText={strings.TabScoring} itemKey="scoring" />
        <PivotItem headerText={strings.TabConsensus} itemKey="consensus" />
        <PivotItem headerText={strings.TabResults} itemKey="results" />
      </Pivot>
      <div role="tabpanel" aria-label={current === 'scoring' ? strings.TabScoring : current === 'consensus' ? strings.TabConsensus : strings.TabResults} style={{ paddingTop: 8 }}>
        {current === 'scoring' && (
          <ScoringView
            repository={props.repository}
            round={round}
            units={units}
            scores={data.scores}
            meId={me.id}
            isRater={props.rater}
            progress={progress}
            ownProgressOnly={!seesAll}
            cn={cn}
            onSaved={props.onScoreSaved}
            onConflict={props.onConflict}
            onDirtyChange={props.onDirtyChange}
          />
        )}
        {current === 'consensus' && (
          <ConsensusView
            repository={props.repository}
            round={round}
            rows={consensusOverview(round, units, data.scores, data.consensus)}
            themes={data.themes}
            domains={data.domains}
            objectives={data.objectives}
            consensus={data.consensus}
            canRecord={props.facilitator}
            cn={cn}
            onSaved={props.onConsensusSaved}
            onConflict={props.onConflict}
          />
        )}
        {current === 'results' && <ResultsView results={roundResults(round, data)} cn={cn} locale={strings.NumberLocale} />}
      </div>
    </>
  );
}

/** Loading, a read that failed (with retry), or no round yet (editors may make one). */
function NotReady(props: { state: LoadState; canEdit: boolean; onRetry: () => void; onNewRound: () => void }): JSX.Element {
  const { state } = props;
  if (state.kind === 'loading') return <LoadingView label={strings.Loading} blocks={3} />;
  if (state.kind === 'error') {
    const missing = httpStatusOf(state.error) === 404;
    return (
      <ErrorView
        message={missing ? strings.ListsMissing : isServerBusy(state.error) ? strings.LoadErrorBusy : strings.LoadError}
        retryLabel={strings.Retry}
        onRetry={props.onRetry}
        detailsLabel={strings.TechnicalDetails}
        error={state.error}
      />
    );
  }
  return (
    <EmptyView
      title={strings.EmptyTitle}
      message={props.canEdit ? strings.EmptyEditor : strings.EmptyReader}
      actionLabel={props.canEdit ? strings.NewRound : undefined}
      onAction={props.canEdit ? props.onNewRound : undefined}
    />
  );
}

interface IMoveContext {
  write: IWrite;
  screenState: IMaturityScreenState;
  setProblems: (p: string[]) => void;
  setView: (v: MaturityView | undefined) => void;
  leave: { setDirty: (d: boolean) => void };
}

/** The facilitator's stage change on screen: problems listed, else the round shown in its new stage (or the read error). */
function moveTo(repository: IMaturityRepository, data: IMaturityData, round: IMaturityRound, to: RoundStatus, ctx: IMoveContext): void {
  ctx.setProblems([]);
  ctx.write
    .run(
      () => changeRoundStatus(repository, data, round, to),
      (change) => {
        if (change.kind === 'blocked') {
          ctx.setProblems(change.problems.map((p) => problemText(p, change.missing)));
          return undefined;
        }
        // The change stands; without its reread the error view's retry reads the round in its new stage.
        ctx.setView(undefined);
        if (change.kind === 'changedUnread') {
          ctx.screenState.fail(change.error);
          return undefined;
        }
        ctx.screenState.show(change.screen, change.round.id);
        ctx.leave.setDirty(false);
        return format(strings.StatusChanged, statusText(to));
      }
    )
    .catch(() => undefined);
}

function MaturityInner(props: IMaturityProps): JSX.Element {
  const theme = useTheme();
  const cn = React.useMemo(() => getClassNames(theme), [theme]);
  const { repository } = props;
  const screenState = useMaturityScreen(repository, props.initialRoundId);
  const { state, perms } = screenState;
  const [view, setView] = React.useState<MaturityView | undefined>(undefined);
  const [problems, setProblems] = React.useState<string[]>([]);
  const leave = useLeaveGuard();
  const round = state.kind === 'ready' ? state.screen.data.rounds.filter((r) => r.id === screenState.roundId)[0] : undefined;
  const reload = (): void => screenState.load(screenState.roundId, true);
  const write = useWrite(round || EMPTY_ROUND, reload, ['conflict', 'raterAccess']);
  const awaitingNewRound = useNewRoundWatch(screenState.refreshForNewRound);

  const openForm = (url: string, newRound: boolean): void => {
    const safe = safeUrl(url);
    if (!safe) return;
    if (newRound) awaitingNewRound();
    if (props.openForm) props.openForm(safe);
    else window.open(safe, '_blank', 'noopener');
  };

  if (state.kind !== 'ready' || !round) {
    return (
      <NotReady
        state={state}
        canEdit={perms.canEdit}
        onRetry={() => screenState.load(screenState.roundId)}
        onNewRound={() => openForm(listFormUrl(repository.siteUrl, 'maturityRounds', 'NewForm'), true)}
      />
    );
  }
  const screen = state.screen;
  const { data, me } = screen;
  const units: IScoringUnit[] = unitsOfRound(round, data.themes, data.objectives);
  const seesAll = screen.seesAllScores !== false;
  const rater = isRater(round, me.id);
  const facilitator = isFacilitator(round, me.id, perms.canEdit);
  const current: MaturityView = view || ROUND_STAGES[round.status].view;
  const move = (to: RoundStatus): void => moveTo(repository, data, round, to, { write, screenState, setProblems, setView, leave });
  const selectRound = (id: number): void =>
    leave.guard(() => {
      setView(undefined);
      setProblems([]);
      write.setMessage(undefined);
      screenState.load(id);
    });

  return (
    <div className={cn.root} data-round-id={round.id} data-status={round.status}>
      <header className={cn.header}>
        <RoundHeader
          round={round}
          screen={screen}
          siteUrl={repository.siteUrl}
          canEdit={perms.canEdit}
          refreshing={screenState.refreshing}
          cn={cn}
          role={facilitator && round.facilitator ? strings.RoleFacilitator : rater ? strings.RoleRater : strings.RoleReader}
          onRound={selectRound}
          onRefresh={() => screenState.refresh(round.id, () => write.setMessage({ ok: false, text: strings.RefreshError }))}
          openForm={openForm}
        />
        {facilitator && (
          <StageButtons round={round} summary={transitionSummary(round, units, data.scores, data.consensus)} busy={write.busy} cn={cn} guard={leave.guard} onMove={move} />
        )}
        <RoundMessages
          round={round}
          notice={write.message}
          problems={problems}
          orphans={orphanScores(round.id, data.scores, units).length}
          breaches={(data.breaches || []).filter((b) => b.roundId === round.id)}
          showBreaches={facilitator || seesAll}
          ownOnlyInConsensus={!seesAll && current === 'consensus'}
          cn={cn}
        />
      </header>
      <RoundViews
        current={current}
        onView={(v) => leave.guard(() => setView(v))}
        repository={repository}
        round={round}
        screen={screen}
        units={units}
        rater={rater}
        facilitator={facilitator}
        cn={cn}
        onScoreSaved={screenState.scoreSaved}
        onConsensusSaved={screenState.consensusSaved}
        onConflict={reload}
        onDirtyChange={leave.setDirty}
      />
      {leave.dialog}
    </div>
  );
}

/**
 * "Nieuwe ronde" opens the list form elsewhere: when the user comes back to this window, the page reads again and
 * opens the round made meanwhile, without "Vernieuwen". Returns the function that starts watching.
 */
function useNewRoundWatch(onBack: () => void): () => void {
  const [watching, setWatching] = React.useState(false);
  const latest = React.useRef(onBack);
  latest.current = onBack;
  React.useEffect(() => {
    if (!watching) return undefined;
    const back = (): void => {
      if (document.visibilityState === 'hidden') return;
      latest.current();
    };
    window.addEventListener('focus', back);
    document.addEventListener('visibilitychange', back);
    return () => {
      window.removeEventListener('focus', back);
      document.removeEventListener('visibilitychange', back);
    };
  }, [watching]);
  return () => setWatching(true);
}

/** Maturiteitsinschatting: rounds of the self-assessment, individual scoring, consensus and results. */
export function Maturity(props: IMaturityProps): JSX.Element {
  return (
    <ThemeProvider theme={props.theme}>
      <MaturityInner {...props} />
    </ThemeProvider>
  );
}
