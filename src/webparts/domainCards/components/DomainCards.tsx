import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { Dropdown, IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { SearchBox } from '@fluentui/react/lib/SearchBox';
import { Toggle } from '@fluentui/react/lib/Toggle';
import { ITheme } from '@fluentui/react/lib/Styling';
import { ThemeProvider, useTheme } from '@fluentui/react/lib/Theme';
import * as strings from 'DomainCardsWebPartStrings';
import { format } from '../../../components/format';
import { EmptyView, ErrorView, LoadingView } from '../../../components/StatusView';
import { useYearView } from '../../../components/useYearView';
import { useFormOpener } from '../../../components/useFormOpener';
import { ConflictError, IOrgRepository, IPermissions, IStoredReport } from '../../../data/IOrgRepository';
import { isServerBusy } from '../../../data/errors';
import { changesAfterFinal, compareWithSnapshot, finalReportDate } from '../../../model/finalReport';
import { domainAnchorId, listFormUrl, listViewUrl } from '../../../model/links';
import { availableYears, buildReport, defaultReportYear, realisationYearFor } from '../../../model/report';
import { deadlinesByDomain, openRecommendationsAnsweredBy } from '../../../model/audits';
import { cardTitle } from '../../../model/text';
import { IAction, IDomain, IDomainReport, IRecommendation, IReportData } from '../../../model/types';
import { idsWithoutTitle } from '../../../model/yearView';
import { CardsExport } from './CardsExport';
import { RiskHeatMapSection } from './HeatMap';
import { DetailPanel, statusLabel } from './DetailPanel';
import { DomainCard, ISelection } from './DomainCard';
import { filterDomainReport, filterOptions, filtersActive, IFilters, itemCount, NO_FILTERS } from './filters';
import { getClassNames, IDomainCardsClassNames } from './styles';

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
}

const READER: IPermissions = { canEdit: false, canManageLists: false, canFinalise: false };

type Notice = { kind: 'success' | 'conflict' | 'error'; text: string };

function matchesDomain(d: IDomain, key: string): boolean {
  const k = key.trim().toLowerCase();
  return (!!d.key && d.key.toLowerCase() === k) || String(d.id) === k;
}

function anchorFor(d: IDomain): string {
  return domainAnchorId(d.key || String(d.id));
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

function focusCard(id: string): void {
  const section = document.getElementById(id);
  if (!section) return;
  if (typeof section.scrollIntoView === 'function') section.scrollIntoView({ block: 'start' });
  const heading = section.querySelector('h2') as HTMLElement | null;
  if (heading) heading.focus();
}

interface ISnapshotState {
  year: number;
  data?: IReportData;
  loading: boolean;
  error: boolean;
}

/** The JSON snapshot of a final year, read only while it is asked for (the toggle is on). */
function useSnapshot(repository: IOrgRepository, year: number | undefined): ISnapshotState | undefined {
  const [state, setState] = React.useState<ISnapshotState | undefined>(undefined);
  React.useEffect(() => {
    if (year === undefined) {
      setState(undefined);
      return undefined;
    }
    let live = true;
    setState({ year, loading: true, error: false });
    repository
      .getReportSnapshot(year)
      .then((d) => live && setState({ year, data: d, loading: false, error: !d }))
      .catch(() => live && setState({ year, loading: false, error: true }));
    return () => {
      live = false;
    };
  }, [repository, year]);
  return state;
}

function Toolbar(props: {
  cn: IDomainCardsClassNames;
  year: number;
  years: number[];
  onYear: (y: number) => void;
  refreshing: boolean;
  onRefresh: () => void;
  reportActions: React.ReactNode;
}): JSX.Element {
  const options: IDropdownOption[] = props.years.map((y) => ({ key: y, text: String(y) }));
  return (
    <div className={props.cn.toolbarRow}>
      <Dropdown
        className={props.cn.yearPicker}
        label={strings.YearLabel}
        options={options}
        selectedKey={props.year}
        onChange={(_e, o) => {
          if (o) props.onYear(Number(o.key));
        }}
      />
      <DefaultButton text={strings.Refresh} onClick={props.onRefresh} disabled={props.refreshing} allowDisabledFocus />
      <span className={props.cn.refreshing} role="status">
        {props.refreshing ? strings.Refreshing : ''}
      </span>
      {props.reportActions}
    </div>
  );
}

function FilterBar(props: {
  cn: IDomainCardsClassNames;
  data: IReportData;
  filters: IFilters;
  onChange: (f: IFilters) => void;
  userId: number | undefined;
}): JSX.Element {
  const { cn, filters, onChange } = props;
  const options = React.useMemo(() => filterOptions(props.data), [props.data]);
  const dropdown = (label: string, values: string[], value: string | undefined, set: (v: string | undefined) => void, text?: (v: string) => string): JSX.Element | undefined =>
    values.length === 0 ? undefined : (
      <Dropdown
        className={cn.filterDropdown}
        label={label}
        selectedKey={value || ''}
        options={[{ key: '', text: strings.AllOption }].concat(values.map((v) => ({ key: v, text: text ? text(v) : v })))}
        onChange={(_e, o) => set(o && o.key !== '' ? String(o.key) : undefined)}
      />
    );
  return (
    <div className={cn.filters} role="search" aria-label={strings.FiltersLabel}>
      <div className={cn.search}>
        <SearchBox
          ariaLabel={strings.SearchLabel}
          placeholder={strings.SearchPlaceholder}
          value={filters.text}
          onChange={(_e, v) => onChange({ ...filters, text: v || '' })}
          onClear={() => onChange({ ...filters, text: '' })}
          clearButtonProps={{ ariaLabel: strings.ClearSearch }}
        />
      </div>
      {dropdown(strings.OwnerFilter, options.owners, filters.owner, (v) => onChange({ ...filters, owner: v }))}
      {dropdown(strings.OrgFilter, options.orgs, filters.org, (v) => onChange({ ...filters, org: v }))}
      {dropdown(strings.StatusFilter, options.statuses, filters.status, (v) => onChange({ ...filters, status: v }), statusLabel)}
      {props.userId !== undefined && (
        <Toggle
          label={strings.MyActionsFilter}
          inlineLabel={true}
          checked={filters.mine !== undefined}
          onChange={(_e, checked) => onChange({ ...filters, mine: checked ? props.userId : undefined })}
        />
      )}
      <DefaultButton text={strings.ClearFilters} disabled={!filtersActive(filters)} onClick={() => onChange(NO_FILTERS)} />
    </div>
  );
}

function DomainCardsView(props: IDomainCardsProps): JSX.Element {
  const { repository } = props;
  const theme = useTheme();
  const cn = React.useMemo(() => getClassNames(theme), [theme]);
  const today = React.useMemo(() => props.today || new Date(), [props.today]);
  const configuredYear = props.reportYear && props.reportYear > 0 ? props.reportYear : undefined;
  const [pickedYear, setPickedYear] = React.useState<number | undefined>(undefined);
  React.useEffect(() => setPickedYear(undefined), [configuredYear]);
  // One round trip: the year's card rows, counts, rights, stored reports and the current user.
  const { view, loading, refreshing, error, reload, addActions, addRisk } = useYearView(repository, pickedYear !== undefined ? pickedYear : configuredYear, today);
  const data = view ? view.data : undefined;
  const permissions = view ? view.permissions : READER;
  const canEdit = permissions.canEdit;
  const currentUser = view ? view.currentUser : undefined;
  const [toMark, setToMark] = React.useState<{ action: IAction; recommendations: IRecommendation[] } | undefined>(undefined);
  const [marking, setMarking] = React.useState(false);

  // The final reports came in the same round trip: their years decide the year the cards open on.
  const storedReports: IStoredReport[] = React.useMemo(() => (view ? view.reports : []), [view]);
  const defaultYear = defaultReportYear(data, configuredYear, today, (data && data.finalYears) || []);
  // The year whose rows are on screen; a picked year shows once its rows are read.
  const year = view ? view.year : pickedYear !== undefined ? pickedYear : defaultYear;
  const shownYear = pickedYear !== undefined ? pickedYear : year;

  // A final year: items changed after its report are marked; its snapshot can be shown next to today's data.
  const reportDate = finalReportDate(storedReports, year);
  const changed = React.useMemo(() => (data && reportDate ? changesAfterFinal(data, reportDate) : undefined), [data, reportDate]);
  const hasSnapshot = storedReports.some((r) => r.year === year && r.format === 'Gegevens');
  const [showFinal, setShowFinal] = React.useState(false);
  const snapshot = useSnapshot(repository, showFinal && hasSnapshot ? year : undefined);
  const comparison = React.useMemo(
    () => (data && snapshot && snapshot.data && snapshot.year === year ? compareWithSnapshot(data, snapshot.data, year) : undefined),
    [data, snapshot, year]
  );

  const [filters, setFilters] = React.useState<IFilters>(NO_FILTERS);
  const [selection, setSelection] = React.useState<ISelection | undefined>(undefined);
  const [confirm, setConfirm] = React.useState<IAction | undefined>(undefined);
  const [realising, setRealising] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice | undefined>(undefined);

  const openForm = useFormOpener(reload, props.openForm);

  const report = React.useMemo(() => (data ? buildReport(data, year) : undefined), [data, year]);
  const years = React.useMemo(() => {
    const all = data ? availableYears(data) : [];
    for (const y of [defaultYear, year, shownYear]) if (all.indexOf(y) < 0) all.push(y);
    return all.sort((a, b) => b - a);
  }, [data, defaultYear, year, shownYear]);

  const single = !!props.domainKey && !!props.domainKey.trim();
  const domainReports: IDomainReport[] = React.useMemo(() => {
    if (!report) return [];
    return single ? report.domains.filter((d) => matchesDomain(d.domain, props.domainKey as string)) : report.domains;
  }, [report, single, props.domainKey]);
  const active = filtersActive(filters);
  const shown = React.useMemo(
    () =>
      domainReports
        .map((full) => ({ full, filtered: filterDomainReport(full, filters) }))
        .filter((x) => !active || itemCount(x.filtered) > 0),
    [domainReports, filters, active]
  );
  const resultCount = shown.reduce((n, x) => n + itemCount(x.filtered), 0);

  // Older items were read only to be counted: their titles load when a toggle opens.
  const loadTitles = React.useCallback(
    (ids: number[]): Promise<void> => repository.loadActionTitles(ids).then(addActions),
    [repository, addActions]
  );
  // Filters search the older items too: read their titles once a filter is on.
  const olderWithoutTitle = React.useMemo(
    () => (active ? idsWithoutTitle(([] as IAction[]).concat(...domainReports.map((d) => d.realisationsOlder.concat(d.planningOlder)))) : []),
    [active, domainReports]
  );
  React.useEffect(() => {
    if (olderWithoutTitle.length > 0) loadTitles(olderWithoutTitle).catch(() => undefined);
  }, [olderWithoutTitle, loadTitles]);

  // Deep link: once the cards are there, bring the requested one into view.
  const focusedInitial = React.useRef(false);
  React.useEffect(() => {
    if (focusedInitial.current || !report || !props.initialDomainKey) return;
    const target = report.domains.filter((d) => matchesDomain(d.domain, props.initialDomainKey as string))[0];
    if (!target) return;
    focusedInitial.current = true;
    focusCard(anchorFor(target.domain));
  }, [report, props.initialDomainKey]);

  // After a change, stay on the year shown: one realisation in a later year must not move the page (or its default) there.
  const reloadKeepingYear = (): void => {
    if (pickedYear === undefined && configuredYear === undefined && view) setPickedYear(view.year);
    else reload();
  };

  // The control team started the next reporting year: open on the newly decided year.
  const startNextYear = (): void => {
    if (pickedYear !== undefined) setPickedYear(undefined);
    else reload();
  };

  const doRealise = (action: IAction): void => {
    const realYear = realisationYearFor(action, year);
    setRealising(true);
    repository
      .realiseAction(action, realYear)
      .then((updated) => {
        setNotice({ kind: 'success', text: format(strings.Realised, cardTitle(updated || action), realYear) });
        const open = data ? openRecommendationsAnsweredBy(data, action.id) : [];
        if (open.length > 0) setToMark({ action: updated || action, recommendations: open });
      })
      .catch((e: unknown) => {
        if (e instanceof ConflictError || (e instanceof Error && e.name === 'ConflictError')) {
          // Never retry or overwrite: the other person's change wins; show what it is now.
          const latest = (e as ConflictError).latest || action;
          setNotice({ kind: 'conflict', text: format(strings.Conflict, cardTitle(latest), statusLabel(latest.status)) });
        } else if (e instanceof Error && e.name === 'ListValidationError') {
          // The list's own rule (Dutch, from the schema): SharePoint's REST answer does not carry it.
          setNotice({ kind: 'error', text: `${strings.RealiseFailed} ${e.message}` });
        } else {
          setNotice({ kind: 'error', text: strings.RealiseFailed });
        }
      })
      .then(() => {
        setRealising(false);
        setConfirm(undefined);
        setSelection(undefined);
        reloadKeepingYear();
      })
      .catch(() => undefined);
  };

  const doMark = (recommendations: IRecommendation[]): void => {
    setMarking(true);
    repository
      .markRecommendationsCarriedOut(recommendations)
      .then((result) => {
        const parts: string[] = [];
        if (result.updated.length) parts.push(format(strings.Marked, result.updated.length));
        if (result.conflicts.length) parts.push(format(strings.MarkConflict, result.conflicts.map((r) => `'${r.title}' (${r.status})`).join(', ')));
        if (result.failed.length) parts.push(format(strings.MarkFailed, result.failed.map((r) => `'${r.title}'`).join(', ')));
        const kind = result.conflicts.length ? 'conflict' : result.failed.length ? 'error' : 'success';
        setNotice({ kind, text: parts.join(' ') });
      })
      .catch(() => setNotice({ kind: 'error', text: format(strings.MarkFailed, recommendations.map((r) => `'${r.title}'`).join(', ')) }))
      .then(() => {
        setMarking(false);
        setToMark(undefined);
        reloadKeepingYear();
      })
      .catch(() => undefined);
  };

  const deadlines = React.useMemo(() => (data ? deadlinesByDomain(data, today) : {}), [data, today]);

  let body: React.ReactNode;
  if (!data) {
    body =
      loading || !error ? (
        <LoadingView label={strings.Loading} blocks={single ? 1 : 3} lines={6} />
      ) : (
        <ErrorView message={isServerBusy(error) ? strings.LoadErrorBusy : strings.LoadError} retryLabel={strings.Retry} onRetry={reload} detailsLabel={strings.TechnicalDetails} error={error} />
      );
  } else if (report && report.domains.length === 0) {
    const message = permissions.canManageLists ? strings.EmptyOwner : canEdit ? strings.EmptyEditor : strings.EmptyReader;
    body = (
      <EmptyView
        title={strings.EmptyTitle}
        message={message}
        actionLabel={canEdit ? strings.OpenDomainsList : undefined}
        onAction={canEdit ? () => openForm(listViewUrl(repository.siteUrl, 'domains')) : undefined}
      />
    );
  } else if (single && domainReports.length === 0) {
    body = <MessageBar messageBarType={MessageBarType.warning}>{format(strings.DomainNotFound, props.domainKey as string)}</MessageBar>;
  } else {
    body = (
      <div className={cn.cards}>
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
            onOpen={setSelection}
            onLoadTitles={loadTitles}
            onNewAction={() => openForm(listFormUrl(repository.siteUrl, 'actions', 'NewForm'))}
            onNewRisk={() => openForm(listFormUrl(repository.siteUrl, 'risks', 'NewForm'))}
            today={today}
            deadlines={deadlines[full.domain.id]}
            changed={changed}
            final={
              snapshot && snapshot.year === year
                ? { year, loading: snapshot.loading, error: snapshot.error, comparison: comparison ? comparison[full.domain.id] : undefined }
                : undefined
            }
            onShare={props.shareDomain ? () => props.shareDomain && props.shareDomain(full.domain.key || String(full.domain.id), full.domain.title) : undefined}
          />
        ))}
      </div>
    );
  }

  const reportActions = props.renderReportActions ? props.renderReportActions({ reportYear: year, canEdit, canFinalise: permissions.canFinalise, onStartNextYear: year === defaultYear && configuredYear === undefined ? startNextYear : undefined }) : props.reportActions;

  return (
    <div className={cn.root} data-teams={props.isTeams ? 'true' : undefined}>
      {data && (
        <div className={cn.toolbar}>
          <Toolbar
            cn={cn}
            year={shownYear}
            years={years}
            onYear={setPickedYear}
            refreshing={refreshing}
            onRefresh={reload}
            reportActions={
              <>
                {reportActions}
                {report && report.domains.length > 0 && (
                  <CardsExport repository={repository} shown={shown.map((x) => x.filtered)} domains={data.domains} year={year} today={today} data={data} />
                )}
              </>
            }
          />
          {hasSnapshot && (
            <Toggle
              label={format(strings.ShowFinalReport, year)}
              inlineLabel={true}
              checked={showFinal}
              onChange={(_e, checked) => setShowFinal(!!checked)}
              data-testid="show-final-report"
            />
          )}
          {report && report.domains.length > 0 && <FilterBar cn={cn} data={data} filters={filters} onChange={setFilters} userId={currentUser ? currentUser.id : undefined} />}
          <div className={cn.liveRegion} aria-live="polite" role="status" data-testid="filter-results">
            {active ? (single ? format(strings.FilterResultsOne, resultCount) : format(strings.FilterResults, resultCount, shown.length)) : ''}
          </div>
          {!single && !active && domainReports.length > 1 && (
            <nav aria-label={strings.DomainNav}>
              <ul className={cn.nav}>
                {domainReports.map((d) => (
                  <li key={d.domain.id}>
                    <a
                      className={cn.navLink}
                      href={`#${anchorFor(d.domain)}`}
                      onClick={(e) => {
                        e.preventDefault();
                        focusCard(anchorFor(d.domain));
                      }}
                    >
                      {d.domain.shortTitle || d.domain.title}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </div>
      )}
      {(notice || (data && error)) && (
        <div className={cn.messages}>
          {data && error && (
            <ErrorView warning={true} message={strings.RefreshError} retryLabel={strings.Retry} onRetry={reload} detailsLabel={strings.TechnicalDetails} error={error} />
          )}
          {notice && (
            <MessageBar
              messageBarType={notice.kind === 'success' ? MessageBarType.success : notice.kind === 'conflict' ? MessageBarType.warning : MessageBarType.error}
              isMultiline={true}
              onDismiss={() => setNotice(undefined)}
              dismissButtonAriaLabel={strings.Dismiss}
            >
              {notice.text}
            </MessageBar>
          )}
        </div>
      )}
      {data && report && report.domains.length > 0 && <RiskHeatMapSection shown={shown.map((x) => x.filtered)} riskSettings={data.riskSettings} actions={data.actions} onOpen={setSelection} />}
      {body}
      {data && (
        <DetailPanel
          selection={selection}
          data={data}
          year={year}
          firstDataYear={firstDataYear(data, year)}
          showDescriptions={props.showDescriptions}
          canEdit={canEdit}
          siteUrl={repository.siteUrl}
          classNames={cn}
          onDismiss={() => setSelection(undefined)}
          loadActionDetails={(id) => repository.loadActionDetails(id)}
          loadRiskDetails={(id) => repository.loadRiskDetails(id)}
          onActionDetails={(a) => addActions([a])}
          onRiskDetails={addRisk}
          openForm={openForm}
          onRealise={canEdit ? (a) => setConfirm(a) : undefined}
          auditsUrl={props.auditsUrl}
          today={today}
          listIds={permissions.listIds}
        />
      )}
      <Dialog
        hidden={!confirm}
        onDismiss={() => (realising ? undefined : setConfirm(undefined))}
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
          <PrimaryButton text={realising ? strings.Realising : strings.RealiseConfirm} disabled={realising} onClick={() => confirm && doRealise(confirm)} />
          <DefaultButton text={strings.Cancel} disabled={realising} onClick={() => setConfirm(undefined)} />
        </DialogFooter>
      </Dialog>
      <Dialog
        hidden={!toMark}
        onDismiss={() => (marking ? undefined : setToMark(undefined))}
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
          <PrimaryButton text={marking ? strings.Marking : strings.MarkConfirm} disabled={marking} onClick={() => toMark && doMark(toMark.recommendations)} />
          <DefaultButton text={strings.MarkSkip} disabled={marking} onClick={() => setToMark(undefined)} />
        </DialogFooter>
      </Dialog>
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
