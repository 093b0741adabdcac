import * as React from 'react';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Toggle } from '@fluentui/react/lib/Toggle';
import { ITheme } from '@fluentui/react/lib/Styling';
import { ThemeProvider, useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'DomainCardsWebPartStrings';
import { format } from '../../../components/format';
import { EmptyView, ErrorView, LoadingView } from '../../../components/StatusView';
import { useFormOpener } from '../../../components/useFormOpener';
import { IOrgRepository } from '../../../data/IOrgRepository';
import { isServerBusy } from '../../../data/errors';
import { listFormUrl, listViewUrl } from '../../../model/links';
import { buildReport } from '../../../model/report';
import { deadlinesByDomain } from '../../../model/audits';
import { IAction, IDomain, IDomainReport, IReport, IReportData } from '../../../model/types';
import { idsWithoutTitle } from '../../../model/yearView';
import { CardsExport } from './CardsExport';
import { DomainNav, FilterBar, Toolbar } from './CardsToolbar';
import { DetailPanel } from './DetailPanel';
import { RiskHeatMapSection } from './HeatMap';
import { DomainCard, ISelection } from './DomainCard';
import { filterDomainReport, filtersActive, IFilters, itemCount, NO_FILTERS } from './filters';
import { anchorFor, focusCard, focusSoon, itemOrCard } from './focus';
import { RealiseDialogs } from './RealiseDialogs';
import { getClassNames, IDomainCardsClassNames } from './styles';
import { ICardsYear, IFinalView, useCardsYear, useFinalView } from './useCardsYear';
import { INotice, IRealiseFlow, useRealise } from './useRealise';
import { ActionProgress, CardOwnerTools } from './ActionProgress';
import { IProgressState, useProgressReports } from '../../../components/ProgressParts';
import { IProgressService } from '../../../data/progressService';
import { IOwnerAssignment } from '../../../data/ownerAssignment';

/** What the report buttons need to know about the view. */
export interface IReportActionsContext {
  reportYear: number;
  canEdit: boolean;
  /** May add to the Rapporten library (its own permissions): "Definitief maken". */
  canFinalise: boolean;
  /** Set when the year shown is the decided reporting year: "Start rapportjaar <Y+1>" then reloads on it. */
  onStartNextYear?: (year: number) => void;
}

export interface IDomainCardsProps {
  repository: IOrgRepository;
  /** From the property pane; undefined/0 -> defaultReportYear. */
  reportYear?: number;
  /** Single-domain mode (a Teams channel pins one domain): a domain key or id. */
  domainKey?: string;
  showDescriptions: boolean;
  /** Fluent theme from the host (SharePoint section / Teams default, dark, contrast). */
  theme?: ITheme;
  isTeams: boolean;
  /** Deep link: scroll to and focus this domain's card. */
  initialDomainKey?: string;
  /** Host override; default window.open(url, '_blank'). The data reloads when the page regains focus. */
  openForm?: (url: string) => void;
  /** Teams only: share a deep link to a domain in this tab (teams-js builds it). */
  shareDomain?: (domainKey: string, label: string) => void;
  /** Injectable for tests. */
  today?: Date;
  /** Slot for the report buttons. */
  reportActions?: React.ReactNode;
  /** Alternative to reportActions when the buttons need the year on screen. */
  renderReportActions?: (context: IReportActionsContext) => React.ReactNode;
  /** The Auditopvolging page or tab: a risk's audit opens there. */
  auditsUrl?: string;
  /** Progress reports: "Voortgang melden" in an owner's action panel, the control team's review. Absent: not shown. */
  progress?: IProgressService;
  /** Control team: "Eigenaar en deadline toewijzen" per domain. Absent: not shown. */
  owners?: IOwnerAssignment;
}

function matchesDomain(d: IDomain, key: string): boolean {
  const k = key.trim().toLowerCase();
  return (!!d.key && d.key.toLowerCase() === k) || String(d.id) === k;
}

/** The first year the lists hold: "vóór <year>" for items without a year. */
function firstDataYear(data: IReportData, fallback: number): number {
  let first = fallback;
  for (const a of data.actions) {
    if (a.realisedYear !== undefined && a.realisedYear < first) first = a.realisedYear;
    if (a.plannedYear !== undefined && a.plannedYear < first) first = a.plannedYear;
  }
  return first;
}

function NoticeBar(props: { notice: INotice; onDismiss: () => void }): JSX.Element {
  const { notice } = props;
  return (
    <MessageBar
      messageBarType={notice.kind === 'success' ? MessageBarType.success : notice.kind === 'conflict' ? MessageBarType.warning : MessageBarType.error}
      isMultiline={true}
      onDismiss={props.onDismiss}
      dismissButtonAriaLabel={strings.Dismiss}
    >
      {notice.text}
    </MessageBar>
  );
}

interface IShownDomains {
  report: IReport | undefined;
  /** A Teams channel pins one domain. */
  single: boolean;
  /** The domains of the page (all, or the pinned one), unfiltered. */
  domainReports: IDomainReport[];
  /** Filters are on. */
  active: boolean;
  shown: Array<{ full: IDomainReport; filtered: IDomainReport }>;
  resultCount: number;
}

/** The report of the year, narrowed to the pinned domain and the filters. */
function useShownDomains(data: IReportData | undefined, year: number, domainKey: string | undefined, filters: IFilters): IShownDomains {
  const report = React.useMemo(() => (data ? buildReport(data, year) : undefined), [data, year]);
  const single = !!domainKey && !!domainKey.trim();
  const domainReports: IDomainReport[] = React.useMemo(() => {
    if (!report) return [];
    return single ? report.domains.filter((d) => matchesDomain(d.domain, domainKey as string)) : report.domains;
  }, [report, single, domainKey]);
  const active = filtersActive(filters);
  const shown = React.useMemo(
    () =>
      domainReports
        .map((full) => ({ full, filtered: filterDomainReport(full, filters) }))
        .filter((x) => !active || itemCount(x.filtered) > 0),
    [domainReports, filters, active]
  );
  const resultCount = shown.reduce((n, x) => n + itemCount(x.filtered), 0);
  return { report, single, domainReports, active, shown, resultCount };
}

/** Older items were read only to be counted: their titles load when a toggle opens, and once a filter is on (filters search them too). */
function useTitleLoader(reader: IOrgRepository, addActions: (a: IAction[]) => void, active: boolean, domainReports: IDomainReport[]): (ids: number[]) => Promise<void> {
  const loadTitles = React.useCallback((ids: number[]): Promise<void> => reader.loadActionTitles(ids).then(addActions), [reader, addActions]);
  const olderWithoutTitle = React.useMemo(
    () => (active ? idsWithoutTitle(([] as IAction[]).concat(...domainReports.map((d) => d.realisationsOlder.concat(d.planningOlder)))) : []),
    [active, domainReports]
  );
  React.useEffect(() => {
    if (olderWithoutTitle.length > 0) loadTitles(olderWithoutTitle).catch(() => undefined);
  }, [olderWithoutTitle, loadTitles]);
  return loadTitles;
}

/** After a change: the item on the card the user worked in (or that card's heading). */
function itemOnCard(data: IReportData | undefined, domainId: number | undefined, actionId: number): HTMLElement | undefined {
  const d = data && data.domains.filter((x) => x.id === domainId)[0];
  return d ? itemOrCard(anchorFor(d), actionId) : undefined;
}

/** Deep link: once the cards are there, bring the requested one into view. */
function useInitialFocus(domainReports: IDomainReport[], initialDomainKey: string | undefined): void {
  const focusedInitial = React.useRef(false);
  React.useEffect(() => {
    if (focusedInitial.current || domainReports.length === 0 || !initialDomainKey) return;
    const target = domainReports.filter((d) => matchesDomain(d.domain, initialDomainKey))[0];
    if (!target) return;
    focusedInitial.current = true;
    focusCard(anchorFor(target.domain));
  }, [domainReports, initialDomainKey]);
}

interface IBodyProps {
  props: IDomainCardsProps;
  cn: IDomainCardsClassNames;
  y: ICardsYear;
  shownDomains: IShownDomains;
  openForm: (url: string) => void;
  onRetry: () => void;
  cards: () => JSX.Element;
}

/** Loading, failed, empty, the pinned domain missing, or the cards. */
function CardsBody(b: IBodyProps): JSX.Element {
  const { y, cn, shownDomains, props } = b;
  const { report, single, domainReports } = shownDomains;
  const canEdit = y.permissions.canEdit;
  if (!y.data) {
    return y.loading || !y.error ? (
      <LoadingView label={strings.Loading} blocks={single ? 1 : 3} lines={6} />
    ) : (
      <ErrorView message={isServerBusy(y.error) ? strings.LoadErrorBusy : strings.LoadError} retryLabel={strings.Retry} onRetry={b.onRetry} detailsLabel={strings.TechnicalDetails} error={y.error} />
    );
  }
  if (report && report.domains.length === 0) {
    const message = y.permissions.canManageLists ? strings.EmptyOwner : canEdit ? strings.EmptyEditor : strings.EmptyReader;
    return (
      <EmptyView
        title={strings.EmptyTitle}
        message={message}
        actionLabel={canEdit ? strings.OpenDomainsList : undefined}
        onAction={canEdit ? () => b.openForm(listViewUrl(props.repository.siteUrl, 'domains')) : undefined}
      />
    );
  }
  if (single && domainReports.length === 0) {
    return <MessageBar messageBarType={MessageBarType.warning}>{format(strings.DomainNotFound, props.domainKey as string)}</MessageBar>;
  }
  return <div className={cn.cards}>{b.cards()}</div>;
}

/** Year picker, refresh, report buttons, the final report toggle, filters with their count, the domain navigation. */
function CardsHeader(props: {
  cn: IDomainCardsClassNames;
  y: ICardsYear;
  data: IReportData;
  shownDomains: IShownDomains;
  filters: IFilters;
  onFilters: (f: IFilters) => void;
  final: IFinalView;
  reportActions: React.ReactNode;
}): JSX.Element {
  const { cn, y, data, final, filters } = props;
  const { report, single, domainReports, active, shown, resultCount } = props.shownDomains;
  const year = y.year;
  return (
    <div className={cn.toolbar}>
      <Toolbar cn={cn} year={y.shownYear} years={y.years} onYear={y.pick} refreshing={y.refreshing} onRefresh={y.reload} reportActions={props.reportActions} />
      {final.hasSnapshot && (
        <Toggle label={format(strings.ShowFinalReport, year)} inlineLabel={true} checked={final.showFinal} onChange={(_e, checked) => final.setShowFinal(!!checked)} data-testid="show-final-report" />
      )}
      {report && report.domains.length > 0 && <FilterBar cn={cn} data={data} filters={filters} onChange={props.onFilters} userId={y.view && y.view.currentUser ? y.view.currentUser.id : undefined} />}
      <div className={cn.liveRegion} aria-live="polite" role="status" data-testid="filter-results">
        {active ? (single ? format(strings.FilterResultsOne, resultCount) : format(strings.FilterResults, resultCount, shown.length)) : ''}
      </div>
      {!single && !active && domainReports.length > 1 && <DomainNav cn={cn} domains={domainReports} />}
    </div>
  );
}

/** The detail panel of the item opened on a card; "Doorschuiven" remembers that card. */
function CardsPanel(p: {
  props: IDomainCardsProps;
  y: ICardsYear;
  data: IReportData;
  cn: IDomainCardsClassNames;
  selection: { sel: ISelection; domainId: number } | undefined;
  onClose: () => void;
  openForm: (url: string) => void;
  flow: IRealiseFlow;
  today: Date;
  progress: IProgressState | undefined;
  loadTitles: (ids: number[]) => Promise<void>;
}): JSX.Element {
  const { props, y, data, selection, progress } = p;
  const { repository } = props;
  const { year, permissions } = y;
  const canEdit = permissions.canEdit;
  return (
    <DetailPanel
      selection={selection ? selection.sel : undefined}
      data={data}
      year={year}
      firstDataYear={firstDataYear(data, year)}
      showDescriptions={props.showDescriptions}
      canEdit={canEdit}
      siteUrl={repository.siteUrl}
      classNames={p.cn}
      onDismiss={p.onClose}
      loadActionDetails={(id) => repository.loadActionDetails(id)}
      loadRiskDetails={(id) => repository.loadRiskDetails(id)}
      onLoadTitles={p.loadTitles}
      onActionDetails={(a) => y.addActions([a])}
      onRiskDetails={y.addRisk}
      openForm={p.openForm}
      onRealise={canEdit ? (a) => p.flow.ask(a, selection ? selection.domainId : undefined) : undefined}
      auditsUrl={props.auditsUrl}
      today={p.today}
      listIds={permissions.listIds}
      renderActionExtras={
        progress
          ? (a) => <ActionProgress progress={progress} action={a} data={data} userId={y.view && y.view.currentUser ? y.view.currentUser.id : undefined} canReview={canEdit} onChanged={y.reloadKeepingYear} />
          : undefined
      }
    />
  );
}

function DomainCardsView(props: IDomainCardsProps): JSX.Element {
  const { repository } = props;
  const theme = useTheme();
  const cn = React.useMemo(() => getClassNames(theme), [theme]);
  const today = React.useMemo(() => props.today || new Date(), [props.today]);
  // One round trip: the year's card rows, counts, rights, stored reports and the current user.
  const y = useCardsYear(repository, props.reportYear, today);
  const { data, year, permissions, reload, addActions } = y;
  const canEdit = permissions.canEdit;
  // Progress reports are read only for whom they matter: the control team, and owners of an action on the cards.
  // (An action read only to be counted has no owner yet: once its panel or its toggle reads it, it counts.)
  const me = y.view && y.view.currentUser ? y.view.currentUser.id : undefined;
  const ownsAny = !!data && me !== undefined && data.actions.some((a) => !!a.owner && a.owner.id === me);
  const progress = useProgressReports(canEdit || ownsAny ? props.progress : undefined);
  const final = useFinalView(repository, data, y.storedReports, year);
  const [filters, setFilters] = React.useState<IFilters>(NO_FILTERS);
  const [selection, setSelection] = React.useState<{ sel: ISelection; domainId: number } | undefined>(undefined);
  const openForm = useFormOpener(reload, props.openForm);
  const shownDomains = useShownDomains(data, year, props.domainKey, filters);
  const { report, domainReports, active, shown } = shownDomains;
  const loadTitles = useTitleLoader(repository, addActions, active, domainReports);
  useInitialFocus(report ? report.domains : [], props.initialDomainKey);
  const bodyRef = React.useRef<HTMLDivElement>(null);
  const flow = useRealise({
    writer: repository,
    data,
    year,
    addActions,
    afterChange: y.reloadKeepingYear,
    closePanel: () => setSelection(undefined),
    focusItem: (domainId, actionId) => focusSoon(() => itemOnCard(data, domainId, actionId) || bodyRef.current || undefined)
  });
  const { notice } = flow;
  // Retrying replaces the message that held the button: focus the cards' region, not the page top.
  const retry = (): void => {
    reload();
    focusSoon(() => bodyRef.current || undefined);
  };
  const deadlines = React.useMemo(() => (data ? deadlinesByDomain(data, today) : {}), [data, today]);
  const share = props.shareDomain;
  // On the card the user worked in while it is shown; else at the top.
  const cardNotice = notice && shown.some((x) => x.full.domain.id === notice.domainId) ? notice : undefined;
  const topNotice = notice && !cardNotice ? notice : undefined;
  const cards = (): JSX.Element => (
    <>
      {shown.length === 0 && <p className={cn.nothing}>{strings.NoResults}</p>}
      {shown.map(({ full, filtered }) => (
        <DomainCard
          key={full.domain.id}
          report={filtered}
          full={full}
          year={year}
          planningYear={year + 1}
          anchorId={anchorFor(full.domain)}
          classNames={cn}
          canEdit={canEdit}
          expandOlder={active}
          onOpen={(sel) => setSelection({ sel, domainId: full.domain.id })}
          onLoadTitles={loadTitles}
          onNewAction={() => openForm(listFormUrl(repository.siteUrl, 'actions', 'NewForm'))}
          onNewRisk={() => openForm(listFormUrl(repository.siteUrl, 'risks', 'NewForm'))}
          today={today}
          deadlines={deadlines[full.domain.id]}
          changed={final.changed}
          final={final.finalFor(full.domain.id)}
          notice={cardNotice && cardNotice.domainId === full.domain.id ? <NoticeBar notice={cardNotice} onDismiss={() => flow.setNotice(undefined)} /> : undefined}
          onShare={share ? () => share(full.domain.key || String(full.domain.id), full.domain.title) : undefined}
          headerActions={
            canEdit && data && (progress || props.owners) ? (
              <CardOwnerTools progress={progress} owners={props.owners} data={data} report={full} planningYear={year + 1} onLoadTitles={loadTitles} onChanged={y.reloadKeepingYear} />
            ) : undefined
          }
        />
      ))}
    </>
  );

  const reportActions = props.renderReportActions ? props.renderReportActions({ reportYear: year, canEdit, canFinalise: permissions.canFinalise, onStartNextYear: y.startNextYear }) : props.reportActions;
  return (
    <div className={cn.root} data-teams={props.isTeams ? 'true' : undefined}>
      {data && (
        <CardsHeader
          cn={cn}
          y={y}
          data={data}
          shownDomains={shownDomains}
          filters={filters}
          onFilters={setFilters}
          final={final}
          reportActions={
            <>
              {reportActions}
              {report && report.domains.length > 0 && <CardsExport repository={repository} shown={shown.map((x) => x.filtered)} domains={data.domains} year={year} today={today} data={data} />}
            </>
          }
        />
      )}
      {(topNotice || (data && y.error)) && (
        <div className={cn.messages}>
          {data && y.error && <ErrorView warning={true} message={strings.RefreshError} retryLabel={strings.Retry} onRetry={retry} detailsLabel={strings.TechnicalDetails} error={y.error} />}
          {topNotice && <NoticeBar notice={topNotice} onDismiss={() => flow.setNotice(undefined)} />}
        </div>
      )}
      {data && report && report.domains.length > 0 && (
        <RiskHeatMapSection shown={shown.map((x) => x.filtered)} riskSettings={data.riskSettings} actions={data.actions} onOpen={(sel) => setSelection({ sel, domainId: 0 })} />
      )}
      <div ref={bodyRef} tabIndex={-1} style={{ outline: 'none' }}>
        <CardsBody props={props} cn={cn} y={y} shownDomains={shownDomains} openForm={openForm} onRetry={retry} cards={cards} />
      </div>
      {data && <CardsPanel props={props} y={y} data={data} cn={cn} selection={selection} onClose={() => setSelection(undefined)} openForm={openForm} flow={flow} today={today} progress={progress} loadTitles={loadTitles} />}
      <RealiseDialogs flow={flow} year={year} />
    </div>
  );
}

/**
 * Domain cards: one card per active domain with the four quadrants of the council
 * report, a year picker, filters, details and edit links to the SharePoint list forms.
 */
export function DomainCards(props: IDomainCardsProps): JSX.Element {
  return (
    <ThemeProvider theme={props.theme}>
      <DomainCardsView {...props} />
    </ThemeProvider>
  );
}
